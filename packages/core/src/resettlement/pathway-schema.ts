import { z } from 'zod'

/** How a person is brought to safety. A consulate or third country is named by its country only. */
export const PATHWAY_ROUTES = [
  'unhcr',
  'consulate',
  'underground',
  'third_country',
  'other',
] as const
/** The stages of a pathway, in the order they usually come. */
export const PATHWAY_STAGES = [
  'intake',
  'protection_requested',
  'under_protection',
  'in_transit',
  'arrived',
  'resettled',
  'follow_up',
] as const
/** Stage dates are coarse on purpose: a month or a year, never a day. */
export const STAGE_PRECISIONS = ['month', 'year'] as const

export type PathwayRoute = (typeof PATHWAY_ROUTES)[number]
export type PathwayStage = (typeof PATHWAY_STAGES)[number]
export type StagePrecision = (typeof STAGE_PRECISIONS)[number]

/** Routes that name a country (the consulate's, or the third country's). */
export const ROUTES_WITH_COUNTRY: readonly PathwayRoute[] = ['consulate', 'third_country']

const id = z.string().min(1).max(100)
/** A country as an ISO 3166-1 alpha-2 code (JP, KR, US): never a city, a place or a route. */
export const countrySchema = z.string().regex(/^[A-Z]{2}$/, { error: 'field.country_code' })
/** YYYY-MM (month precision) or YYYY (year precision). */
const coarseDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, { error: 'field.coarse_date_format' })

function precisionMatches(
  value: { on: string; precision: StagePrecision },
  ctx: z.RefinementCtx,
  path: string,
) {
  if (value.on.length !== (value.precision === 'month' ? 7 : 4))
    ctx.addIssue({ code: 'custom', path: [path], message: 'field.coarse_date_precision' })
}

/**
 * A new pathway for a resettlement case: its route and when intake was (month or year). There is
 * deliberately no field for a description, a map or a place: unknown fields are refused.
 */
export const createPathwaySchema = z
  .strictObject({
    /** The restricted (programme) compartment that holds the pathway. */
    compartmentId: id,
    caseId: id,
    route: z.enum(PATHWAY_ROUTES),
    routeCountry: countrySchema.nullable().default(null),
    on: coarseDate,
    precision: z.enum(STAGE_PRECISIONS),
  })
  .superRefine((p, ctx) => {
    precisionMatches(p, ctx, 'on')
    const needs = ROUTES_WITH_COUNTRY.includes(p.route)
    if (needs && p.routeCountry === null)
      ctx.addIssue({ code: 'custom', path: ['routeCountry'], message: 'field.route_needs_country' })
    if (!needs && p.routeCountry !== null)
      ctx.addIssue({ code: 'custom', path: ['routeCountry'], message: 'field.route_no_country' })
  })
export type CreatePathway = z.infer<typeof createPathwaySchema>

/** A move to another stage; `country` is where the person was resettled (that stage only). */
export const changeStageSchema = z
  .strictObject({
    version: z.number().int().positive(),
    stage: z.enum(PATHWAY_STAGES),
    on: coarseDate,
    precision: z.enum(STAGE_PRECISIONS),
    country: countrySchema.nullable().default(null),
  })
  .superRefine((s, ctx) => {
    precisionMatches(s, ctx, 'on')
    if (s.stage === 'resettled' && s.country === null)
      ctx.addIssue({ code: 'custom', path: ['country'], message: 'field.resettled_needs_country' })
    if (s.stage !== 'resettled' && s.country !== null)
      ctx.addIssue({ code: 'custom', path: ['country'], message: 'field.country_only_resettled' })
  })
export type ChangeStage = z.infer<typeof changeStageSchema>

export const pathwayParamsSchema = z.strictObject({ id })

/** The list's filters and page, all in the URL. */
export const pathwayQuerySchema = z.strictObject({
  route: z.enum(PATHWAY_ROUTES).optional(),
  stage: z.enum(PATHWAY_STAGES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
})
export type PathwayQuery = z.infer<typeof pathwayQuerySchema>
