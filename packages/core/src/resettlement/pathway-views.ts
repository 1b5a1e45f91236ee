import { z } from 'zod'
import { PATHWAY_ROUTES, PATHWAY_STAGES, STAGE_PRECISIONS } from './pathway-schema.js'

/** One stage the pathway reached: when (month or year) and, once resettled, the country. */
export const stageView = z.object({
  stage: z.enum(PATHWAY_STAGES),
  on: z.string(),
  precision: z.enum(STAGE_PRECISIONS),
  country: z.string().nullable(),
  recordedAt: z.string(),
})

/** A pathway in a list: codes only (the case's and the person's), route and where it stands. */
export const pathwaySummaryView = z.object({
  id: z.string(),
  compartmentId: z.string(),
  caseId: z.string(),
  caseCode: z.string(),
  personCode: z.string(),
  route: z.enum(PATHWAY_ROUTES),
  routeCountry: z.string().nullable(),
  stage: z.enum(PATHWAY_STAGES),
  stageOn: z.string(),
  stagePrecision: z.enum(STAGE_PRECISIONS),
  country: z.string().nullable(),
  version: z.number(),
})
export type PathwaySummary = z.infer<typeof pathwaySummaryView>

/** A page of the list, with how many match the filters in all. */
export const pathwayPageView = z.object({
  items: z.array(pathwaySummaryView),
  total: z.number(),
})
export type PathwayPage = z.infer<typeof pathwayPageView>

/** One pathway with every stage it went through and what the caller may do with it. */
export const pathwayView = pathwaySummaryView.extend({
  stages: z.array(stageView),
  actions: z.array(z.enum(['update'])),
})
export type PathwayView = z.infer<typeof pathwayView>
