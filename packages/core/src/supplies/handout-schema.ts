import { z } from 'zod'
import { ITEM_KINDS, isoDay } from './supply-schemas.js'

/** Items handed out one by one (clothes sets, kits): never rice, which goes under the caps. */
export const NON_FOOD_KINDS = ITEM_KINDS.filter((k) => k !== 'rice')

const id = z.string().min(1).max(100)

/**
 * Non-food items (clothes sets by season, first-aid kits…) handed out from a stock location to
 * one person, by code, or to a shelter's headcount: a supply movement with its recipients.
 */
export const createHandoutSchema = z
  .strictObject({
    itemId: id,
    fromLocationId: id,
    /** The compartment of the person or of the shelter whose people received them. */
    compartmentId: id,
    personCode: z
      .string()
      .trim()
      .max(40)
      .transform((c) => (c === '' ? null : c.toUpperCase()))
      .nullable()
      .default(null),
    /** How many people received them when no one is named (a shelter's headcount). */
    headcount: z.coerce
      .number({ error: 'field.headcount_range' })
      .int({ error: 'field.headcount_range' })
      .min(1, { error: 'field.headcount_range' })
      .max(10_000, { error: 'field.headcount_range' })
      .nullable()
      .default(null),
    /** Whole sets, kits or pieces. */
    quantity: z.coerce
      .number({ error: 'field.quantity' })
      .int({ error: 'field.quantity_whole' })
      .positive({ error: 'field.quantity_positive' })
      .max(1_000_000, { error: 'field.quantity_absurd' }),
    occurredOn: isoDay,
  })
  .superRefine((h, ctx) => {
    if (h.personCode === null && h.headcount === null)
      ctx.addIssue({ code: 'custom', path: ['headcount'], message: 'field.person_or_headcount' })
    if (h.personCode !== null && h.headcount !== null)
      ctx.addIssue({ code: 'custom', path: ['headcount'], message: 'field.person_or_headcount' })
  })
export type CreateHandout = z.infer<typeof createHandoutSchema>

/** Who received a handout: a named person, or a shelter's headcount. */
export const HANDOUT_RECIPIENTS = ['person', 'shelter'] as const

export const handoutQuerySchema = z.strictObject({
  compartmentId: id.optional(),
  kind: z.enum(NON_FOOD_KINDS as [string, ...string[]]).optional(),
  /** A year (2025) or a month (2025-06) of the day handed out. */
  period: z
    .string()
    .regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, { error: 'field.coarse_date_format' })
    .optional(),
  recipient: z.enum(HANDOUT_RECIPIENTS).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(25),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
})

export const handoutView = z.object({
  id: z.string(),
  compartmentId: z.string(),
  itemId: z.string(),
  itemName: z.string(),
  /** The item's Japanese name, if given (see referenceName). */
  itemNameJa: z.string().nullable(),
  itemKind: z.string(),
  unit: z.string(),
  quantity: z.number(),
  /** The person's code, or null for a headcount. */
  personCode: z.string().nullable(),
  /** People reached: 1 for a person. */
  people: z.number(),
  occurredOn: z.string(),
})
export type HandoutView = z.infer<typeof handoutView>
export const handoutPageView = z.object({ items: z.array(handoutView), total: z.number() })
export type HandoutPage = z.infer<typeof handoutPageView>
