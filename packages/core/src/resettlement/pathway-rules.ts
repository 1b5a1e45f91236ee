import type { FieldIssue } from '../validation/field-issues.js'
import type { PathwayStage, StagePrecision } from './pathway-schema.js'

/** The first day of a coarse date (2006-03 → 2006-03-01, 2006 → 2006-01-01), for comparing. */
export function periodStart(on: string): string {
  return on.length === 4 ? `${on}-01-01` : `${on}-01`
}

/**
 * Why a stage change cannot be saved: the same stage again, a date before the stage it follows
 * (compared by the first day of each period, so "2006" may follow "2006-03"), or a period that
 * has not begun yet.
 */
export function stageChangeIssues(
  current: { stage: PathwayStage; on: string },
  next: { stage: PathwayStage; on: string; precision: StagePrecision },
  today: string,
): FieldIssue[] {
  const issues: FieldIssue[] = []
  if (next.stage === current.stage)
    issues.push({ path: 'stage', key: 'field.stage_unchanged', params: {} })
  const start = periodStart(next.on)
  const currentStart = periodStart(current.on)
  // A year-precision date covers the month it follows, so only an earlier year is refused.
  const comparable = next.precision === 'year' ? currentStart.slice(0, 4) : currentStart
  const mine = next.precision === 'year' ? start.slice(0, 4) : start
  if (mine < comparable) issues.push({ path: 'on', key: 'field.stage_before_previous', params: {} })
  if (start > today) issues.push({ path: 'on', key: 'field.date_in_future', params: {} })
  return issues
}
