import { z } from 'zod'
import { sealedTextView } from '../privacy/sealed-text-view.js'
import { campaignView } from './campaign-schemas.js'
import { ADVOCACY_KINDS, DETENTION_STATUSES } from './detained-schemas.js'

export const SERVED_SHARE_NAMES = [
  'less_than_quarter',
  'more_than_quarter',
  'more_than_third',
  'more_than_half',
  'more_than_two_thirds',
  'more_than_three_quarters',
  'whole',
] as const

/** Time served on the server's today (or to release), for the app to phrase in the reader's language. */
export const timeServedView = z.object({
  daysServed: z.number().int(),
  monthsServed: z.number().int(),
  termDays: z.number().int(),
  termEndsOn: z.string(),
  share: z.enum(SERVED_SHARE_NAMES),
})

export const detainedSummaryView = z.object({
  id: z.string(),
  compartmentId: z.string(),
  code: z.string(),
  nationality: z.string(),
  arrestedOn: z.string(),
  arrestPlace: z.string(),
  status: z.enum(DETENTION_STATUSES),
  termMonths: z.number().int().nullable(),
  endedOn: z.string().nullable(),
  /** Null until sentenced (a term is needed to say what share of it was served). */
  served: timeServedView.nullable(),
  /** Whole months held so far, or until release. */
  monthsHeld: z.number().int(),
})
export type DetainedSummaryView = z.infer<typeof detainedSummaryView>

export const timelineEntryView = z.object({
  id: z.string(),
  kind: z.string(),
  on: z.string(),
  note: sealedTextView,
})

export const detainedView = detainedSummaryView.extend({
  name: sealedTextView,
  charge: z.string().nullable(),
  publicFigure: z.boolean(),
  /** The approved public campaign page, or null (never approved, or withdrawn). */
  campaign: campaignView.nullable(),
  version: z.number().int(),
  timeline: z.array(timelineEntryView),
  payments: z.array(
    z.object({
      id: z.string(),
      paidOn: z.string(),
      amountMinor: z.number().int(),
      currency: z.string(),
    }),
  ),
  advocacy: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(ADVOCACY_KINDS),
      on: z.string(),
      addressedTo: z.string(),
      summary: sealedTextView,
      answeredOn: z.string().nullable(),
      answer: sealedTextView,
    }),
  ),
  actions: z.array(z.enum(['update', 'pay', 'advocate', 'publish'])),
})
export type DetainedView = z.infer<typeof detainedView>
