/** The filters an auditor types, as the form holds them (dates as YYYY-MM-DD in their time zone). */
export interface AuditFilters {
  actor: string
  action: string
  entityType: string
  from: string
  to: string
}

export const NO_FILTERS: AuditFilters = { actor: '', action: '', entityType: '', from: '', to: '' }

/**
 * The query string for GET /audit: empty filters left out, calendar days turned into the instants
 * that begin and end them in the auditor's own time zone.
 */
export function auditQuery(filters: AuditFilters, before?: number | null, limit = 50): string {
  const params = new URLSearchParams()
  if (filters.actor.trim()) params.set('actor', filters.actor.trim())
  if (filters.action.trim()) params.set('action', filters.action.trim())
  if (filters.entityType.trim()) params.set('entityType', filters.entityType.trim())
  if (filters.from) params.set('from', new Date(`${filters.from}T00:00:00`).toISOString())
  if (filters.to) params.set('to', new Date(`${filters.to}T23:59:59.999`).toISOString())
  if (before) params.set('before', String(before))
  params.set('limit', String(limit))
  return params.toString()
}

/** Whether the "to" day comes before the "from" day (ISO dates compare as text). */
export function rangeReversed(filters: AuditFilters): boolean {
  return Boolean(filters.from && filters.to && filters.to < filters.from)
}

const FILTER_KEYS = ['actor', 'action', 'entityType', 'from', 'to'] as const
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/

/** The filters and page as the address holds them, so Back, reload and a shared link keep them. */
export function filtersFromQuery(query: Readonly<Record<string, string | undefined>>): {
  filters: AuditFilters
  before: number | null
} {
  const filters = { ...NO_FILTERS }
  for (const key of FILTER_KEYS) filters[key] = (query[key] ?? '').trim()
  // A hand-edited address with a bad day is ignored rather than sent as an invalid instant.
  if (!ISO_DAY.test(filters.from)) filters.from = ''
  if (!ISO_DAY.test(filters.to)) filters.to = ''
  const before = Number(query.before)
  return { filters, before: Number.isSafeInteger(before) && before > 0 ? before : null }
}

/** The address of a page of the log: only the filters that are set, and the page's cursor. */
export function auditAddress(filters: AuditFilters, before: number | null = null): string {
  const params = new URLSearchParams()
  for (const key of FILTER_KEYS) if (filters[key].trim()) params.set(key, filters[key].trim())
  if (before) params.set('before', String(before))
  const search = params.toString()
  return `/app/audit${search ? `?${search}` : ''}`
}
