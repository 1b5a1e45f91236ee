import { formatDate } from '@haven/core/i18n/format'
import type { FollowUpView } from '@haven/core/people/people-views'
import type { JSX } from 'preact'
import { useState } from 'preact/hooks'
import { useRoute } from 'preact-iso'
import { Done, type Loaded, Loading, Problem, useLoad } from '../../components/load-state.js'
import { PageTitle } from '../../components/page-title.js'
import { locale, t } from '../../lib/locale.js'
import { apiGet } from '../../lib/typed-api.js'
import { CaseAssign } from './case-assign.js'
import { CaseAttachments } from './case-attachments.js'
import { CaseFollowUps } from './case-follow-ups.js'
import { CasePrint } from './case-print.js'
import { CaseReferrals } from './case-referrals.js'
import { CaseRestriction } from './case-restriction.js'
import { CaseStatusForm } from './case-status-form.js'
import { CaseTimeline } from './case-timeline.js'
import { SealedText } from './people-parts.js'
import { readOnly, ShreddedRecord, useShredded } from './shredded-compartments.js'

/** The next thing to do on the case: its earliest follow-up not yet done (overdue said). */
function NextAction({ items }: { items: Loaded<FollowUpView[]> }): JSX.Element {
  if (items.state === 'loading') return <Loading />
  if (items.state === 'failed') return <Problem error={items.error} />
  const next = items.data.filter((f) => !f.doneAt).sort((a, b) => a.dueOn.localeCompare(b.dueOn))[0]
  if (!next) return <span class="muted">{t('cases.next_none')}</span>
  return (
    <span class="next-action">
      <SealedText view={next.title} /> · {t('cases.due')} {formatDate(locale.value, next.dueOn)}
      {next.overdue && (
        <>
          {' · '}
          <strong>{t('cases.overdue_badge')}</strong>
        </>
      )}
    </span>
  )
}

/**
 * One case: its facts and next action first, then the timeline, follow-ups, referrals and files;
 * every form opens on demand.
 */
export function CasePage(): JSX.Element {
  const { params } = useRoute()
  const id = params.id ?? ''
  const [kase, reload] = useLoad(() => apiGet('/cases/{id}', { path: { id } }), id)
  const [followUps, reloadFollowUps] = useLoad(
    () => apiGet('/cases/{id}/follow-ups', { path: { id } }),
    id,
  )
  const [done, setDone] = useState<string | null>(null)
  const shredded = useShredded()
  if (kase.state === 'loading') return <Loading />
  if (kase.state === 'failed')
    return (
      <section class="card" aria-labelledby="page-title">
        <PageTitle text={t('cases.title')} />
        <Problem error={kase.error} />
      </section>
    )
  const gone = shredded.get(kase.data.compartmentId)
  const c = gone ? readOnly(kase.data) : kase.data
  return (
    <section class="card" aria-labelledby="page-title">
      <p class="crumbs">
        <a href="/app/cases">{t('cases.title')}</a> ·{' '}
        <a href={`/app/people/${c.personId}`}>{c.personCode}</a>
      </p>
      <PageTitle text={c.code} />
      {gone && <ShreddedRecord compartment={gone} />}
      <Done text={done} />
      <dl class="record">
        <dt>{t('cases.next')}</dt>
        <dd>
          <NextAction items={followUps} />
        </dd>
        <dt>{t('cases.type')}</dt>
        <dd>{t(`case_type.${c.type}`)}</dd>
        <dt>{t('cases.status')}</dt>
        <dd>
          {t(`case_status.${c.status}`)}
          {c.outcome && ` · ${t(`case_outcome.${c.outcome}`)}`}
        </dd>
        <dt>{t('cases.priority')}</dt>
        <dd>
          {c.priority === 'urgent' || c.priority === 'high' ? (
            <span class={`badge priority-${c.priority}`}>{t(`priority.${c.priority}`)}</span>
          ) : (
            t(`priority.${c.priority}`)
          )}
        </dd>
        <dt>{t('cases.assignee')}</dt>
        <dd>
          {c.assigneeName ?? <span class="muted">{t('cases.unassigned')}</span>}
          {c.actions.includes('update') && (
            <CaseAssign
              kase={c}
              saved={(text) => {
                setDone(text)
                reload()
              }}
            />
          )}
        </dd>
        <dt>{t('restriction.who_sees')}</dt>
        <dd>
          <CaseRestriction
            kase={c}
            saved={(text) => {
              setDone(text)
              reload()
            }}
          />
        </dd>
        <dt>{t('cases.opened')}</dt>
        <dd>{formatDate(locale.value, c.openedOn)}</dd>
        {c.closedOn && (
          <>
            <dt>{t('cases.closed')}</dt>
            <dd>{formatDate(locale.value, c.closedOn)}</dd>
          </>
        )}
        <dt>{t('cases.summary')}</dt>
        <dd>
          <SealedText view={c.summary} />
        </dd>
      </dl>
      <p>
        <a
          href={`/app/incidents?case=${encodeURIComponent(c.id)}&people=${encodeURIComponent(c.personCode)}`}
        >
          {t('incidents.new')}
        </a>
        {c.type === 'resettlement' && !gone && (
          <>
            {' · '}
            <a href={`/app/resettlement/new?case=${encodeURIComponent(c.id)}`}>
              {t('resettlement.open')}
            </a>
          </>
        )}
        {c.type === 'medical' && (
          <>
            {' · '}
            <a href={`/app/treatments/cases/${encodeURIComponent(c.id)}`}>
              {t('medical.case_link')}
            </a>
          </>
        )}
      </p>
      {c.actions.includes('update') && <CaseStatusForm kase={c} saved={reload} />}
      <CasePrint kase={c} />
      <CaseTimeline kase={c} />
      <CaseFollowUps kase={c} items={followUps} reload={reloadFollowUps} />
      <CaseReferrals kase={c} />
      <CaseAttachments kase={c} />
    </section>
  )
}
