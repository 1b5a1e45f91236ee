import {
  changeStageSchema,
  createPathwaySchema,
  pathwayParamsSchema,
  pathwayQuerySchema,
} from '@haven/core/resettlement/pathway-schema'
import { pathwayPageView, pathwayView } from '@haven/core/resettlement/pathway-views'
import { defineRoute, found, inCompartment, type RequestInput } from '../../api/api-route.js'
import { visibleInRestricted } from '../../compartments/restricted-compartment.js'
import { errors } from '../../http/errors.js'
import { findCaseRef } from '../people/index.js'
import { changeStage, createPathway } from './resettlement-service.js'
import { countPathways, findPathway, listPathways } from './resettlement-store.js'
import { presentPathway, presentSummaries } from './resettlement-views.js'

/**
 * The pathway at the route's `:id`. A pathway is answered as missing (404) to anyone without a
 * grant in its restricted compartment itself — also to holders of organisation-wide grants, whom
 * the general rule would answer 403, which would tell them a journey exists.
 */
const pathwayAtId = async ({ app, params, actor }: RequestInput<{ id: string }>) =>
  visibleInRestricted(actor, found(await findPathway(app.database.db, params.id)))

export const resettlementRoutes = [
  defineRoute({
    method: 'get',
    path: '/resettlement/pathways',
    summary:
      'Resettlement pathways in the compartments where you hold a grant yourself, filtered by route and stage, a page at a time',
    tag: 'resettlement',
    access: { kind: 'policy', entity: 'Pathway', action: 'list', scope: 'compartments' },
    query: pathwayQuerySchema,
    response: pathwayPageView,
    async handle({ app, query, scope }) {
      const db = app.database.db
      const filter = { compartmentIds: scope, route: query.route, stage: query.stage }
      const [rows, total] = await Promise.all([
        listPathways(db, filter, { limit: query.limit, offset: query.offset }),
        countPathways(db, filter),
      ])
      return { items: await presentSummaries(db, rows), total }
    },
  }),
  defineRoute({
    method: 'post',
    path: '/resettlement/pathways',
    summary:
      'Open the pathway of a resettlement case at intake: its route (and the consulate’s or third country’s code), never a description',
    tag: 'resettlement',
    access: {
      kind: 'policy',
      entity: 'Pathway',
      action: 'create',
      record: (_, { body }) => ({ compartmentId: body.compartmentId }),
    },
    body: createPathwaySchema,
    response: pathwayView,
    successStatus: 201,
    errors: ['notFound', 'forbidden', 'validationFailed', 'pathwayExists', 'recordFrozen'],
    async handle({ app, body, actor, authorize, audit: by }) {
      const kase = await findCaseRef(app.database.db, actor(), body.caseId)
      if (!kase) throw errors.notFound()
      // The case itself must be one the caller works (404 when its compartment is not theirs).
      authorize('read', 'Case', { compartmentId: kase.compartmentId })
      const row = await createPathway(app, kase, body, by)
      return presentPathway(app.database.db, actor(), row)
    },
  }),
  defineRoute({
    method: 'get',
    path: '/resettlement/pathways/:id',
    summary: 'One pathway: route, stage, every stage it reached (month or year) and the country',
    tag: 'resettlement',
    access: {
      kind: 'policy',
      entity: 'Pathway',
      action: 'read',
      load: pathwayAtId,
      record: inCompartment,
    },
    params: pathwayParamsSchema,
    response: pathwayView,
    errors: ['notFound'],
    async handle({ app, actor, record }) {
      return presentPathway(app.database.db, actor(), record)
    },
  }),
  defineRoute({
    method: 'post',
    path: '/resettlement/pathways/:id/stages',
    summary: 'Move a pathway to another stage (audited); 409 if someone saved first',
    tag: 'resettlement',
    access: {
      kind: 'policy',
      entity: 'Pathway',
      action: 'update',
      load: pathwayAtId,
      record: inCompartment,
    },
    params: pathwayParamsSchema,
    body: changeStageSchema,
    response: pathwayView,
    errors: ['notFound', 'forbidden', 'validationFailed', 'versionConflict', 'recordFrozen'],
    async handle({ app, actor, body, record, audit: by }) {
      const row = await changeStage(app, record.id, body, by)
      return presentPathway(app.database.db, actor(), row)
    },
  }),
]
