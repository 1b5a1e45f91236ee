import { fiscalYear } from '@haven/core/site/fiscal-year'
import {
  type EnrolmentEvent,
  type EnrolmentStatus,
  type Flows,
  monthEndCounts,
  type SponsorshipLeaveReason,
  yearFlows,
} from '@haven/core/sponsorship/sponsorship-rules'
import type { Db } from '../../db/db-handle.js'
import { errors } from '../../http/errors.js'
import { eventsUpTo } from './sponsorship-store.js'

export interface YearFlows {
  year: number
  from: string
  to: string
  total: Flows
  byShelter: { compartmentCode: string; flows: Flows }[]
  months: { month: string; enrolled: number }[]
}

/**
 * The plan's flows over a fiscal year (April–March) in these compartments (all when null): at
 * start, joined, left by reason, graduated, transferred, at end, per shelter and in total, and
 * the count at each month's end. Refuses (409, naming them) when any enrolment's history does
 * not reconcile, rather than publish a total that does not add up.
 */
export async function flowsForYear(
  db: Db,
  compartmentIds: readonly string[] | null,
  startYear: number,
): Promise<YearFlows> {
  const year = fiscalYear(startYear)
  const rows = await eventsUpTo(db, compartmentIds, year.to)
  const byEnrolment = new Map<string, { id: string; group: string; events: EnrolmentEvent[] }>()
  for (const r of rows) {
    const entry = byEnrolment.get(r.enrolment_id) ?? {
      id: r.enrolment_id,
      group: r.compartment_code,
      events: [],
    }
    entry.events.push({
      enrolmentId: r.enrolment_id,
      seq: r.seq,
      on: r.on_date,
      from: r.from_status as EnrolmentStatus | null,
      to: r.to_status as EnrolmentStatus,
      reason: r.reason as SponsorshipLeaveReason | null,
    })
    byEnrolment.set(r.enrolment_id, entry)
  }
  const enrolments = [...byEnrolment.values()]
  const { total, byGroup, broken } = yearFlows(enrolments, year.from, year.to)
  if (broken.length > 0) throw errors.flowsDoNotReconcile(broken.sort())
  return {
    year: startYear,
    from: year.from,
    to: year.to,
    total,
    byShelter: [...byGroup.entries()]
      .filter(([, f]) => f.atStart + f.joined + f.atEnd > 0)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([compartmentCode, flows]) => ({ compartmentCode, flows })),
    months: monthEndCounts(enrolments, year.from, year.to),
  }
}
