import {
  caseKitPageView,
  caseKitsParamsSchema,
  caseKitsQuerySchema,
  caseKitView,
  giveCaseKitsSchema,
} from '@haven/core/medical/case-kits-schema'
import {
  caseRestrictionSchema,
  createTreatmentSchema,
  treatmentPageView,
  treatmentParamsSchema,
  treatmentQuerySchema,
  treatmentView,
} from '@haven/core/medical/treatment-schema'
import { z } from 'zod'
import { defineRoute, found, type RequestInput } from '../../api/api-route.js'
import type { Actor } from '../../auth/actor.js'
import { can } from '../../auth/policy.js'
import type { Db } from '../../db/db-handle.js'
import { errors } from '../../http/errors.js'
import { caseCodes, casesHiddenFrom, findCaseRef, personCodes } from '../people/index.js'
import { handoutsByIds } from '../supplies/index.js'
import {
  giveCaseKits,
  presentTreatment,
  recordTreatment,
  restrictMedicalCase,
} from './medical-service.js'
import {
  caseKitHandoutIds,
  countCaseKits,
  countTreatments,
  findTreatment,
  listTreatments,
} from './medical-store.js'
import type { MedicalTreatmentsTable } from './medical-tables.js'

/**
 * The treatment at `:id`. A flagged one is answered as missing to whoever may not read it
 * (a caseworker of the compartment included): its existence says something too.
 */
const treatmentAtId = async ({ app, params, actor }: RequestInput<{ id: string }>) => {
  const row = found(await findTreatment(app.database.db, params.id))
  if (row.sensitive === 1 && !can(actor, 'read', 'Treatment', recordOf(row)))
    throw errors.notFound()
  // A treatment of a case restricted to others is as hidden as the case.
  found(await findCaseRef(app.database.db, actor, row.case_id))
  return row
}

const recordOf = (t: MedicalTreatmentsTable) => ({
  compartmentId: t.compartment_id,
  sensitive: t.sensitive === 1,
})

async function present(db: Db, rows: readonly MedicalTreatmentsTable[]) {
  const cases = await caseCodes(
    db,
    rows.map((r) => r.case_id),
  )
  const people = await personCodes(
    db,
    rows.map((r) => r.person_id),
  )
  return rows.map((r) =>
    presentTreatment(r, {
      caseCode: cases.get(r.case_id) ?? '',
      personCode: people.get(r.person_id) ?? '',
    }),
  )
}

const sensitiveIn = (actor: Actor, compartmentIds: readonly string[]) =>
  compartmentIds.filter((compartmentId) =>
    can(actor, 'read', 'Treatment', { compartmentId, sensitive: true }),
  )

/** The case at `:caseId` (any type: the service refuses one that is not medical). */
const caseAtParam = async ({ app, actor, params }: RequestInput<{ caseId: string }>) =>
  found(await findCaseRef(app.database.db, actor, params.caseId))

