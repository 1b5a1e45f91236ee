import { z } from 'zod'

export const itemView = z.object({
  id: z.string(),
  name: z.string(),
  /** The Japanese name, if given (see referenceName). */
  nameJa: z.string().nullable(),
  kind: z.string(),
  unit: z.string(),
})
export type ItemView = z.infer<typeof itemView>

export const locationView = z.object({
  id: z.string(),
  name: z.string(),
  nameJa: z.string().nullable(),
  kind: z.string(),
  compartmentId: z.string().nullable(),
  compartmentCode: z.string().nullable(),
})
export type LocationView = z.infer<typeof locationView>

export const stockView = z.object({
  itemId: z.string(),
  locationId: z.string(),
  /** In the item's unit (kg for rice). */
  quantity: z.number(),
})
export type StockView = z.infer<typeof stockView>

export const movementView = z.object({
  id: z.string(),
  itemId: z.string(),
  kind: z.string(),
  fromLocationId: z.string().nullable(),
  toLocationId: z.string().nullable(),
  quantity: z.number(),
  cost: z.string().nullable(),
  currency: z.string().nullable(),
  occurredOn: z.string(),
  /** What the person recording it added (a receipt imported from a spreadsheet may carry one). */
  note: z.string().nullable(),
})
export type MovementView = z.infer<typeof movementView>

export const rateView = z.object({
  date: z.string(),
  base: z.string(),
  quote: z.string(),
  rate: z.string(),
  source: z.string().nullable(),
})
export type RateView = z.infer<typeof rateView>

export const policyView = z.object({
  id: z.string(),
  compartmentId: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  amount: z.string(),
  currency: z.string(),
  buysGrams: z.number(),
  dailyCap: z.number(),
  monthlyCap: z.string(),
  monthlyCapCurrency: z.string(),
  rationGrams: z.number(),
})
export type PolicyView = z.infer<typeof policyView>

/** A shelter's people served on one day against its daily cap (the home page's panel). */
export const dayHeadcountView = z.object({
  compartmentId: z.string(),
  compartmentCode: z.string(),
  day: z.string(),
  people: z.number(),
  /** The cap of the policy in force that day; null when none is (nothing may be handed out). */
  dailyCap: z.number().nullable(),
})
export type DayHeadcountView = z.infer<typeof dayHeadcountView>

export const distributionView = z.object({
  id: z.string(),
  compartmentId: z.string(),
  day: z.string(),
  personCode: z.string().nullable(),
  headcount: z.number(),
  amount: z.string(),
  currency: z.string(),
  capAmount: z.string(),
  capCurrency: z.string(),
  riceKg: z.number(),
  overrideCode: z.string().nullable(),
  overrideReason: z.string().nullable(),
  /** People served that compartment and day after this one, against the cap. */
  dayPeople: z.number().optional(),
  dailyCap: z.number().optional(),
})
export type DistributionView = z.infer<typeof distributionView>

const moneyView = z.object({ minor: z.number(), currency: z.string(), amount: z.string() })

export const figuresView = z.object({
  compartmentId: z.string(),
  compartmentCode: z.string(),
  compartmentName: z.string(),
  year: z.string(),
  policy: policyView.nullable(),
  days: z.array(
    z.object({
      day: z.string(),
      people: z.number(),
      spend: moneyView,
      capSpend: moneyView,
      atCap: z.boolean(),
      overrides: z.number(),
    }),
  ),
  months: z.array(
    z.object({
      month: z.string(),
      people: z.number(),
      riceKg: z.number(),
      spend: moneyView,
      capSpend: moneyView,
      cap: moneyView.nullable(),
      overrides: z.number(),
    }),
  ),
  peoplePerDayAverage: z.number(),
  peoplePerDayPeak: z.number(),
  daysAtCap: z.number(),
  riceKgYear: z.number(),
  riceTonnesYear: z.number(),
  bulkDeliveredKgYear: z.number(),
  thisMonth: z.object({
    month: z.string(),
    spend: moneyView.nullable(),
    capSpend: moneyView.nullable(),
    cap: moneyView.nullable(),
    remaining: moneyView.nullable(),
  }),
  ration: z
    .object({
      gramsPerDay: z.number(),
      kcalPerDay: z.number(),
      shortKcal: z.number(),
      short: z.boolean(),
      referenceKcal: z.number(),
    })
    .nullable(),
})
export type FiguresView = z.infer<typeof figuresView>
