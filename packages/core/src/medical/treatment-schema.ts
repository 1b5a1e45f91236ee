import { z } from 'zod'
import { type CurrencyCode, isCurrencyCode } from '../money/currency.js'

export const TREATMENT_KINDS = ['clinic', 'hospital', 'medicines'] as const
/**
 * Facts about a person that must reach as few eyes as possible: a treatment carrying one is seen
 * by the compartment's coordinators only (everyone else is answered as if it did not exist).
 */
export const SENSITIVE_FLAGS = ['torture_survivor', 'sexual_violence', 'mental_health'] as const
export type TreatmentKind = (typeof TREATMENT_KINDS)[number]
export type SensitiveFlag = (typeof SENSITIVE_FLAGS)[number]

const id = z.string().min(1).max(100)
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'field.month_format' })
const currency = z
  .string()
  .refine((c): c is CurrencyCode => isCurrencyCode(c), { error: 'field.currency_code' })
  .transform((c) => c as CurrencyCode)

/**
 * A treatment for a medical case: clinic, hospital or medicines, by a partner organisation, in a
 * month, with its cost (paid on a day, for the books) and any sensitive flags.
 */
export const createTreatmentSchema = z
  .strictObject({
    caseId: id,
    kind: z.enum(TREATMENT_KINDS),
    /** The partner organisation that treated (an organisation, never a doctor's name). */
    provider: z.string().trim().min(1).max(80),
    startedOn: month,
    cost: z
      .strictObject({
        amount: z.string().regex(/^\d{1,12}(\.\d{1,3})?$/, { error: 'field.amount_format' }),
        currency,
        paidOn: z.iso.date({ error: 'field.date_format' }),
      })
      .nullable()
      .default(null),
    flags: z.array(z.enum(SENSITIVE_FLAGS)).max(SENSITIVE_FLAGS.length).default([]),
  })
  .superRefine((t, ctx) => {
    if (new Set(t.flags).size !== t.flags.length)
      ctx.addIssue({ code: 'custom', path: ['flags'], message: 'field.flags_repeated' })
  })
export type CreateTreatment = z.infer<typeof createTreatmentSchema>

export const treatmentParamsSchema = z.strictObject({ id })

export const treatmentQuerySchema = z.strictObject({
  caseId: id.optional(),
  kind: z.enum(TREATMENT_KINDS).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
})
export type TreatmentQuery = z.infer<typeof treatmentQuerySchema>

export const treatmentView = z.object({
  id: z.string(),
  compartmentId: z.string(),
  caseId: z.string(),
  caseCode: z.string(),
  personCode: z.string(),
  kind: z.enum(TREATMENT_KINDS),
  provider: z.string(),
  startedOn: z.string(),
  /** Decimal text in major units, with its currency and the day it was paid. */
  cost: z.object({ amount: z.string(), currency: z.string(), paidOn: z.string() }).nullable(),
  flags: z.array(z.enum(SENSITIVE_FLAGS)),
})
export type TreatmentView = z.infer<typeof treatmentView>

export const treatmentPageView = z.object({ items: z.array(treatmentView), total: z.number() })

/**
 * Sets or clears the case's sensitive restriction (coordinators): while set, the case is seen
 * only by its assignee and the compartment's coordinators.
 */
export const RESTRICT_REASONS = ['sensitive_condition', 'safety_risk', 'person_asked'] as const
export const LIFT_REASONS = ['flagged_in_error', 'no_longer_sensitive', 'person_asked'] as const
export type RestrictionReason = (typeof RESTRICT_REASONS)[number] | (typeof LIFT_REASONS)[number]

/**
 * The reason is a code, never free text: it goes into the audit log, which must not hold what
 * the person told us.
 */
export const caseRestrictionSchema = z
  .strictObject({
    restricted: z.boolean(),
    reason: z.enum([...new Set([...RESTRICT_REASONS, ...LIFT_REASONS])] as [
      RestrictionReason,
      ...RestrictionReason[],
    ]),
  })
  .superRefine((input, ctx) => {
    const allowed: readonly string[] = input.restricted ? RESTRICT_REASONS : LIFT_REASONS
    if (!allowed.includes(input.reason))
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'field.reason_not_for_this' })
  })
export type CaseRestrictionInput = z.infer<typeof caseRestrictionSchema>
