import { formatDate } from '@haven/core/i18n/format'
import { CASE_STATUSES, CASE_TYPES } from '@haven/core/people/case-schema'
import type { CaseView } from '@haven/core/people/people-views'
import type { JSX } from 'preact'
import { useState } from 'preact/hooks'
import { useLocation, useRoute } from 'preact-iso'
import { Loading, Problem, useLoad } from '../../components/load-state.js'
import { PageTitle } from '../../components/page-title.js'
import { SelectField } from '../../components/select-field.js'
import { locale, t } from '../../lib/locale.js'
import { activeSession } from '../../lib/session.js'
import { apiGet } from '../../lib/typed-api.js'
import { ExportButton } from './export-button.js'
import { optionsOf } from './people-parts.js'

interface CasesPage {
  cases: CaseView[]
  nextCursor: string | null
  total: number
  totalCapped: boolean
}

const FILTERS = ['assignee', 'type', 'status'] as const

/**
 * Cases of the caller's compartments, most recently active first, as a table with a count and
 * "More" to the last one. The filters live in the address: Back, reload and a shared link keep
 * them.
 */
export function CasesList(): JSX.Element {
  const session = activeSession.value
  const { query } = useRoute()
  const { route } = useLocation()
  const filters = new URLSearchParams()
  for (const key of FILTERS) if (query[key]) filters.set(key, query[key])
  const key = filters.toString()
  const [first] = useLoad(() => apiGet('/cases', { search: key }), key)
  // Pages after the first, for these filters only (a new filter starts again).
  const [more, setMore] = useState<{ key: string; pages: CasesPage[] }>({ key, pages: [] })
  const [busy, setBusy] = useState(false)
  const [moreError, setMoreError] = useState<unknown>(null)
  const extra = more.key === key ? more.pages : []
  const setFilter = (name: (typeof FILTERS)[number]) => (value: string) => {
    const next = new URLSearchParams(filters)
    if (value) next.set(name, value)
    else next.delete(name)
    const search = next.toString()
    route(`/app/cases${search ? `?${search}` : ''}`)
  }
  const pages = first.state === 'ready' ? [first.data, ...extra] : []
  const rows = pages.flatMap((p) => p.cases)
  const cursor = pages.at(-1)?.nextCursor ?? null
  const loadMore = async () => {
    if (!cursor) return
    setBusy(true)
    setMoreError(null)
    try {
      const params = new URLSearchParams(filters)
      params.set('cursor', cursor)
      const page = await apiGet('/cases', { search: params.toString() })
      setMore({ key, pages: [...extra, page] })
    } catch (caught) {
      setMoreError(caught)
    } finally {
      setBusy(false)
    }
  }
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
          id="case-assignee"
          label={t('cases.whose')}
          value={query.assignee ?? ''}
          options={[
            { value: '', label: t('cases.whose_all') },
            { value: 'me', label: t('cases.whose_mine') },
          ]}
          onChange={setFilter('assignee')}
        />
        <SelectField
          id="case-type"
          label={t('cases.type')}
          value={query.type ?? ''}
          options={optionsOf(CASE_TYPES, (c) => t(`case_type.${c}`), true)}
          onChange={setFilter('type')}
        />
        <SelectField
          id="case-status"
          label={t('cases.status')}
          value={query.status ?? ''}
          options={optionsOf(CASE_STATUSES, (c) => t(`case_status.${c}`), true)}
          onChange={setFilter('status')}
        />
      </div>
      {first.state === 'loading' && <Loading />}
      {first.state === 'failed' && <Problem error={first.error} />}
      {first.state === 'ready' &&
        (rows.length === 0 ? (
          <p>{t('cases.none')}</p>
        ) : (
          <>
            <p class="list-count" role="status">
              {t(first.data.totalCapped ? 'cases.count_capped' : 'cases.count', {
                shown: rows.length,
                count: first.data.total,
              })}
            </p>
            <table class="table cases-table">
              <caption class="visually-hidden">{t('cases.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('cases.code')}</th>
                  <th scope="col">{t('cases.person')}</th>
                  <th scope="col">{t('cases.type')}</th>
                  <th scope="col">{t('cases.status')}</th>
                  <th scope="col">{t('cases.priority')}</th>
                  <th scope="col">{t('cases.assignee')}</th>
                  <th scope="col">{t('cases.opened')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">
                      <a href={`/app/cases/${c.id}`}>{c.code}</a>
                    </th>
                    <td data-label={t('cases.person')}>
                      <a href={`/app/people/${c.personId}`}>{c.personCode}</a>
                    </td>
                    <td data-label={t('cases.type')}>{t(`case_type.${c.type}`)}</td>
                    <td data-label={t('cases.status')}>{t(`case_status.${c.status}`)}</td>
                    <td data-label={t('cases.priority')}>
                      {c.priority === 'urgent' || c.priority === 'high' ? (
                        <span class={`badge priority-${c.priority}`}>
                          {t(`priority.${c.priority}`)}
                        </span>
                      ) : (
                        t(`priority.${c.priority}`)
                      )}
                    </td>
                    <td data-label={t('cases.assignee')}>
                      {c.assigneeName ?? <span class="muted">{t('people.not_given')}</span>}
                    </td>
                    <td data-label={t('cases.opened')}>{formatDate(locale.value, c.openedOn)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {moreError !== null && <Problem error={moreError} />}
            {cursor && (
              <div class="actions">
                <button type="button" class="secondary" disabled={busy} onClick={loadMore}>
                  {t('people.more')}
                </button>
              </div>
            )}
          </>
        ))}
    </section>
  )
}
