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
