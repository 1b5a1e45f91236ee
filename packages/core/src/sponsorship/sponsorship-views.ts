import { z } from 'zod'
import { sealedTextView } from '../privacy/sealed-text-view.js'
import { FINDING_KINDS, UPDATE_STATUSES } from './sponsor-update-review.js'
import {
  ENROLMENT_STATUSES,
  SPONSORSHIP_LEAVE_REASONS,
  type SponsorshipLeaveReason,
} from './sponsorship-rules.js'
import {
  INCIDENT_KINDS,
  PLEDGE_FREQUENCIES,
  SCHOOL_LEVELS,
  SCHOOL_PAYMENT_KINDS,
  SPONSOR_KINDS,
  SPONSOR_LANGUAGES,
} from './sponsorship-schemas.js'

/** An enrolment in a list: the child by pseudonymous code and alias, never a name. */
export const enrolmentSummaryView = z.object({
  id: z.string(),
  compartmentId: z.string(),
  compartmentCode: z.string(),
  personCode: z.string(),
  /** What a sponsor may know the child by. */
  alias: z.string(),
  status: z.enum(ENROLMENT_STATUSES),
  joinedOn: z.string(),
  schoolLevel: z.enum(SCHOOL_LEVELS),
  grade: z.number().int(),
  leaveReason: z.enum(SPONSORSHIP_LEAVE_REASONS).nullable(),
})
export type EnrolmentSummaryView = z.infer<typeof enrolmentSummaryView>

