import type { RelationshipStatus } from './network-schemas.js'

export interface StatusChange {
  status: RelationshipStatus
  /** The day the relationship took this status (ISO date). */
  on: string
}

/**
 * The status on a day: the last change on or before it (undefined before the first). Changes on
 * one day apply in the order given, so callers pass them in the order they were recorded.
 */
export function statusOn(
  history: readonly StatusChange[],
  day: string,
): RelationshipStatus | undefined {
  let status: RelationshipStatus | undefined
  for (const change of sortedByDay(history)) if (change.on <= day) status = change.status
  return status
}

/**
 * Whether the relationship was active on at least one day from `from` to `to` (inclusive): it
 * became active in the period, or was active when the period began. What "partners" counts.
 */
export function activeDuring(history: readonly StatusChange[], from: string, to: string): boolean {
  if (statusOn(history, from) === 'active') return true
  return sortedByDay(history).some((c) => c.status === 'active' && c.on >= from && c.on <= to)
}

/** A stable sort by day: same-day changes keep their recorded order. */
function sortedByDay(history: readonly StatusChange[]): StatusChange[] {
  return history
    .map((change, index) => ({ change, index }))
    .sort((a, b) =>
      a.change.on === b.change.on ? a.index - b.index : a.change.on < b.change.on ? -1 : 1,
    )
    .map(({ change }) => change)
}
