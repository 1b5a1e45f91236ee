import { formatDate, formatNumber } from '@haven/core/i18n/format'
import { CASE_STATUSES, CASE_TYPES } from '@haven/core/people/case-codes'
import type { PersonRowView } from '@haven/core/people/people-views'
import { PERSON_SORTS, SITUATIONS } from '@haven/core/people/person-codes'
import { looksLikeCode } from '@haven/core/people/person-rules'
import type { JSX } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import { useLocation, useRoute } from 'preact-iso'
import { Loading, Problem } from '../../components/load-state.js'
import { PageTitle } from '../../components/page-title.js'
import { SelectField } from '../../components/select-field.js'
import { TextField } from '../../components/text-field.js'
import { locale, t } from '../../lib/locale.js'
import { activeSession } from '../../lib/session.js'
import { apiGet } from '../../lib/typed-api.js'
import { ExportButton } from './export-button.js'
import { IdentifyingExport } from './identifying-export.js'
import {
  type Filters,
  filtersFrom,
  NO_FILTERS,
  peopleListInit,
  queryOf,
} from './people-list-query.js'
import { grantedCompartments, optionsOf } from './people-parts.js'
import { ShreddedSearch, useShredded } from './shredded-compartments.js'

/**
 * The filters the address holds, so Back, reload and a shared link keep them. A name never goes
 * into the address (browser history is kept on shared devices): a search by name stays in the
 * page; a search by code, which identifies no one, is kept.
 */
function addressOf(filters: Filters): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(filters))
    if (
      value &&
      value !== NO_FILTERS[key as keyof Filters] &&
      (key !== 'q' || looksLikeCode(value))
    )
      params.set(key, value)
  const search = params.toString()
  return `/app/people${search ? `?${search}` : ''}`
}

/** One row: the code, the name for those who may identify (audited), and what may be known. */
function PersonRow({ person }: { person: PersonRowView }): JSX.Element {
  return (
    <tr>
      <th scope="row">
        <a href={`/app/people/${person.id}`}>{person.code}</a>
      </th>
      <td data-label={t('people.name')}>
        {person.name ? (
          <span class="breakable">{person.name}</span>
        ) : (
          <span class="muted">{t('people.name_hidden')}</span>
        )}
      </td>
      <td data-label={t('people.situation')}>{t(`situation.${person.situation}`)}</td>
      <td data-label={t('people.age_band')}>{t(`age_band.${person.ageBand}`)}</td>
      <td data-label={t('people.compartment')}>{person.compartmentCode}</td>
      <td data-label={t('people.open_cases_head')}>
        {formatNumber(locale.value, person.openCases)}
      </td>
      <td data-label={t('people.tags')}>{person.tags.join(', ')}</td>
      <td data-label={t('people.last_activity_head')}>
        {formatDate(locale.value, person.lastActivityAt.slice(0, 10))}
      </td>
    </tr>
  )
}

/**
 * Finding people by code, by any script of a name (the server compares blind indexes, so names
 * never sit in plain text), or by what is known about them; "More" continues after the last row.
 */