export const medicalRoutes = [
  defineRoute({
    method: 'get',
    path: '/medical/treatments',
    summary:
      'Treatments of medical cases you work, by case and kind, a page at a time (flagged ones for coordinators only)',
    tag: 'medical',
    access: { kind: 'policy', entity: 'Treatment', action: 'list', scope: 'compartments' },
    query: treatmentQuerySchema,
    response: treatmentPageView,
    async handle({ app, actor, query, scope }) {
      const db = app.database.db
      const filter = {
        compartmentIds: scope,
        sensitiveIn: sensitiveIn(actor(), scope),
        hiddenCases: await casesHiddenFrom(db, actor(), scope),
        caseId: query.caseId,
        kind: query.kind,
      }
      const [rows, total] = await Promise.all([
        listTreatments(db, filter, { limit: query.limit, offset: query.offset }),
        countTreatments(db, filter),
      ])
      return { items: await present(db, rows), total }
    },
  }),
  defineRoute({
    method: 'post',
    path: '/medical/treatments',
    summary:
      'Record a treatment (clinic, hospital, medicines) of a medical case: provider, month, cost paid, sensitive flags (coordinators)',
    tag: 'medical',
    access: {
      kind: 'policy',
      entity: 'Treatment',
      action: 'create',
      // The case (and so the compartment) is named in the body: found, then asked about.
      load: async ({ app, actor, body }) =>
        found(await findCaseRef(app.database.db, actor, body.caseId)),
      record: (kase, { body }) => ({
        compartmentId: kase.compartmentId,
        sensitive: body.flags.length > 0,
      }),
    },
    body: createTreatmentSchema,
    response: treatmentView,
    successStatus: 201,
    errors: ['notFound', 'forbidden', 'validationFailed', 'recordFrozen', 'keysDestroyed'],
    async handle({ app, body, record: kase, audit: by }) {
      const row = await recordTreatment(app, kase, body, by)
      const [view] = await present(app.database.db, [row])
      if (!view) throw errors.notFound()
      return view
    },
  }),
  defineRoute({
    method: 'get',
    path: '/medical/treatments/:id',
    summary: 'One treatment: kind, provider, month, cost and flags',
    tag: 'medical',
    access: {
      kind: 'policy',
      entity: 'Treatment',
      action: 'read',
      load: treatmentAtId,
      record: recordOf,
    },
    params: treatmentParamsSchema,
    response: treatmentView,
    errors: ['notFound'],
    async handle({ app, record }) {
      const [view] = await present(app.database.db, [record])
      if (!view) throw errors.notFound()
      return view
    },
  }),
  defineRoute({
    method: 'get',
    path: '/medical/cases/:caseId/kits',
    summary: 'First-aid kits given on a medical case, newest first, a page at a time',
    tag: 'medical',
    access: {
      kind: 'policy',
      entity: 'Treatment',
      action: 'list',
      load: caseAtParam,
      record: (kase) => ({ compartmentId: kase.compartmentId }),
    },
    params: caseKitsParamsSchema,
    query: caseKitsQuerySchema,
    response: caseKitPageView,
    errors: ['notFound'],
    async handle({ app, record: kase, query }) {
      const db = app.database.db
      const [ids, total] = await Promise.all([
        caseKitHandoutIds(db, kase.id, { limit: query.limit, offset: query.offset }),
        countCaseKits(db, kase.id),
      ])
      const rows = await handoutsByIds(db, ids)
      return {
        items: rows.map((r) => ({
          id: r.id,
          caseId: kase.id,
          itemName: r.item_name,
          itemNameJa: r.item_name_ja,
          quantity: r.quantity,
          occurredOn: r.occurred_on,
        })),
        total,
      }
    },
  }),
  defineRoute({
    method: 'post',
    path: '/medical/cases/:caseId/kits',
    summary:
      'Give first-aid kits to the person of a medical case from a stock location (the stock is checked; a supply movement)',
    tag: 'medical',
    access: {
      kind: 'policy',
      entity: 'Treatment',
      action: 'create',
      load: caseAtParam,
      record: (kase) => ({ compartmentId: kase.compartmentId }),
    },
    params: caseKitsParamsSchema,
    body: giveCaseKitsSchema,
    response: caseKitView,
    successStatus: 201,
    errors: [
      'notFound',
      'forbidden',
      'validationFailed',
      'insufficientStock',
      'locationHoldsNoStock',
      'recordFrozen',
    ],
    async handle({ app, body, record: kase, audit: by }) {
      return giveCaseKits(app, kase, body, by)
    },
  }),
  defineRoute({
    method: 'put',
    path: '/medical/cases/:caseId/restriction',
    summary:
      'Restrict a medical case to its assignee and the coordinators, or lift it (coordinators; audited)',
    tag: 'medical',
    access: {
      kind: 'policy',
      entity: 'Treatment',
      action: 'create',
      load: caseAtParam,
      // Who may flag a treatment may restrict its case.
      record: (kase) => ({ compartmentId: kase.compartmentId, sensitive: true }),
    },
    params: caseKitsParamsSchema,
    body: caseRestrictionSchema,
    response: z.object({ restricted: z.boolean() }),
    errors: ['notFound', 'forbidden', 'validationFailed', 'recordFrozen'],
    async handle({ app, body, record: kase, audit: by }) {
      await restrictMedicalCase(app, kase, body, by)
      return { restricted: body.restricted }
    },
  }),
]
