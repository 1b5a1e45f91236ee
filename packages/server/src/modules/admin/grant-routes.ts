import { createGrantSchema, idParamsSchema } from '@haven/core/auth/auth-schemas'
import { grantView } from '@haven/core/auth/auth-views'
import { ORGANISATION_ROLES } from '@haven/core/auth/roles'
import { z } from 'zod'
import { defineRoute, found } from '../../api/api-route.js'
import { audit } from '../../auth/auth-audit.js'
import { markUserSessionsForRotation } from '../../auth/session-store.js'
import { findGrant, findUserById, grantsWithCodes, insertGrant } from '../../auth/user-store.js'
import { findCompartment } from '../../compartments/compartment-store.js'
import { newId } from '../../db/ids.js'
import { errors } from '../../http/errors.js'
import { activeAdministrators, deleteGrant, hasGrant } from './admin-store.js'

export const grantRoutes = [
  defineRoute({
    method: 'post',
    path: '/grants',
    summary: 'Give a user a role, organisation-wide or in one compartment',
    tag: 'admin',
    access: {
      kind: 'policy',
      entity: 'Grant',
      action: 'create',
      // The user the grant is for (404 when there is none): nobody grants themselves more.
      load: async ({ app, body }) => found(await findUserById(app.database.db, body.userId)),
      record: (user) => ({ userId: user.id }),
    },
    reauth: true,
    body: createGrantSchema,
    response: grantView,
    successStatus: 201,
    errors: ['notFound', 'forbidden', 'grantExists', 'roleNotForCompartment', 'reauthRequired'],
    async handle({ app, body, actor, record: user, audit: ctx }) {
      const db = app.database.db
      if (body.compartmentId !== null && ORGANISATION_ROLES.includes(body.role))
        throw errors.roleNotForCompartment()
      if (body.compartmentId !== null) {
        const compartment = await findCompartment(db, body.compartmentId)
        if (!compartment)
          throw errors.validationFailed([
            { path: 'compartmentId', key: 'field.invalid', params: {} },
          ])
      }
      return db.transaction().execute(async (trx) => {
        if (await hasGrant(trx, user.id, body.role, body.compartmentId)) throw errors.grantExists()
        const id = newId()
        await insertGrant(trx, {
          id,
          userId: user.id,
          compartmentId: body.compartmentId,
          role: body.role,
          createdAt: app.now().toISOString(),
          createdBy: actor().userId,
        })
        // Privileges changed: every session of that user gets a new id at its next request.
        await markUserSessionsForRotation(trx, user.id)
        await audit(app, trx, {
          actorId: actor().userId,
          action: 'grant.created',
          entityType: 'User',
          entityId: user.id,
          compartmentId: body.compartmentId,
          requestId: ctx.requestId,
          details: { role: body.role, grantId: id },
        })
        const created = (await grantsWithCodes(trx, user.id)).find((g) => g.id === id)
        if (!created) throw new Error('grant vanished inside its own transaction')
        return created
      })
    },
  }),
  defineRoute({
    method: 'delete',
    path: '/grants/:id',
    summary: 'Take a role away',
    tag: 'admin',
    access: {
      kind: 'policy',
      entity: 'Grant',
      action: 'delete',
      load: async ({ app, params }) => found(await findGrant(app.database.db, params.id)),
      record: (grant) => ({ userId: grant.user_id }),
    },
    reauth: true,
    params: idParamsSchema,
    response: z.object({ ok: z.literal(true) }),
    errors: ['notFound', 'forbidden', 'lastAdministrator', 'reauthRequired'],
    async handle({ app, actor, record: grant, audit: ctx }) {
      const db = app.database.db
      await db.transaction().execute(async (trx) => {
        if (grant.role === 'administrator' && grant.compartment_id === null) {
          const admins = await activeAdministrators(trx)
          if (admins.length === 1 && admins[0] === grant.user_id) throw errors.lastAdministrator()
        }
        await deleteGrant(trx, grant.id)
        await markUserSessionsForRotation(trx, grant.user_id)
        await audit(app, trx, {
          actorId: actor().userId,
          action: 'grant.deleted',
          entityType: 'User',
          entityId: grant.user_id,
          compartmentId: grant.compartment_id,
          requestId: ctx.requestId,
          details: { role: grant.role, grantId: grant.id },
        })
      })
      return { ok: true as const }
    },
  }),
]
