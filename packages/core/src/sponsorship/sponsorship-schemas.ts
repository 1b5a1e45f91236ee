import { z } from 'zod'
import { type CurrencyCode, isCurrencyCode } from '../money/currency.js'
import { AGE_BANDS } from '../people/index.js'
import { UPDATE_STATUSES } from './sponsor-update-review.js'
import { ENROLMENT_STATUSES, SPONSORSHIP_LEAVE_REASONS } from './sponsorship-rules.js'

const id = z.string().min(1).max(100)
const isoDate = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { error: 'field.date_format' })
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), { error: 'field.date_format' })
const sealedText = z.string().trim().max(5000)
const currency = z
  .string()
  .trim()
  .toUpperCase()
  .refine((c): c is CurrencyCode => isCurrencyCode(c), { error: 'field.currency_code' })
  .transform((c) => c as CurrencyCode)
const amountMinor = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)

/** School levels, generalised: the school's name is identifying and is only kept sealed. */
export const SCHOOL_LEVELS = ['primary', 'middle', 'high', 'vocational', 'university'] as const
export type SchoolLevel = (typeof SCHOOL_LEVELS)[number]

export const enrolSchema = z.strictObject({
  /** A person already registered in `compartmentId` (the people module's record). */
  personId: id,
  compartmentId: id,
  /** `applied`: waiting for a place; `enrolled`: in the plan from `joinedOn`. */
  status: z.enum(['applied', 'enrolled']).default('enrolled'),
  joinedOn: isoDate,
  schoolLevel: z.enum(SCHOOL_LEVELS),
  grade: z.number().int().min(1).max(12),
  /** Sealed with the compartment's key; never sent to sponsors. */
  schoolName: sealedText.max(200).optional(),
  /** Guardian or caretaker, in words (sealed). */
  guardian: sealedText.max(200).optional(),
})
export type Enrol = z.infer<typeof enrolSchema>

export const transitionSchema = z
  .strictObject({
    version: z.number().int().positive(),
    to: z.enum(ENROLMENT_STATUSES),
    on: isoDate,
    reason: z.enum(SPONSORSHIP_LEAVE_REASONS).optional(),
    /** Sealed; for `other` it says what happened. */
    note: sealedText.optional(),
  })
  .superRefine((t, ctx) => {
    if (t.to === 'left' && !t.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'field.leave_reason_required' })
    if (t.to !== 'left' && t.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'field.reason_only_when_leaving' })
    if (t.reason === 'other' && !t.note)
      ctx.addIssue({ code: 'custom', path: ['note'], message: 'field.other_reason_needs_note' })
  })
export type Transition = z.infer<typeof transitionSchema>

/** Kinds of shelter incident that can end many enrolments at once. */
export const INCIDENT_KINDS = ['shelter_head_detained', 'funding_stopped', 'raid', 'other'] as const
export type IncidentKind = (typeof INCIDENT_KINDS)[number]

export const incidentSchema = z.strictObject({
  compartmentId: id,
  kind: z.enum(INCIDENT_KINDS),
  occurredOn: isoDate,
  reason: z.enum(SPONSORSHIP_LEAVE_REASONS),
  /** The enrolments it ended (each in the compartment and in the plan); none: all that are. */
  enrolmentIds: z.array(id).max(500).optional(),
})
export type Incident = z.infer<typeof incidentSchema>

export const termSchema = z
  .strictObject({
    label: z.string().trim().min(1).max(40),
    startsOn: isoDate,
    endsOn: isoDate,
    daysPossible: z.number().int().min(0).max(400),
    daysAttended: z.number().int().min(0).max(400),
    /** Sealed. */
    progressNote: sealedText.optional(),
  })
  .superRefine((t, ctx) => {
    if (t.endsOn < t.startsOn)
      ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'field.ends_before_starts' })
    if (t.daysAttended > t.daysPossible)
      ctx.addIssue({
        code: 'custom',
        path: ['daysAttended'],
        message: 'field.attended_over_possible',
      })
  })
export type Term = z.infer<typeof termSchema>

