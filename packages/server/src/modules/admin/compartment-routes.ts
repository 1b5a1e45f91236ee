import {
  createCompartmentSchema,
  idParamsSchema,
  updateCompartmentSchema,
} from '@haven/core/auth/auth-schemas'
import { type CompartmentView, compartmentView } from '@haven/core/auth/auth-views'
import { z } from 'zod'
import { defineRoute, found, type RequestInput } from '../../api/api-route.js'
import type { Actor } from '../../auth/actor.js'
import { audit } from '../../auth/auth-audit.js'
import { abilities } from '../../auth/policy.js'
import { createCompartment } from '../../compartments/compartment-service.js'
import {
  findCompartment,
  listCompartments,
  updateCompartment,
} from '../../compartments/compartment-store.js'
import type { CompartmentsTable } from '../../compartments/compartment-tables.js'
import { listShredded } from '../../crypto/key-store.js'
import type { Db } from '../../db/db-handle.js'
import { errors } from '../../http/errors.js'

/** Compartments as the API shows them, with when their keys were destroyed (the app says why). */
async function presentAll(
  db: Db,
  actor: Actor,
  rows: readonly CompartmentsTable[],
): Promise<CompartmentView[]> {
  const shredded = new Map((await listShredded(db)).map((s) => [s.owner_id, s.shredded_at]))
  return rows.map((c) => ({
    id: c.id,
    code: c.code,
    name: c.name,
    kind: c.kind,
    status: c.status,
    retentionDays: c.retention_days,
    shreddedAt: shredded.get(c.id) ?? null,
    actions: abilities(actor, 'Compartment', { compartmentId: c.id }, ['read', 'update']),
  }))
}

async function present(db: Db, actor: Actor, c: CompartmentsTable): Promise<CompartmentView> {
  const [view] = await presentAll(db, actor, [c])
  if (!view) throw errors.notFound()
  return view
}

/** The compartment at the route's `:id` (404 when there is none). */
const compartmentAtId = async ({ app, params }: RequestInput<{ id: string }>) =>
  found(await findCompartment(app.database.db, params.id))

const asCompartment = (row: { id: string }) => ({ compartmentId: row.id })

export const compartmentRoutes = [
  defineRoute({
    method: 'get',
    path: '/compartments',
    summary: 'Compartments you hold a grant in (administrators: all)',
    tag: 'compartments',
    access: { kind: 'policy', entity: 'Compartment', action: 'list', scope: 'compartments' },
    response: z.array(compartmentView),
    async handle({ app, actor, scope }) {
      const db = app.database.db
      return presentAll(db, actor(), await listCompartments(db, scope))
    },
  }),
  defineRoute({
    method: 'post',
    path: '/compartments',
    summary: 'Create a compartment (a shelter, region, programme or inbox)',
    tag: 'compartments',
    access: {
      kind: 'policy',
      entity: 'Compartment',
      action: 'create',
      // A new compartment has no id yet: the rule asks only who the caller is.
      record: () => ({ compartmentId: '' }),
    },
    body: createCompartmentSchema,
    response: compartmentView,
    successStatus: 201,
    errors: ['forbidden', 'compartmentCodeTaken', 'validationFailed'],
    async handle({ app, body, actor, audit: ctx }) {
      const row = await createCompartment(app, app.database.db, body, ctx)
      return present(app.database.db, actor(), row)
    },
  }),
  defineRoute({
    method: 'get',
    path: '/compartments/:id',
    summary: 'One compartment',
    tag: 'compartments',
    access: {
      kind: 'policy',
      entity: 'Compartment',
      action: 'read',
      load: compartmentAtId,
      record: asCompartment,
    },
    params: idParamsSchema,
    response: compartmentView,
    errors: ['notFound'],
    async handle({ app, actor, record: row }) {
      return present(app.database.db, actor(), row)
    },
  }),
  defineRoute({
    method: 'patch',
    path: '/compartments/:id',
    summary: 'Rename a compartment or set its retention period for closed cases',
    tag: 'compartments',
    access: {
      kind: 'policy',
      entity: 'Compartment',
      action: 'update',
      load: compartmentAtId,
      record: asCompartment,
    },
    params: idParamsSchema,
    body: updateCompartmentSchema,
    response: compartmentView,
    errors: ['notFound', 'forbidden'],
    async handle({ app, body, actor, record: row, audit: ctx }) {
      const db = app.database.db
      const changes = {
        ...(body.name !== undefined ? { name: body.name } : {}),
        ...(body.retentionDays !== undefined ? { retention_days: body.retentionDays } : {}),
      }
      await db.transaction().execute(async (trx) => {
        await updateCompartment(trx, row.id, { ...changes, updated_at: app.now().toISOString() })
        await audit(app, trx, {
          actorId: actor().userId,
          action: 'compartment.updated',
          entityType: 'Compartment',
          entityId: row.id,
          compartmentId: row.id,
          requestId: ctx.requestId,
          details: { fields: Object.keys(body) },
        })
      })
      return present(db, actor(), { ...row, ...changes })
    },
  }),
]