export function PeopleList(): JSX.Element {
  const { query } = useRoute()
  const { route } = useLocation()
  const fromAddress = filtersFrom(query)
  const addressKey = queryOf(fromAddress, null)
  const [draft, setDraft] = useState<Filters>(fromAddress)
  // A search by name is not in the address; it is kept here while the address is unchanged.
  const [nameSearch, setNameSearch] = useState<{ address: string; q: string } | null>(null)
  const filters =
    nameSearch && nameSearch.address === addressKey
      ? { ...fromAddress, q: nameSearch.q }
      : fromAddress
  const filtersKey = queryOf(filters, null)
  const [people, setPeople] = useState<PersonRowView[]>([])
  const [next, setNext] = useState<string | null>(null)
  const [total, setTotal] = useState<{ total: number; capped: boolean } | null>(null)
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading')
  const [error, setError] = useState<unknown>(null)
  const load = async (from: Filters, cursor: string | null) => {
    setState('loading')
    try {
      const page = await apiGet('/people', peopleListInit(from, cursor))
      setPeople((shown) => (cursor ? [...shown, ...page.people] : page.people))
      setNext(page.nextCursor)
      setTotal({ total: page.total, capped: page.totalCapped })
      setState('ready')
    } catch (caught) {
      setError(caught)
      setState('failed')
    }
  }
  // Back, forward or a link: the form shows what the list shows.
  useEffect(() => setDraft(filters), [filtersKey])
  useEffect(() => {
    void load(filters, null)
  }, [filtersKey])
  const set = (key: keyof Filters) => (value: string) => setDraft({ ...draft, [key]: value })
  const compartments = grantedCompartments()
  const shredded = useShredded()
  // A name search skips compartments whose keys were destroyed: say so, naming them.
  const unsearchable =
    filters.q && !looksLikeCode(filters.q)
      ? [...shredded]
          .filter(([id]) => !filters.compartmentId || filters.compartmentId === id)
          .map(([, s]) => s.code)
      : []
  const canExport = activeSession.value?.can.exportPeople ?? false
  return (
    <section class="card" aria-labelledby="page-title">
      <PageTitle text={t('people.title')} />
      <div class="actions">
        <a href="/app/people/new">{t('people.new')}</a>
        {canExport && (
          <ExportButton path="/exports/people" fileName="people.csv" label={t('people.export')} />
        )}
      </div>
      {canExport && <IdentifyingExport />}
      <form
        aria-label={t('people.filters')}
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          const address = addressOf(draft)
          const [, search = ''] = address.split('?')
          const byName = draft.q !== '' && !looksLikeCode(draft.q)
          setNameSearch(
            byName
              ? {
                  address: queryOf(
                    filtersFrom(Object.fromEntries(new URLSearchParams(search))),
                    null,
                  ),
                  q: draft.q,
                }
              : null,
          )
          route(address)
        }}
      >
        <TextField id="q" label={t('people.search')} value={draft.q} onInput={set('q')} />
        <div class="filter-grid">
          <SelectField
            id="situation"
            label={t('people.situation')}
            value={draft.situation}
            options={optionsOf(SITUATIONS, (s) => t(`situation.${s}`), true)}
            onChange={set('situation')}
          />
          <SelectField
            id="case-type"
            label={t('people.case_type')}
            value={draft.caseType}
            options={optionsOf(CASE_TYPES, (c) => t(`case_type.${c}`), true)}
            onChange={set('caseType')}
          />
          <SelectField
            id="case-status"
            label={t('people.case_status')}
            value={draft.caseStatus}
            options={optionsOf(CASE_STATUSES, (c) => t(`case_status.${c}`), true)}
            onChange={set('caseStatus')}
          />
          {compartments.length > 1 && (
            <SelectField
              id="compartment"
              label={t('people.compartment')}
              value={draft.compartmentId}
              options={[{ value: '', label: t('people.any') }, ...compartments]}
              onChange={set('compartmentId')}
            />
          )}
          <TextField id="tag" label={t('people.tags')} value={draft.tag} onInput={set('tag')} />
          <SelectField
            id="sort"
            label={t('people.sort')}
            value={draft.sort}
            options={optionsOf(PERSON_SORTS, (s) => t(`people.sort.${s}`))}
            onChange={set('sort')}
          />
        </div>
        <div class="actions">
          <button type="submit" class="primary">
            {t('people.search_button')}
          </button>
        </div>
      </form>
      <ShreddedSearch codes={unsearchable} />
      {state === 'failed' && <Problem error={error} />}
      {state !== 'failed' && people.length === 0 && state === 'ready' && <p>{t('people.none')}</p>}
      {people.length > 0 && (
        <>
          <p class="list-count" role="status">
            {t(total?.capped ? 'people.count_capped' : 'people.count', {
              shown: formatNumber(locale.value, people.length),
              count: total?.total ?? people.length,
            })}
          </p>
          <table class="table people-table">
            <caption class="visually-hidden">{t('people.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('people.code')}</th>
                <th scope="col">{t('people.name')}</th>
                <th scope="col">{t('people.situation')}</th>
                <th scope="col">{t('people.age_band')}</th>
                <th scope="col">{t('people.compartment')}</th>
                <th scope="col">{t('people.open_cases_head')}</th>
                <th scope="col">{t('people.tags')}</th>
                <th scope="col">{t('people.last_activity_head')}</th>
              </tr>
            </thead>
            <tbody>
              {people.map((p) => (
                <PersonRow key={p.id} person={p} />
              ))}
            </tbody>
          </table>
        </>
      )}
      {state === 'loading' && <Loading />}
      {state === 'ready' && next && (
        <div class="actions">
          <button type="button" onClick={() => void load(filters, next)}>
            {t('people.more')}
          </button>
        </div>
      )}
    </section>
  )
}
