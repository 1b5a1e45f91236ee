import { CASE_STATUSES, CASE_TYPES } from '@haven/core/people/case-schema'
import type { CaseView } from '@haven/core/people/people-views'
import type { JSX } from 'preact'
import { useState } from 'preact/hooks'
import { Loading, Problem, useLoad } from '../../components/load-state.js'
import { PageTitle } from '../../components/page-title.js'
import { SelectField } from '../../components/select-field.js'
import { api } from '../../lib/api-client.js'
import { t } from '../../lib/locale.js'
import { activeSession } from '../../lib/session.js'
import { CaseItem } from './case-parts.js'
import { ExportButton } from './export-button.js'
import { optionsOf } from './people-parts.js'

/** Cases of the caller's compartments, most recently active first, by type and status. */
export function CasesList(): JSX.Element {
  const session = activeSession.value
  const [type, setType] = useState('')
  const [status, setStatus] = useState('')
  const query = new URLSearchParams({ ...(type ? { type } : {}), ...(status ? { status } : {}) })
  const [cases] = useLoad(
    () => api<{ cases: CaseView[] }>('GET', `/cases?${query.toString()}`),
    query.toString(),
  )
  return (
    <section class="card" aria-labelledby="page-title">
      <PageTitle text={t('cases.title')} />
      <div class="actions">
        {session?.can.exportPeople && (
          <ExportButton path="/exports/cases" fileName="cases.csv" label={t('cases.export')} />
        )}
        {session?.can.reviewRetention && <a href="/app/retention">{t('retention.link')}</a>}
      </div>
      <div class="filter-grid">
        <SelectField
          id="case-type"
          label={t('cases.type')}
          value={type}
          options={optionsOf(CASE_TYPES, (c) => t(`case_type.${c}`), true)}
          onChange={setType}
        />
        <SelectField
          id="case-status"
          label={t('cases.status')}
          value={status}
          options={optionsOf(CASE_STATUSES, (c) => t(`case_status.${c}`), true)}
          onChange={setStatus}
        />
      </div>
      {cases.state === 'loading' && <Loading />}
      {cases.state === 'failed' && <Problem error={cases.error} />}
      {cases.state === 'ready' &&
        (cases.data.cases.length === 0 ? (
          <p>{t('cases.none')}</p>
        ) : (
          <ul class="item-list" aria-label={t('cases.title')}>
            {cases.data.cases.map((c) => (
              <CaseItem key={c.id} kase={c} />
            ))}
          </ul>
        ))}
    </section>
  )
}
