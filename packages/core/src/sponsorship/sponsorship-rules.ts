/**
 * The education sponsorship plan's rules: an enrolment's status flow and the year's flows
 * (start + joined − left − graduated − transferred = end), computed from the enrolments' events.
 */

/** Where an enrolment stands. `enrolled` and `suspended` count as in the plan. */
export const ENROLMENT_STATUSES = [
  'applied',
  'enrolled',
  'suspended',
  'left',
  'graduated',
  'transferred',
] as const
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number]

/** Why a child left the plan (the seed report's reasons); `other` takes a sealed note. */
export const SPONSORSHIP_LEAVE_REASONS = [
  'shelter_head_detained',
  'arrested_repatriated',
  'released_by_shelter',
  'moved',
  'reached_safety',
  'other',
] as const
export type SponsorshipLeaveReason = (typeof SPONSORSHIP_LEAVE_REASONS)[number]

/** Statuses that end an enrolment; any of them may be re-opened (back to enrolled). */
export const ENDED_STATUSES: readonly EnrolmentStatus[] = ['left', 'graduated', 'transferred']

export const inPlan = (status: EnrolmentStatus | null): boolean =>
  status === 'enrolled' || status === 'suspended'

/** The moves a status may make; from an ended status only re-opening (to enrolled). */
const NEXT: Readonly<Record<EnrolmentStatus, readonly EnrolmentStatus[]>> = {
  applied: ['enrolled', 'left'],
  enrolled: ['suspended', 'left', 'graduated', 'transferred'],
  suspended: ['enrolled', 'left', 'graduated', 'transferred'],
  left: ['enrolled'],
  graduated: ['enrolled'],
  transferred: ['enrolled'],
}

export function canMove(from: EnrolmentStatus, to: EnrolmentStatus): boolean {
  return NEXT[from].includes(to)
}

/** Re-opening: an ended enrolment taken back into the plan. */
export const isReopening = (from: EnrolmentStatus, to: EnrolmentStatus): boolean =>
  ENDED_STATUSES.includes(from) && to === 'enrolled'

/** One change of an enrolment's status, in the order they happened (`seq`). */
export interface EnrolmentEvent {
  enrolmentId: string
  seq: number
  /** YYYY-MM-DD */
  on: string
  from: EnrolmentStatus | null
  to: EnrolmentStatus
  reason: SponsorshipLeaveReason | null
}

/** A year's flows, counted in children (an enrolment that joins twice counts twice). */
export interface Flows {
  atStart: number
  joined: number
  left: number
  leftByReason: Record<SponsorshipLeaveReason, number>
  graduated: number
  transferred: number
  atEnd: number
}

export const emptyFlows = (): Flows => ({
  atStart: 0,
  joined: 0,
  left: 0,
  leftByReason: Object.fromEntries(SPONSORSHIP_LEAVE_REASONS.map((r) => [r, 0])) as Record<
    SponsorshipLeaveReason,
    number
  >,
  graduated: 0,
  transferred: 0,
  atEnd: 0,
})

/**
 * The flows of one enrolment over [from, to] and whether they reconcile. The stock at start and
 * end is read from the status each event left behind; the movements from each event's own
 * `from` and `to`. A chain whose events disagree (an event starting from another status than
 * the one before it left) makes the two differ, which is what names the record.
 */
export function enrolmentFlows(
  events: readonly EnrolmentEvent[],
  from: string,
  to: string,
): { flows: Flows; reconciles: boolean } {
  const sorted = [...events].sort((a, b) => a.seq - b.seq)
  const flows = emptyFlows()
  let before: EnrolmentStatus | null = null
  let after: EnrolmentStatus | null = null
  for (const e of sorted) {
    if (e.on < from) before = e.to
    if (e.on <= to) after = e.to
    if (e.on < from || e.on > to) continue
    const wasIn = inPlan(e.from)
    const isIn = inPlan(e.to)
    if (!wasIn && isIn) flows.joined += 1
    if (wasIn && !isIn) {
      if (e.to === 'graduated') flows.graduated += 1
      else if (e.to === 'transferred') flows.transferred += 1
      else {
        flows.left += 1
        flows.leftByReason[e.reason ?? 'other'] += 1
      }
    }
  }
  flows.atStart = inPlan(before) ? 1 : 0
  flows.atEnd = inPlan(after) ? 1 : 0
  return { flows, reconciles: reconciles(flows) }
}

export function reconciles(f: Flows): boolean {
  return f.atStart + f.joined - f.left - f.graduated - f.transferred === f.atEnd
}

export function addFlows(a: Flows, b: Flows): Flows {
  const leftByReason = { ...a.leftByReason }
  for (const r of SPONSORSHIP_LEAVE_REASONS) leftByReason[r] += b.leftByReason[r]
  return {
    atStart: a.atStart + b.atStart,
    joined: a.joined + b.joined,
    left: a.left + b.left,
    leftByReason,
    graduated: a.graduated + b.graduated,
    transferred: a.transferred + b.transferred,
    atEnd: a.atEnd + b.atEnd,
  }
}

/**
 * The flows of many enrolments grouped by a key (a shelter), their total, and the enrolments
 * that break the identity (to be named in the error rather than hidden in a total).
 */
export function yearFlows<K extends string>(
  enrolments: readonly { id: string; group: K; events: readonly EnrolmentEvent[] }[],
  from: string,
  to: string,
): { total: Flows; byGroup: Map<K, Flows>; broken: string[] } {
  let total = emptyFlows()
  const byGroup = new Map<K, Flows>()
  const broken: string[] = []
  for (const e of enrolments) {
    const { flows, reconciles: ok } = enrolmentFlows(e.events, from, to)
    if (!ok) broken.push(e.id)
    total = addFlows(total, flows)
    byGroup.set(e.group, addFlows(byGroup.get(e.group) ?? emptyFlows(), flows))
  }
  return { total, byGroup, broken }
}

/** Enrolment counts at the end of each month of [from, to] (for the chart of enrolment over time). */
export function monthEndCounts(
  enrolments: readonly { events: readonly EnrolmentEvent[] }[],
  from: string,
  to: string,
): { month: string; enrolled: number }[] {
  const months: string[] = []
  let y = Number(from.slice(0, 4))
  let m = Number(from.slice(5, 7))
  while (`${y}-${String(m).padStart(2, '0')}` <= to.slice(0, 7)) {
    months.push(`${y}-${String(m).padStart(2, '0')}`)
    m += 1
    if (m === 13) {
      m = 1
      y += 1
    }
  }
  return months.map((month) => ({
    month,
    enrolled: enrolments.filter((e) => {
      let status: EnrolmentStatus | null = null
      for (const ev of [...e.events].sort((a, b) => a.seq - b.seq))
        if (ev.on.slice(0, 7) <= month) status = ev.to
      return inPlan(status)
    }).length,
  }))
}
