import { formatDate, formatNumber } from '@haven/core/i18n/format'
import type { CaseView, FollowUpView } from '@haven/core/people/people-views'
import type { JSX } from 'preact'
import { Loading, Problem, useLoad } from '../../components/load-state.js'
import { locale, t } from '../../lib/locale.js'
import { apiGet } from '../../lib/typed-api.js'
import { SealedText } from './people-parts.js'

interface WorkQueueView {
  cases: CaseView[]
  openTotal: number
  followUps: FollowUpView[]
}

function PriorityBadge({ kase }: { kase: CaseView }): JSX.Element | null {
  if (kase.priority !== 'urgent' && kase.priority !== 'high') return null
  return <span class={`badge priority-${kase.priority}`}>{t(`priority.${kase.priority}`)}</span>
}

/**
 * The next thing to do, said first: an overdue follow-up, else an urgent case, else the first
 * follow-up due, else the top case. `null` when the queue is empty.
 */
function nextAction(queue: WorkQueueView): JSX.Element | null {
  const overdue = queue.followUps.find((f) => f.overdue)
  if (overdue)
    return (
      <a href={`/app/cases/${overdue.caseId}`}>
        {t('queue.next_overdue', { code: overdue.caseCode })}
      </a>
    )
  const urgent = queue.cases.find((c) => c.priority === 'urgent')
  if (urgent)
    return <a href={`/app/cases/${urgent.id}`}>{t('queue.next_urgent', { code: urgent.code })}</a>
  const due = queue.followUps[0]
  if (due)
    return (
      <a href={`/app/cases/${due.caseId}`}>
        {t('queue.next_due', { code: due.caseCode, date: formatDate(locale.value, due.dueOn) })}
      </a>
    )
  const top = queue.cases[0]
  if (top) return <a href={`/app/cases/${top.id}`}>{t('queue.next_case', { code: top.code })}</a>
  return null
}

/** Home for a caseworker: the next action, her open cases urgent first, her follow-ups due. */
export function WorkQueue(): JSX.Element {
  const [queue] = useLoad(() => apiGet('/work-queue'), 'queue')
  if (queue.state === 'loading') return <Loading />
  if (queue.state === 'failed') return <Problem error={queue.error} />
  const q = queue.data
  const next = nextAction(q)
  return (
    <>
      <section class="record-section" aria-labelledby="next-title">
        <h2 id="next-title">{t('queue.next')}</h2>
        <p class="next-action">{next ?? t('queue.nothing_due')}</p>
      </section>
      <section class="record-section" aria-labelledby="my-cases-title">
        <h2 id="my-cases-title">{t('queue.my_cases')}</h2>
        {q.cases.length === 0 ? (
          <p>{t('queue.no_cases')}</p>
        ) : (
          <>
            <p class="list-count">
              {t('cases.count', {
                shown: formatNumber(locale.value, q.cases.length),
                count: q.openTotal,
              })}
            </p>
            <ul class="item-list" aria-labelledby="my-cases-title">
              {q.cases.map((c) => (
                <li key={c.id} class={`item${c.priority === 'urgent' ? ' item-urgent' : ''}`}>
                  <a class="item-title" href={`/app/cases/${c.id}`}>
                    {c.code}
                  </a>{' '}
                  <PriorityBadge kase={c} />
                  <span class="item-meta">
                    {t(`case_type.${c.type}`)} · {t(`case_status.${c.status}`)} ·{' '}
                    {t('cases.for_person', { code: c.personCode })}
                  </span>
                </li>
              ))}
            </ul>
            {q.openTotal > q.cases.length && (
              <p>
                <a href="/app/cases?assignee=me">{t('queue.all_my_cases')}</a>
              </p>
            )}
          </>
        )}
      </section>
      <section class="record-section" aria-labelledby="due-title">
        <h2 id="due-title">{t('queue.follow_ups_due')}</h2>
        {q.followUps.length === 0 ? (
          <p>{t('queue.no_follow_ups')}</p>
        ) : (
          <ul class="item-list" aria-labelledby="due-title">
            {q.followUps.map((f) => (
              <li key={f.id} class="item">
                <a class="item-title" href={`/app/cases/${f.caseId}`}>
                  {f.caseCode}
                </a>{' '}
                {f.overdue && <span class="badge priority-urgent">{t('queue.overdue')}</span>}
                <span class="item-meta">
                  <SealedText view={f.title} /> · {formatDate(locale.value, f.dueOn)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  )
}

/** For coordinators: how many open (and urgent) cases each caseworker carries, per shelter. */
export function Caseload(): JSX.Element {
  const [load] = useLoad(() => apiGet('/caseload'), 'caseload')
  return (
    <section class="record-section" aria-labelledby="caseload-title">
      <h2 id="caseload-title">{t('cases.caseload')}</h2>
      {load.state === 'loading' && <Loading />}
      {load.state === 'failed' && <Problem error={load.error} />}
      {load.state === 'ready' &&
        (load.data.length === 0 ? (
          <p>{t('queue.no_open_cases')}</p>
        ) : (
          <table class="table caseload-table">
            <caption class="visually-hidden">{t('cases.caseload')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cases.caseload_worker')}</th>
                <th scope="col">{t('people.compartment')}</th>
                <th scope="col">{t('cases.caseload_open')}</th>
                <th scope="col">{t('cases.caseload_urgent')}</th>
              </tr>
            </thead>
            <tbody>
              {load.data.map((r) => (
                <tr key={`${r.compartmentId}:${r.assigneeId ?? ''}`}>
                  <th scope="row">
                    {r.name ?? <span class="muted">{t('cases.caseload_nobody')}</span>}
                  </th>
                  <td data-label={t('people.compartment')}>{r.compartmentCode}</td>
                  <td data-label={t('cases.caseload_open')}>
                    {formatNumber(locale.value, r.open)}
                  </td>
                  <td data-label={t('cases.caseload_urgent')}>
                    {formatNumber(locale.value, r.urgent)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
    </section>
  )
}
