import { CLASS_LANGUAGES, CLASS_STATUSES, type ClassPage } from '@haven/core/classes/class-schema'
import type { JSX } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import { Loading, Problem } from '../../components/load-state.js'
import { PageTitle } from '../../components/page-title.js'
import { SelectField } from '../../components/select-field.js'
import { t } from '../../lib/locale.js'
import { activeSession } from '../../lib/session.js'
import { apiGet } from '../../lib/typed-api.js'
import { classTitle, day, number, scheduleLabel } from './class-labels.js'
import { ClassNewForm } from './class-new-form.js'
import './classes.css'

const PAGE_SIZE = 25

interface Filters {
  language: string
  status: string
  offset: number
}

/** The filters and page from the address bar, so a list can be bookmarked and shared. */
function filtersFromUrl(): Filters {
  const params = new URLSearchParams(location.search)
  const offset = Number(params.get('offset') ?? 0)
  return {
    language: params.get('language') ?? '',
    status: params.get('status') ?? '',
    offset: Number.isInteger(offset) && offset > 0 ? offset : 0,
  }
}

function queryOf(f: Filters): string {
  const params = new URLSearchParams()
  if (f.language) params.set('language', f.language)
  if (f.status) params.set('status', f.status)
  if (f.offset) params.set('offset', String(f.offset))
  return params.toString()
}

/** `/app/classes`: the classes of one's compartments; a class is opened from here, on demand. */
export function ClassesPage(): JSX.Element {
  const [filters, setFilters] = useState<Filters>(filtersFromUrl)
  const [page, setPage] = useState<ClassPage | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [opening, setOpening] = useState(false)
  useEffect(() => {
    const query = queryOf(filters)
    history.replaceState(null, '', `/app/classes${query ? `?${query}` : ''}`)
    setPage(null)
    setError(null)
    apiGet('/classes', { query: { limit: PAGE_SIZE }, search: query })
      .then(setPage)
      .catch(setError)
  }, [filters.language, filters.status, filters.offset])

  const any = { value: '', label: t('classes.any') }
  const canOpen = activeSession.value?.can.runClasses === true
  return (
    <div class="page">
      <PageTitle text={t('classes.title')} />
      <p class="callout">{t('classes.intro')}</p>
      {canOpen &&
        (opening ? (
          <section class="card" aria-labelledby="new-class-title">
            <h2 id="new-class-title">{t('classes.new')}</h2>
            <ClassNewForm onCancel={() => setOpening(false)} />
          </section>
        ) : (
          <p class="class-actions">
            <button type="button" class="primary" onClick={() => setOpening(true)}>
              {t('classes.new')}
            </button>
          </p>
        ))}
      <section class="card" aria-labelledby="class-list-title">
        <h2 id="class-list-title" class="visually-hidden">
          {t('classes.title')}
        </h2>
        <div class="field-row">
          <SelectField
            id="filter-language"
            label={t('classes.filter_language')}
            value={filters.language}
            options={[
              any,
              ...CLASS_LANGUAGES.map((l) => ({ value: l, label: t(`classes.language.${l}`) })),
            ]}
            onChange={(language) => setFilters({ ...filters, language, offset: 0 })}
          />
          <SelectField
            id="filter-status"
            label={t('classes.filter_status')}
            value={filters.status}
            options={[
              any,
              ...CLASS_STATUSES.map((s) => ({ value: s, label: t(`classes.status.${s}`) })),
            ]}
            onChange={(status) => setFilters({ ...filters, status, offset: 0 })}
          />
        </div>
        {error ? (
          <Problem error={error} />
        ) : !page ? (
          <Loading />
        ) : (
          <>
            <p aria-live="polite">{t('classes.count', { count: page.total })}</p>
            {page.items.length === 0 ? (
              <p>{t('classes.none')}</p>
            ) : (
              <table class="table">
                <caption class="visually-hidden">{t('classes.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('classes.language')}</th>
                    <th scope="col">{t('classes.schedule')}</th>
                    <th scope="col">{t('classes.place')}</th>
                    <th scope="col">{t('classes.teacher')}</th>
                    <th scope="col">{t('classes.learners')}</th>
                    <th scope="col">{t('classes.sessions')}</th>
                    <th scope="col">{t('classes.starts_on')}</th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((c) => (
                    <tr key={c.id}>
                      <th scope="row" data-label={t('classes.language')}>
                        <a href={`/app/classes/${encodeURIComponent(c.id)}`}>{classTitle(c)}</a>
                      </th>
                      <td data-label={t('classes.schedule')}>{scheduleLabel(c)}</td>
                      <td data-label={t('classes.place')}>
                        {c.shelterCode ? <code>{c.shelterCode}</code> : t('classes.place_none')}
                      </td>
                      <td data-label={t('classes.teacher')}>
                        {c.teacher} ({t(`classes.teacher_kind.${c.teacherKind}`)})
                      </td>
                      <td data-label={t('classes.learners')}>{number(c.learnerCount)}</td>
                      <td data-label={t('classes.sessions')}>{number(c.sessionCount)}</td>
                      <td data-label={t('classes.starts_on')}>{day(c.startsOn)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {page.total > PAGE_SIZE && (
              <nav aria-label={t('classes.title')} class="pager">
                <p>
                  {t('classes.page', {
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
                  {t('classes.previous')}
                </button>
                <button
                  type="button"
                  disabled={filters.offset + PAGE_SIZE >= page.total}
                  onClick={() => setFilters({ ...filters, offset: filters.offset + PAGE_SIZE })}
                >
                  {t('classes.next')}
                </button>
              </nav>
            )}
          </>
        )}
      </section>
    </div>
  )
}