export const enrolmentPageView = z.object({
  items: z.array(enrolmentSummaryView),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Enrolments by status over the same filter (for the list's counts). */
  byStatus: z.record(z.string(), z.number().int()),
})
export type EnrolmentPageView = z.infer<typeof enrolmentPageView>

export const enrolmentEventView = z.object({
  seq: z.number().int(),
  on: z.string(),
  from: z.enum(ENROLMENT_STATUSES).nullable(),
  to: z.enum(ENROLMENT_STATUSES),
  reason: z.enum(SPONSORSHIP_LEAVE_REASONS).nullable(),
  incidentId: z.string().nullable(),
  note: sealedTextView,
})

export const termView = z.object({
  id: z.string(),
  label: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  daysPossible: z.number().int(),
  daysAttended: z.number().int(),
  progressNote: sealedTextView,
})

export const schoolPaymentView = z.object({
  id: z.string(),
  kind: z.enum(SCHOOL_PAYMENT_KINDS),
  amountMinor: z.number().int(),
  currency: z.string(),
  paidOn: z.string(),
  paidThrough: z.string(),
})

export const enrolmentView = enrolmentSummaryView.extend({
  version: z.number().int(),
  schoolName: sealedTextView,
  guardian: sealedTextView,
  events: z.array(enrolmentEventView),
  terms: z.array(termView),
  payments: z.array(schoolPaymentView),
  /** What the caller may do: `move` (status), `reopen`, `record` (terms, payments). */
  actions: z.array(z.string()),
})
export type EnrolmentView = z.infer<typeof enrolmentView>

export const incidentResultView = z.object({
  id: z.string(),
  kind: z.enum(INCIDENT_KINDS),
  occurredOn: z.string(),
  ended: z.array(z.string()),
})

export const sponsorSummaryView = z.object({
  id: z.string(),
  code: z.string(),
  compartmentId: z.string(),
  kind: z.enum(SPONSOR_KINDS),
  language: z.enum(SPONSOR_LANGUAGES),
  /** Aliases of the children the sponsor supports now (a sponsor never learns more). */
  children: z.array(z.string()),
  wholePlan: z.boolean(),
  /** A pledge whose last expected payment is over a period late. */
  lapsed: z.boolean(),
})
export type SponsorSummaryView = z.infer<typeof sponsorSummaryView>

export const sponsorView = sponsorSummaryView.extend({
  contact: sealedTextView,
  pledges: z.array(
    z.object({
      id: z.string(),
      amountMinor: z.number().int(),
      currency: z.string(),
      frequency: z.enum(PLEDGE_FREQUENCIES),
      startsOn: z.string(),
      endsOn: z.string().nullable(),
    }),
  ),
  payments: z.array(
    z.object({
      id: z.string(),
      amountMinor: z.number().int(),
      currency: z.string(),
      receivedOn: z.string(),
    }),
  ),
  allocations: z.array(
    z.object({
      id: z.string(),
      /** The child's alias, or null for the plan as a whole. */
      alias: z.string().nullable(),
      fromDate: z.string(),
    }),
  ),
  actions: z.array(z.string()),
})
export type SponsorView = z.infer<typeof sponsorView>

/**
 * Children who left, one count for every reason (core's `Flows`). Each reason is a property of its
 * own rather than a record keyed by the enum: JSON Schema writes such a record as `propertyNames`,
 * which client generators read as an open map, so the typed client lost the reasons.
 */
const leftByReasonView = z.object(
  Object.fromEntries(SPONSORSHIP_LEAVE_REASONS.map((r) => [r, z.number().int()])) as Record<
    SponsorshipLeaveReason,
    z.ZodNumber
  >,
)

const flowsView = z.object({
  atStart: z.number().int(),
  joined: z.number().int(),
  left: z.number().int(),
  leftByReason: leftByReasonView,
  graduated: z.number().int(),
  transferred: z.number().int(),
  atEnd: z.number().int(),
})

export const yearFlowsView = z.object({
  year: z.number().int(),
  from: z.string(),
  to: z.string(),
  total: flowsView,
  byShelter: z.array(z.object({ compartmentCode: z.string(), flows: flowsView })),
  months: z.array(z.object({ month: z.string(), enrolled: z.number().int() })),
})
export type YearFlowsView = z.infer<typeof yearFlowsView>

export const sponsorUpdateView = z.object({
  id: z.string(),
  enrolmentId: z.string(),
  alias: z.string(),
  language: z.enum(SPONSOR_LANGUAGES),
  ageBand: z.string(),
  status: z.enum(UPDATE_STATUSES),
  text: sealedTextView,
  hasPhoto: z.boolean(),
  /**
   * The re-encoded photo as a data URL, for those who may identify the child (the reviewer must
   * look at it before confirming it); null without a photo or without that permission.
   */
  photo: z.string().nullable(),
  photoConfirmed: z.boolean(),
  /** What the review found, by kind and position in the text. */
  findings: z.array(
    z.object({ kind: z.enum(FINDING_KINDS), at: z.number().int(), length: z.number().int() }),
  ),
  authorId: z.string().nullable(),
  reviewerId: z.string().nullable(),
  approverId: z.string().nullable(),
})
export type SponsorUpdateView = z.infer<typeof sponsorUpdateView>

/** One of a child's updates in a list: what it is and where it stands, never its words. */
export const updateSummaryView = z.object({
  id: z.string(),
  status: z.enum(UPDATE_STATUSES),
  language: z.enum(SPONSOR_LANGUAGES),
  ageBand: z.string(),
  hasPhoto: z.boolean(),
  createdAt: z.string(),
  approvedAt: z.string().nullable(),
})
export type UpdateSummaryView = z.infer<typeof updateSummaryView>

export const updatePageView = z.object({
  items: z.array(updateSummaryView),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
})
export type UpdatePageView = z.infer<typeof updatePageView>

/** A letter as a sponsor receives it: alias, age band, words and photo; nothing else. */
export const letterView = z.object({
  language: z.enum(SPONSOR_LANGUAGES),
  sponsorCode: z.string(),
  greeting: z.string(),
  alias: z.string(),
  ageBand: z.string(),
  ageLine: z.string(),
  text: z.string(),
  /** A data URL of the re-encoded photo (no metadata), when one was confirmed. */
  photo: z.string().nullable(),
  closing: z.string(),
})
export type LetterView = z.infer<typeof letterView>
