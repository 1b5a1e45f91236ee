import { formatDate } from '@haven/core/i18n/format'
import type { CaseView } from '@haven/core/people/people-views'
import type { JSX } from 'preact'
import { useState } from 'preact/hooks'
import { useRoute } from 'preact-iso'
import { Done, Loading, Problem, useLoad } from '../../components/load-state.js'
import { PageTitle } from '../../components/page-title.js'
import { api } from '../../lib/api-client.js'
import { locale, t } from '../../lib/locale.js'
import { CaseAssign } from './case-assign.js'
import { CaseAttachments } from './case-attachments.js'
import { CaseFollowUps } from './case-follow-ups.js'
import { CaseReferrals } from './case-referrals.js'
import { CaseStatusForm } from './case-status-form.js'
import { CaseTimeline } from './case-timeline.js'
import { SealedText } from './people-parts.js'
import { readOnly, ShreddedRecord, useShredded } from './shredded-compartments.js'

/** One case: its facts and status, the timeline, follow-ups, referrals and files. */
export function CasePage(): JSX.Element {
  const { params } = useRoute()
  const id = params.id ?? ''
  const [kase, reload] = useLoad(() => api<CaseView>('GET', `/cases/${id}`), id)
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
      <div class="actions">
        <button type="button" class="secondary" onClick={() => window.print()}>
          {t('cases.print')}
        </button>
      </div>
      {gone && <ShreddedRecord compartment={gone} />}
      <Done text={done} />
      <dl class="record">
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
      </p>
      {c.actions.includes('update') && <CaseStatusForm kase={c} saved={reload} />}
      <CaseTimeline kase={c} />
      <CaseFollowUps kase={c} />
      <CaseReferrals kase={c} />
      <CaseAttachments kase={c} />
    </section>
  )
}
