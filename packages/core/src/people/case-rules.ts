import type { FieldIssue } from '../validation/field-issues.js'
import type { CaseStatus } from './case-schema.js'

/**
 * The status flow: open → in progress → closed, closing straight from open is allowed (a need
 * met at once), and a closed case may be reopened to in progress (by a coordinator — the policy
 * decides who). Nothing else.
 */
const NEXT: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  open: ['in_progress', 'closed'],
  in_progress: ['closed'],
  closed: ['in_progress'],
}

export function canMove(from: CaseStatus, to: CaseStatus): boolean {
  return from === to || NEXT[from].includes(to)
}

/** Problems with a status change: an impossible move, closing without an outcome or a date, a close before the opening. */
export function statusChangeIssues(
  current: { status: CaseStatus; openedOn: string },
  change: {
    status?: CaseStatus | undefined
    outcome?: string | undefined
    closedOn?: string | undefined
  },
  today: string,
): FieldIssue[] {
  const issues: FieldIssue[] = []
  const to = change.status ?? current.status
  if (!canMove(current.status, to))
    issues.push({ path: 'status', key: 'field.status_move', params: { from: current.status, to } })
  if (to === 'closed' && current.status !== 'closed') {
    if (!change.outcome) issues.push({ path: 'outcome', key: 'field.required', params: {} })
    if (!change.closedOn) issues.push({ path: 'closedOn', key: 'field.required', params: {} })
  }
  if (change.closedOn && change.closedOn < current.openedOn)
    issues.push({ path: 'closedOn', key: 'field.closed_before_opened', params: {} })
  if (change.closedOn && change.closedOn > today)
    issues.push({ path: 'closedOn', key: 'field.date_in_future', params: {} })
  if (change.outcome && to !== 'closed')
    issues.push({ path: 'outcome', key: 'field.outcome_only_when_closing', params: {} })
  return issues
}

/** A follow-up is overdue from the day after its due date until it is done. */
export function isOverdue(dueOn: string, doneAt: string | null, today: string): boolean {
  return doneAt === null && dueOn < today
}
