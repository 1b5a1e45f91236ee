import type { Situation } from '../people/index.js'
import type { FieldIssue } from '../validation/field-issues.js'
import type { LeaveReason, ShelterStatus } from './shelter-schema.js'

/** Where a person is, in the people module, after leaving a shelter for `reason`. */
export const SITUATION_AFTER_LEAVING: Readonly<Record<LeaveReason, Situation>> = {
  moved_on: 'in_transit',
  resettled: 'resettled',
  returned: 'returned',
  detained: 'detained',
  repatriated: 'repatriated',
  left_without_notice: 'unknown',
  shelter_closed: 'unknown',
}

/**
 * Problems with a shelter's dates and status taken together: nothing in the future, no closing
 * before opening, and a closing date exactly when the shelter is closed.
 */
export function shelterDateIssues(
  shelter: { status: ShelterStatus; openedOn: string; closedOn: string | null },
  today: string,
): FieldIssue[] {
  const issues: FieldIssue[] = []
  if (shelter.openedOn > today)
    issues.push({ path: 'openedOn', key: 'field.date_in_future', params: {} })
  if (shelter.closedOn !== null) {
    if (shelter.closedOn > today)
      issues.push({ path: 'closedOn', key: 'field.date_in_future', params: {} })
    else if (shelter.closedOn < shelter.openedOn)
      issues.push({ path: 'closedOn', key: 'field.shelter_closed_before_opened', params: {} })
  }
  if (shelter.status === 'closed' && shelter.closedOn === null)
    issues.push({ path: 'closedOn', key: 'field.shelter_closed_needs_date', params: {} })
  if (shelter.status !== 'closed' && shelter.status !== 'compromised' && shelter.closedOn !== null)
    issues.push({ path: 'status', key: 'field.shelter_closed_date_needs_status', params: {} })
  return issues
}

/** A residence's dates: not in the future, not before the shelter opened, not ending before it began. */
export function residenceDateIssues(
  residence: { fromDate: string; toDate?: string | undefined },
  shelterOpenedOn: string,
  today: string,
): FieldIssue[] {
  const issues: FieldIssue[] = []
  if (residence.fromDate > today)
    issues.push({ path: 'fromDate', key: 'field.date_in_future', params: {} })
  else if (residence.fromDate < shelterOpenedOn)
    issues.push({ path: 'fromDate', key: 'field.before_shelter_opened', params: {} })
  if (residence.toDate !== undefined) {
    if (residence.toDate > today)
      issues.push({ path: 'toDate', key: 'field.date_in_future', params: {} })
    else if (residence.toDate < residence.fromDate)
      issues.push({ path: 'toDate', key: 'field.left_before_arrived', params: {} })
  }
  return issues
}

/** Occupancy against capacity, as a share the app can show (1 means full). */
export function occupancyShare(occupancy: number, capacity: number): number {
  return capacity > 0 ? occupancy / capacity : 0
}
