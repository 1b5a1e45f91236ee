import {
  advocacySchema,
  createDetainedSchema,
  detainedParamsSchema,
  detainedQuerySchema,
  detentionChangeSchema,
  familyPaymentSchema,
} from '@haven/core/detained/detained-schemas'
import { detainedSummaryView, detainedView } from '@haven/core/detained/detained-views'
import { z } from 'zod'
import { defineRoute, found, inCompartment, type RequestInput } from '../../api/api-route.js'
import { today } from '../../app-context.js'
import { visibleInRestricted } from '../../compartments/restricted-compartment.js'
import type { Db } from '../../db/db-handle.js'
import { changeDetention, createDetained, payFamily, recordAdvocacy } from './detained-service.js'
import { findWorker, listWorkers } from './detained-store.js'
import { presentDetained, presentDetainedSummary } from './detained-views.js'

const loadWorker = async (db: Db, id: string) => found(await findWorker(db, id))
/**
 * The record at `:id`, answered as missing to anyone without a grant in its restricted
 * compartment itself (an organisation-wide coordinator included), so its existence is not told.
 */
const workerAtId = async ({ app, params, actor }: RequestInput<{ id: string }>) =>
  visibleInRestricted(actor, await loadWorker(app.database.db, params.id))
const changing = {
  kind: 'policy',
  entity: 'DetainedWorker',
  action: 'update',
  load: workerAtId,
  record: inCompartment,
} as const

export const detainedRoutes = [
  defineRoute({
    method: 'get',
    path: '/detained',
    summary: 'Detained aid workers in the compartments you are granted, by code, with time served',
    tag: 'detained',
    access: { kind: 'policy', entity: 'DetainedWorker', action: 'list', scope: 'compartments' },
    query: detainedQuerySchema,
    response: z.array(detainedSummaryView),
    async handle({ app, query, scope }) {
      const rows = await listWorkers(app.database.db, scope, query.status)
      return rows.map((r) => presentDetainedSummary(r, today(app)))
    },
  }),
  defineRoute({
    method: 'post',
    path: '/detained',
    summary:
      'Record a detained aid worker: identity sealed, arrest at a generalised date and place',
    tag: 'detained',
    access: {
      kind: 'policy',
      entity: 'DetainedWorker',
      action: 'create',
      record: (_, { body }) => ({ compartmentId: body.compartmentId }),
    },
    body: createDetainedSchema,
    response: detainedView,
    successStatus: 201,
    errors: ['notFound', 'forbidden', 'validationFailed', 'recordFrozen'],
    async handle({ app, body, actor, audit: by }) {
      const row = await createDetained(app, body, by)
      return presentDetained(app, actor(), row, by.requestId)
    },
  }),
  defineRoute({
    method: 'get',
    path: '/detained/:id',
    summary:
      'One record with its timeline, family support and advocacy (the name only if you may identify)',
    tag: 'detained',
    access: {
      kind: 'policy',
      entity: 'DetainedWorker',
      action: 'read',
      load: workerAtId,
      record: inCompartment,
    },
    params: detainedParamsSchema,
    response: detainedView,
    errors: ['notFound'],
    async handle({ app, actor, record, audit: by }) {
      return presentDetained(app, actor(), record, by.requestId)
    },
  }),
  defineRoute({
    method: 'post',
    path: '/detained/:id/status',
    summary: 'Sentenced (with the term), released, deported or died, with the date',
    tag: 'detained',
    access: changing,
    params: detainedParamsSchema,
    body: detentionChangeSchema,
    response: detainedView,
    successStatus: 201,
    errors: ['notFound', 'forbidden', 'validationFailed', 'versionConflict', 'recordFrozen'],
    async handle({ app, params, body, actor, record, audit: by }) {
      await changeDetention(app, record, body, by)
      return presentDetained(
        app,
        actor(),
        await loadWorker(app.database.db, params.id),
        by.requestId,
      )
    },
  }),
  defineRoute({
    method: 'post',
    path: '/detained/:id/payments',
    summary: 'Support paid to the family (told to the books in the same transaction)',
    tag: 'detained',
    access: changing,
    params: detainedParamsSchema,
    body: familyPaymentSchema,
    response: detainedView,
    successStatus: 201,
    errors: ['notFound', 'forbidden', 'validationFailed', 'recordFrozen'],
    async handle({ app, params, body, actor, record, audit: by }) {
      await payFamily(app, record, body, by)
      return presentDetained(
        app,
        actor(),
        await loadWorker(app.database.db, params.id),
        by.requestId,
      )
    },
  }),
  defineRoute({
    method: 'post',
    path: '/detained/:id/advocacy',
    summary: 'A letter, a meeting with a government… and its answer (both sealed)',
    tag: 'detained',
    access: changing,
    params: detainedParamsSchema,
    body: advocacySchema,
    response: detainedView,
    successStatus: 201,
    errors: ['notFound', 'forbidden', 'validationFailed', 'recordFrozen'],
    async handle({ app, params, body, actor, record, audit: by }) {
      await recordAdvocacy(app, record, body, by)
      return presentDetained(
        app,
        actor(),
        await loadWorker(app.database.db, params.id),
        by.requestId,
      )
    },
  }),
]