export const SCHOOL_PAYMENT_KINDS = ['stipend', 'fee'] as const
export const schoolPaymentSchema = z.strictObject({
  kind: z.enum(SCHOOL_PAYMENT_KINDS),
  amountMinor,
  currency,
  paidOn: isoDate,
  /** Through whom, by role only ("caretaker", "school"), never a name. */
  paidThrough: z.enum(['caretaker', 'school', 'guardian', 'staff']),
})
export type SchoolPayment = z.infer<typeof schoolPaymentSchema>

export const SPONSOR_KINDS = ['individual', 'organisation'] as const
export const SPONSOR_LANGUAGES = ['ja', 'en'] as const
export const sponsorSchema = z.strictObject({
  /** The compartment that keeps the sponsor (and seals the contact). */
  compartmentId: id,
  kind: z.enum(SPONSOR_KINDS),
  language: z.enum(SPONSOR_LANGUAGES),
  /** Name, address, e-mail… in words: sealed, read only by those who may, every read audited. */
  contact: sealedText.min(1).max(2000),
})
export type CreateSponsor = z.infer<typeof sponsorSchema>

export const PLEDGE_FREQUENCIES = ['monthly', 'quarterly', 'yearly', 'once'] as const
export const pledgeSchema = z
  .strictObject({
    amountMinor,
    currency,
    frequency: z.enum(PLEDGE_FREQUENCIES),
    startsOn: isoDate,
    endsOn: isoDate.nullable().default(null),
  })
  .superRefine((p, ctx) => {
    if (p.endsOn !== null && p.endsOn < p.startsOn)
      ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'field.ends_before_starts' })
  })
export type Pledge = z.infer<typeof pledgeSchema>

export const sponsorPaymentSchema = z.strictObject({
  amountMinor,
  currency,
  receivedOn: isoDate,
})
export type SponsorPayment = z.infer<typeof sponsorPaymentSchema>

export const allocationSchema = z.strictObject({
  /** A child's enrolment, or null for the plan as a whole. */
  enrolmentId: id.nullable(),
  fromDate: isoDate,
})
export type Allocation = z.infer<typeof allocationSchema>

const page = z.coerce.number().int().min(1).max(10_000).default(1)
export const enrolmentQuerySchema = z.strictObject({
  status: z.enum(ENROLMENT_STATUSES).optional(),
  compartmentId: id.optional(),
  page,
})
export type EnrolmentQuery = z.infer<typeof enrolmentQuerySchema>

export const sponsorQuerySchema = z.strictObject({ page })

/** A child's updates, newest first, optionally in one status (so a merge can pick approved ones). */
export const updateQuerySchema = z.strictObject({
  status: z.enum(UPDATE_STATUSES).optional(),
  page,
})
export type UpdateQuery = z.infer<typeof updateQuerySchema>

export const flowsQuerySchema = z.strictObject({
  /** The fiscal year by the calendar year it starts in (April). */
  year: z.coerce.number().int().min(1990).max(2100),
})

export const idParamsSchema = z.strictObject({ id })

export const sponsorUpdateSchema = z.strictObject({
  language: z.enum(SPONSOR_LANGUAGES),
  /** What the sponsor is told of the child's age: a band, never a birth date. */
  ageBand: z.enum(AGE_BANDS),
  text: z.string().trim().min(1).max(4000),
})
export type CreateSponsorUpdate = z.infer<typeof sponsorUpdateSchema>

export const reviewSchema = z.strictObject({
  /** The reviewer looked at the photo and it shows no face, place, sign or uniform. */
  photoConfirmed: z.boolean().default(false),
})

export const letterParamsSchema = z.strictObject({ id, updateId: id })

/** A mail-merge: approved updates by id, comma-separated (so a download link can name them). */
export const lettersQuerySchema = z.strictObject({
  updates: z.string().regex(/^[A-Za-z0-9_-]{1,100}(,[A-Za-z0-9_-]{1,100}){0,49}$/, {
    message: 'List 1 to 50 update ids, separated by commas.',
  }),
})
