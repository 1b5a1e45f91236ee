import { z } from 'zod'
import { type CurrencyCode, isCurrencyCode } from '../money/currency.js'

/** Where a detained aid worker is now (the seed: imprisoned, released and deported, died). */
export const DETENTION_STATUSES = ['detained', 'sentenced', 'released', 'deported', 'died'] as const
export type DetentionStatus = (typeof DETENTION_STATUSES)[number]
/** Statuses after which nobody is held any more: served time stops on their date. */
export const ENDED_STATUSES: readonly DetentionStatus[] = ['released', 'deported', 'died']

export const ADVOCACY_KINDS = [
  'letter',
  'government_meeting',
  'embassy_visit',
  'petition',
  'statement',
  'testimony',
] as const
export type AdvocacyKind = (typeof ADVOCACY_KINDS)[number]

const id = z.string().min(1).max(100)
const isoDate = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { error: 'field.date_format' })
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), { error: 'field.date_format' })
/**
 * A date only as precise as is safe: a year (`2003`), a month (`2003-01`) or a day. Recording the
 * exact day of a raid can point at those who were there, so the form offers the month first.
 */
export const generalisedDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, {
    error: 'field.generalised_date',
  })
const text = (max: number) => z.string().trim().min(1).max(max)
const optionalText = (max: number) => z.string().trim().max(max).optional()
/** A public-safe code like DW-01: the record's only name outside its compartment. */
export const workerCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2,4}-\d{2,3}$/, { error: 'field.worker_code_format' })

export const createDetainedSchema = z.strictObject({
  /** The compartment the record is sealed in (the restricted detained-workers compartment by default). */
  compartmentId: id,
  code: workerCodeSchema,
  /** Sealed: shown only to those who may identify in the compartment, every look audited. */
  name: text(200),
  /** Nationality, ISO 3166-1 alpha-2 (not sealed: a country names nobody). */
  nationality: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, { error: 'field.country_code' }),
  arrestedOn: generalisedDate,
  /** A province or city, never an address. */
  arrestPlace: text(100),
  charge: optionalText(300),
  /** Sentence length in months (five years: 60), once sentenced. */
  termMonths: z.number().int().min(1).max(600).optional(),
  status: z.enum(DETENTION_STATUSES).default('detained'),
  /** Known in public under their name: only then may a campaign page you approve show it. */
  publicFigure: z.boolean().optional(),
})
export type CreateDetained = z.infer<typeof createDetainedSchema>

/** Marks a record a public figure or no longer one (coordinators of its compartment; audited). */
export const setPublicFigureSchema = z.strictObject({
  publicFigure: z.boolean(),
  /** The record's version as the coordinator saw it: a change made meanwhile is a 409. */
  version: z.number().int().min(1),
})
export type SetPublicFigure = z.infer<typeof setPublicFigureSchema>

/** A change in detention: sentenced (with its term), released, deported, died. */
export const detentionChangeSchema = z
  .strictObject({
    status: z.enum(DETENTION_STATUSES),
    on: isoDate,
    termMonths: z.number().int().min(1).max(600).optional(),
    note: optionalText(2000),
  })
  .refine((c) => c.status !== 'sentenced' || c.termMonths !== undefined, {
    path: ['termMonths'],
    error: 'field.term_required',
  })
export type DetentionChange = z.infer<typeof detentionChangeSchema>

export const familyPaymentSchema = z.strictObject({
  paidOn: isoDate,
  amount: z.string().regex(/^\d{1,12}(\.\d{1,3})?$/, { error: 'field.amount_format' }),
  currency: z
    .string()
    .refine((c): c is CurrencyCode => isCurrencyCode(c), { error: 'field.currency_code' })
    .transform((c) => c as CurrencyCode),
})
export type FamilyPayment = z.infer<typeof familyPaymentSchema>

export const advocacySchema = z.strictObject({
  kind: z.enum(ADVOCACY_KINDS),
  on: isoDate,
  /** Whom it was addressed to: a government, an embassy, a UN body (organisations, not people). */
  addressedTo: text(200),
  /** Sealed, like the answer: what was asked may name the worker. */
  summary: optionalText(5000),
  answeredOn: isoDate.optional(),
  answer: optionalText(5000),
})
export type Advocacy = z.infer<typeof advocacySchema>

export const detainedParamsSchema = z.strictObject({ id })
export const detainedQuerySchema = z.strictObject({
  status: z.enum(DETENTION_STATUSES).optional(),
})
