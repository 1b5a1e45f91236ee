import { apiUrl } from '../../lib/api-url.js'

/** The people list's filters and its API query, kept apart so the list's data can be asked for early. */
export interface Filters {
  q: string
  situation: string
  caseType: string
  caseStatus: string
  compartmentId: string
  tag: string
  sort: string
}

export const NO_FILTERS: Filters = {
  q: '',
  situation: '',
  caseType: '',
  caseStatus: '',
  compartmentId: '',
  tag: '',
  sort: 'code',
}

export function filtersFrom(query: Record<string, string | undefined>): Filters {
  const filters = { ...NO_FILTERS }
  for (const key of Object.keys(NO_FILTERS) as (keyof Filters)[])
    filters[key] = query[key] ?? NO_FILTERS[key]
  return filters
}

export function queryOf(filters: Filters, cursor: string | null): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value)
  if (cursor) params.set('cursor', cursor)
  return params.toString()
}

/**
 * The list's first page for an address, asked for while the app's code is still arriving (see
 * `page`'s `early`): the same request the list makes, so it takes this answer instead of waiting.
 */
export function peopleListEarly(search: URLSearchParams): string {
  const init = peopleListInit(filtersFrom(Object.fromEntries(search)), null)
  return apiUrl('/people', {}, init.query, init.search)
}

/** The list's request: names shown (for those who may see them), the filters as in the address. */
export function peopleListInit(filters: Filters, cursor: string | null) {
  return { query: { names: '1' as const }, search: queryOf(filters, cursor) }
}
