import {
  assessReturnSchema,
  createReturnSchema,
  payReturnSchema,
  returnedSchema,
  returnPageView,
  returnParamsSchema,
  returnQuerySchema,
  returnView,
} from '@haven/core/resettlement/returnee-schema'
import { defineRoute, found, inCompartment, type RequestInput } from '../../api/api-route.js'
import type { Actor } from '../../auth/actor.js'
import { can } from '../../auth/policy.js'
import type { Db } from '../../db/db-handle.js'
import { errors } from '../../http/errors.js'
import { caseCodes, findCaseRef, personCodes } from '../people/index.js'
import type { ReturneeSupportTable } from './resettlement-tables.js'
import {
  assessReturn,
  payReturn,
  recordReturned,
  requestReturn,
  returnSummary,
} from './returnee-service.js'
import { countReturns, findReturn, listReturns } from './returnee-store.js'

/** The request at `:id`; missing (404) for anyone without a grant in its compartment itself. */
const returnAtId = async ({ app, params, actor }: RequestInput<{ id: string }>) => {
  const row = found(await findReturn(app.database.db, params.id))
  if (!actor.grants.some((g) => g.compartmentId === row.compartment_id)) throw errors.notFound()
  return row
}

async function present(db: Db, actor: Actor, rows: readonly ReturneeSupportTable[]) {
  const cases = await caseCodes(
    db,
    rows.map((r) => r.case_id),
  )
  const people = await personCodes(
    db,
    rows.map((r) => r.person_id),
  )
  return rows.map((r) =>
    returnSummary(
      r,
      { caseCode: cases.get(r.case_id) ?? '', personCode: people.get(r.person_id) ?? '' },
      can(actor, 'update', 'ReturneeSupport', { compartmentId: r.compartment_id }),
    ),
  )
}

const presentOne = async (db: Db, actor: Actor, row: ReturneeSupportTable) => {
  const [view] = await present(db, actor, [row])
  if (!view) throw errors.notFound()
  return view
}

const step = {
  kind: 'policy',
  entity: 'ReturneeSupport',
  action: 'update',
  load: returnAtId,
  record: inCompartment,
} as const
const stepErrors = [
  'notFound',
  'forbidden',
  'validationFailed',
  'versionConflict',
  'returnWrongStep',
  'recordFrozen',
] as const

export const returneeRoutes = [
  defineRoute({
    method: 'get',
    path: '/resettlement/returns',
    summary: 'Requests to return in the compartments where you hold a grant yourself, by status',
    tag: 'resettlement',
    access: { kind: 'policy', entity: 'ReturneeSupport', action: 'list', scope: 'compartments' },
    query: returnQuerySchema,
    response: returnPageView,
    async handle({ app, actor, query, scope }) {
      const db = app.database.db
      const filter = { compartmentIds: scope, status: query.status }
      const [rows, total] = await Promise.all([
        listReturns(db, filter, { limit: query.limit, offset: query.offset }),
        countReturns(db, filter),
      ])
      return { items: await present(db, actor(), rows), total }
    },
  }),
  defineRoute({
    method: 'post',
    path: '/resettlement/returns',
    summary: 'Record a request to return for a return case (the month asked)',
    tag: 'resettlement',
    access: {
      kind: 'policy',
      entity: 'ReturneeSupport',
      action: 'create',
      record: (_, { body }) => ({ compartmentId: body.compartmentId }),
    },
    body: createReturnSchema,
    response: returnView,
    successStatus: 201,
    errors: ['notFound', 'forbidden', 'validationFailed', 'returnExists', 'recordFrozen'],
    async handle({ app, body, actor, authorize, audit: by }) {
      const kase = await findCaseRef(app.database.db, actor(), body.caseId)
      if (!kase) throw errors.notFound()
      authorize('read', 'Case', { compartmentId: kase.compartmentId })
      const row = await requestReturn(app, kase, body, by)
      return presentOne(app.database.db, actor(), row)
    },
  }),
  defineRoute({
    method: 'get',
    path: '/resettlement/returns/:id',
    summary: 'One request to return: assessment, funds paid, month of return',
    tag: 'resettlement',
    access: {
      kind: 'policy',
      entity: 'ReturneeSupport',
      action: 'read',
      load: returnAtId,
      record: inCompartment,
    },
    params: returnParamsSchema,
    response: returnView,
    errors: ['notFound'],
    async handle({ app, actor, record }) {
      return presentOne(app.database.db, actor(), record)
    },
  }),
  defineRoute({
    method: 'post',
    path: '/resettlement/returns/:id/assessment',
    summary: 'Approve or decline a request to return (audited)',
    tag: 'resettlement',
    access: step,
    params: returnParamsSchema,
    body: assessReturnSchema,
    response: returnView,
    errors: stepErrors,
    async handle({ app, actor, body, record, audit: by }) {
      return presentOne(app.database.db, actor(), await assessReturn(app, record.id, body, by))
    },
  }),
  defineRoute({
    method: 'post',
    path: '/resettlement/returns/:id/funds',
    summary: 'Record the resettlement funds paid (amount, currency, day); the books are told',
    tag: 'resettlement',
    access: step,
    params: returnParamsSchema,
    body: payReturnSchema,
    response: returnView,
    errors: stepErrors,
    async handle({ app, actor, body, record, audit: by }) {
      return presentOne(app.database.db, actor(), await payReturn(app, record.id, body, by))
    },
  }),
  defineRoute({
    method: 'post',
    path: '/resettlement/returns/:id/returned',
    summary: 'Record the month of return: the last entry; nothing is followed up after it',
    tag: 'resettlement',
    access: step,
    params: returnParamsSchema,
    body: returnedSchema,
    response: returnView,
    errors: stepErrors,
    async handle({ app, actor, body, record, audit: by }) {
      return presentOne(app.database.db, actor(), await recordReturned(app, record.id, body, by))
    },
  }),
]
