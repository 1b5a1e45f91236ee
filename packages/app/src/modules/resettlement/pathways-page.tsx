import { PATHWAY_ROUTES, PATHWAY_STAGES } from '@haven/core/resettlement/pathway-schema'
import type { PathwayPage } from '@haven/core/resettlement/pathway-views'
import type { JSX } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import { Loading, Problem } from '../../components/load-state.js'
import { PageTitle } from '../../components/page-title.js'
import { SelectField } from '../../components/select-field.js'
import { t } from '../../lib/locale.js'
import { apiGet } from '../../lib/typed-api.js'
import { coarse, number, routeLabel } from './pathway-labels.js'

const PAGE_SIZE = 25

interface Filters {
  route: string
  stage: string
  offset: number
}

/** The filters and page from the address bar, so a list can be bookmarked and shared. */
function filtersFromUrl(): Filters {
  const params = new URLSearchParams(location.search)
  const offset = Number(params.get('offset') ?? 0)
  return {
    route: params.get('route') ?? '',
    stage: params.get('stage') ?? '',
    offset: Number.isInteger(offset) && offset > 0 ? offset : 0,
  }
}

function queryOf(f: Filters): string {
  const params = new URLSearchParams()
  if (f.route) params.set('route', f.route)
  if (f.stage) params.set('stage', f.stage)
  if (f.offset) params.set('offset', String(f.offset))
  return params.toString()
}

/** `/app/resettlement`: pathways in the compartments where the person holds a grant themself. */
export function PathwaysPage(): JSX.Element {
  const [filters, setFilters] = useState<Filters>(filtersFromUrl)
  const [page, setPage] = useState<PathwayPage | null>(null)
  const [error, setError] = useState<unknown>(null)
  useEffect(() => {
    const query = queryOf(filters)
    history.replaceState(null, '', `/app/resettlement${query ? `?${query}` : ''}`)
    setPage(null)
    setError(null)
    apiGet('/resettlement/pathways', { query: { limit: PAGE_SIZE }, search: query })
      .then(setPage)
      .catch(setError)
  }, [filters.route, filters.stage, filters.offset])

  const any = { value: '', label: t('resettlement.any') }
  return (
    <div class="page">
      <PageTitle text={t('resettlement.title')} />
      <p class="callout">{t('resettlement.intro')}</p>
      <section class="card" aria-labelledby="pathway-list-title">
        <h2 id="pathway-list-title" class="visually-hidden">
          {t('resettlement.title')}
        </h2>
        <div class="field-row">
          <SelectField
            id="route"
            label={t('resettlement.filter_route')}
            value={filters.route}
            options={[
              any,
              ...PATHWAY_ROUTES.map((r) => ({ value: r, label: t(`resettlement.route.${r}`) })),
            ]}
            onChange={(route) => setFilters({ ...filters, route, offset: 0 })}
          />
          <SelectField
            id="stage"
            label={t('resettlement.filter_stage')}
            value={filters.stage}
            options={[
              any,
              ...PATHWAY_STAGES.map((s) => ({ value: s, label: t(`resettlement.stage.${s}`) })),
            ]}
            onChange={(stage) => setFilters({ ...filters, stage, offset: 0 })}
          />
        </div>
        {error ? (
          <Problem error={error} />
        ) : !page ? (
          <Loading />
        ) : (
          <>
            <p aria-live="polite">{t('resettlement.count', { count: page.total })}</p>
            {page.items.length === 0 ? (
              <p>{t('resettlement.none')}</p>
            ) : (
              <table class="table">
                <caption class="visually-hidden">{t('resettlement.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('resettlement.case')}</th>
                    <th scope="col">{t('resettlement.person')}</th>
                    <th scope="col">{t('resettlement.route')}</th>
                    <th scope="col">{t('resettlement.stage')}</th>
                    <th scope="col">{t('resettlement.since')}</th>
                    <th scope="col">{t('resettlement.country')}</th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((p) => (
                    <tr key={p.id}>
                      <th scope="row" data-label={t('resettlement.case')}>
                        <a href={`/app/resettlement/${encodeURIComponent(p.id)}`}>
                          <code>{p.caseCode}</code>
                        </a>
                      </th>
                      <td data-label={t('resettlement.person')}>
                        <code>{p.personCode}</code>
                      </td>
                      <td data-label={t('resettlement.route')}>{routeLabel(p)}</td>
                      <td data-label={t('resettlement.stage')}>
                        {t(`resettlement.stage.${p.stage}`)}
                      </td>
                      <td data-label={t('resettlement.since')}>{coarse(p.stageOn)}</td>
                      <td data-label={t('resettlement.country')}>{p.country ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {page.total > PAGE_SIZE && (
              <nav aria-label={t('resettlement.title')} class="pager">
                <p>
                  {t('resettlement.page', {
                    from: number(filters.offset + 1),
                    to: number(Math.min(filters.offset + PAGE_SIZE, page.total)),
                    total: number(page.total),
                  })}
                </p>
                <button
                  type="button"
                  disabled={filters.offset === 0}
                  onClick={() =>
                    setFilters({ ...filters, offset: Math.max(0, filters.offset - PAGE_SIZE) })
                  }
                >
                  {t('resettlement.previous')}
                </button>
                <button
                  type="button"
                  disabled={filters.offset + PAGE_SIZE >= page.total}
                  onClick={() => setFilters({ ...filters, offset: filters.offset + PAGE_SIZE })}
                >
                  {t('resettlement.next')}
                </button>
              </nav>
            )}
          </>
        )}
      </section>
    </div>
  )
}
