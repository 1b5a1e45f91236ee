import { z } from 'zod'
import { type CurrencyCode, isCurrencyCode } from '../money/currency.js'

export const ITEM_UNITS = ['kg', 'set', 'kit', 'piece'] as const
export type ItemUnit = (typeof ITEM_UNITS)[number]
export const ITEM_KINDS = [
  'rice',
  'clothes_summer',
  'clothes_winter',
  'first_aid_kit',
  'other',
] as const
export const LOCATION_KINDS = ['shelter', 'warehouse', 'delivery'] as const
export type LocationKind = (typeof LOCATION_KINDS)[number]
export const MOVEMENT_KINDS = ['purchase', 'transfer', 'distribution', 'loss'] as const
export type MovementKind = (typeof MOVEMENT_KINDS)[number]

const id = z.string().min(1).max(100)
export const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'field.date_format' })
export const currencySchema = z
  .string()
  .refine((c): c is CurrencyCode => isCurrencyCode(c), { error: 'field.currency_code' })
  .transform((c) => c as CurrencyCode)
/** Decimal text in major units ("20", "12.50"): exact, unlike a float. */
const amountText = z.string().regex(/^\d{1,12}(\.\d{1,3})?$/, { error: 'field.amount_format' })

/** A name in Japanese beside the English one; empty means none (the English one is shown). */
const nameJa = z.string().trim().max(80).optional()

export const createItemSchema = z.strictObject({
  name: z.string().trim().min(1).max(80),
  nameJa,
  kind: z.enum(ITEM_KINDS, { error: 'field.item_kind' }),
  unit: z.enum(ITEM_UNITS, { error: 'field.unit_unknown' }),
})
export type CreateItem = z.infer<typeof createItemSchema>

export const createLocationSchema = z.strictObject({
  name: z.string().trim().min(1).max(80),
  nameJa,
  kind: z.enum(LOCATION_KINDS),
  /** A shelter's or programme's compartment; null for a warehouse or a delivery destination. */
  compartmentId: id.nullable().default(null),
})
export type CreateLocation = z.infer<typeof createLocationSchema>

/** The largest movement Haven believes in: 10,000 t of rice, 1,000,000 kits. */
export const MAX_QUANTITY = 10_000_000

export const createMovementSchema = z
  .strictObject({
    itemId: id,
    kind: z.enum(MOVEMENT_KINDS),
    fromLocationId: id.nullable().default(null),
    toLocationId: id.nullable().default(null),
    /** In the item's unit (kg to 3 decimals; sets and kits whole). */
    quantity: z
      .number({ error: 'field.quantity' })
      .positive({ error: 'field.quantity_positive' })
      .max(MAX_QUANTITY, { error: 'field.quantity_absurd' }),
    occurredOn: isoDay,
    cost: amountText.optional(),
    currency: currencySchema.optional(),
  })
  .superRefine((m, ctx) => {
    const needsFrom = m.kind !== 'purchase'
    const needsTo = m.kind === 'purchase' || m.kind === 'transfer' || m.kind === 'distribution'
    if (needsFrom && !m.fromLocationId)
      ctx.addIssue({ code: 'custom', path: ['fromLocationId'], message: 'field.required' })
    if (needsTo && !m.toLocationId)
      ctx.addIssue({ code: 'custom', path: ['toLocationId'], message: 'field.required' })
    if (m.kind === 'purchase' && (!m.cost || !m.currency))
      ctx.addIssue({ code: 'custom', path: ['cost'], message: 'field.cost_required' })
  })
export type CreateMovement = z.infer<typeof createMovementSchema>

export const createRateSchema = z.strictObject({
  date: isoDay,
  base: currencySchema,
  quote: currencySchema,
  rate: z.string().regex(/^\d{1,9}(\.\d{1,10})?$/, { error: 'field.rate_format' }),
  source: z.string().trim().max(120).optional(),
})
export type CreateRate = z.infer<typeof createRateSchema>

export const createPolicySchema = z
  .strictObject({
    compartmentId: id,
    validFrom: isoDay,
    validTo: isoDay.nullable().default(null),
    /** Per person per visit, e.g. "20" CNY. */
    amount: amountText,
    currency: currencySchema,
    /** What the amount buys, in grams of rice (10 kg → 10000). */
    buysGrams: z.number().int().min(0).max(1_000_000),
    dailyCap: z.number().int().min(1, { error: 'field.quantity_positive' }).max(10_000),
    monthlyCap: amountText,
    monthlyCapCurrency: currencySchema,
    /** Grams of rice per adult per day (500). */
    rationGrams: z.number().int().min(1).max(5000),
  })
  .superRefine((p, ctx) => {
    if (p.validTo && p.validTo < p.validFrom)
      ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'field.range_reversed' })
  })
export type CreatePolicy = z.infer<typeof createPolicySchema>

export const recordDistributionSchema = z
  .strictObject({
    compartmentId: id,
    day: isoDay,
    /** A registered person, by code; or else an anonymous headcount. */
    personCode: z.string().trim().min(1).max(40).optional(),
    headcount: z.number().int().min(1, { error: 'field.quantity_positive' }).max(500).optional(),
    /** A coordinator's written reason to go past a cap. */
    overrideReason: z
      .string()
      .trim()
      .min(10, { error: 'field.override_reason' })
      .max(500)
      .optional(),
  })
  .superRefine((d, ctx) => {
    if ((d.personCode === undefined) === (d.headcount === undefined))
      ctx.addIssue({ code: 'custom', path: ['personCode'], message: 'field.person_or_headcount' })
  })
export type RecordDistribution = z.infer<typeof recordDistributionSchema>
