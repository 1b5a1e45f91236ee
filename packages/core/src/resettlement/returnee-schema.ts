import { z } from 'zod'
import { type CurrencyCode, isCurrencyCode } from '../money/currency.js'

/**
 * Where a request to return stands. After `returned` (or `declined`) nothing more is recorded:
 * following a person up after their return to North Korea could endanger them, so there is no
 * step, field or note for it.
 */
export const RETURN_STATUSES = ['requested', 'approved', 'declined', 'funded', 'returned'] as const
export type ReturnStatus = (typeof RETURN_STATUSES)[number]
export const RETURN_DECISIONS = ['approved', 'declined'] as const

/** The steps each status allows next. */
export const RETURN_STEPS: Readonly<Record<ReturnStatus, readonly ReturnStatus[]>> = {
  requested: ['approved', 'declined'],
  approved: ['funded', 'returned'],
  declined: [],
  funded: ['returned'],
  returned: [],
}

const id = z.string().min(1).max(100)
const isoDay = z.iso.date({ error: 'field.date_format' })
const currencySchema = z
  .string()
  .refine((c): c is CurrencyCode => isCurrencyCode(c), { error: 'field.currency_code' })
  .transform((c) => c as CurrencyCode)
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'field.month_format' })
/** Decimal text in major units ("2000", "12.50"): exact, unlike a float. */
const amountText = z.string().regex(/^\d{1,12}(\.\d{1,3})?$/, { error: 'field.amount_format' })
const version = z.number().int().positive()

/** A person asks for help to return: the case (of type return) and the month they asked. */
export const createReturnSchema = z.strictObject({
  /** The restricted compartment that keeps it (the resettlement compartment by default). */
  compartmentId: id,
  caseId: id,
  requestedOn: month,
})
export type CreateReturn = z.infer<typeof createReturnSchema>

export const assessReturnSchema = z.strictObject({
  version,
  decision: z.enum(RETURN_DECISIONS),
  on: month,
})
export type AssessReturn = z.infer<typeof assessReturnSchema>

/** The resettlement funds paid: amount, currency and the day (the books need the day). */
export const payReturnSchema = z.strictObject({
  version,
  amount: amountText,
  currency: currencySchema,
  paidOn: isoDay,
})
export type PayReturn = z.infer<typeof payReturnSchema>

export const returnedSchema = z.strictObject({ version, on: month })
export type Returned = z.infer<typeof returnedSchema>

export const returnParamsSchema = z.strictObject({ id })

export const returnQuerySchema = z.strictObject({
  status: z.enum(RETURN_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
})
export type ReturnQuery = z.infer<typeof returnQuerySchema>

export const returnView = z.object({
  id: z.string(),
  compartmentId: z.string(),
  caseId: z.string(),
  caseCode: z.string(),
  personCode: z.string(),
  status: z.enum(RETURN_STATUSES),
  requestedOn: z.string(),
  decision: z.enum(RETURN_DECISIONS).nullable(),
  assessedOn: z.string().nullable(),
  /** Decimal text in major units, with its currency. */
  amount: z.string().nullable(),
  currency: z.string().nullable(),
  paidOn: z.string().nullable(),
  returnedOn: z.string().nullable(),
  version: z.number(),
  actions: z.array(z.enum(['update'])),
})
export type ReturnView = z.infer<typeof returnView>

export const returnPageView = z.object({ items: z.array(returnView), total: z.number() })
