import { linkView, userView } from '@haven/core/admin/admin-views'
import { createUserSchema, idParamsSchema, updateUserSchema } from '@haven/core/auth/auth-schemas'
import { z } from 'zod'
import { defineRoute, found, type RequestInput } from '../../api/api-route.js'
import { audit } from '../../auth/auth-audit.js'
import { deleteUserSessions } from '../../auth/session-store.js'
import { findUserById, findUserByLoginName, insertUser } from '../../auth/user-store.js'
import type { Db } from '../../db/db-handle.js'
import { newId } from '../../db/ids.js'
import { errors } from '../../http/errors.js'
import { activeAdministrators, listUsers, updateUser } from './admin-store.js'
import { issuePasswordLink } from './password-links.js'
import { presentUser } from './user-views.js'

const loadUser = async (db: Db, id: string) => found(await findUserById(db, id))

/** The user at the route's `:id` (404 when there is none). */
const userAtId = ({ app, params }: RequestInput<{ id: string }>) =>
  loadUser(app.database.db, params.id)

/** The policy record of a user. */
const asUser = (user: { id: string }) => ({ id: user.id })

export const userRoutes = [
  defineRoute({
    method: 'get',
    path: '/users',
    summary: 'Every user, with grants and status',
    tag: 'admin',
    access: { kind: 'policy', entity: 'User', action: 'list', record: () => ({ id: '' }) },
    response: z.array(userView),
    async handle({ app, actor }) {
      const db = app.database.db
      const users = await listUsers(db)
      return Promise.all(users.map((u) => presentUser(db, actor(), u)))
    },
  }),
  defineRoute({
    method: 'post',
    path: '/users',
    summary: 'Create a user; returns a one-time link with which they choose their password',
    tag: 'admin',
    access: { kind: 'policy', entity: 'User', action: 'create', record: () => ({ id: '' }) },
    body: createUserSchema,
    response: z.object({ user: userView, link: linkView }),
    successStatus: 201,
    errors: ['loginNameTaken', 'validationFailed'],
    async handle({ app, body, actor, audit: ctx }) {
      const db = app.database.db
      return db.transaction().execute(async (trx) => {
        if (await findUserByLoginName(trx, body.loginName)) throw errors.loginNameTaken()
        const now = app.now().toISOString()
        const id = newId()
        await insertUser(trx, {
          id,
          login_name: body.loginName,
          display_name: body.displayName,
          locale: body.locale,
          status: 'active',
          password_hash: null,
          created_at: now,
          updated_at: now,
        })
        const link = await issuePasswordLink(app, trx, id)
        await audit(app, trx, {
          actorId: actor().userId,
          action: 'user.created',
          entityType: 'User',
          entityId: id,
          requestId: ctx.requestId,
        })
        return { user: await presentUser(trx, actor(), await loadUser(trx, id)), link }
      })
    },
  }),
  defineRoute({
    method: 'get',
    path: '/users/:id',
    summary: 'One user',
    tag: 'admin',
    access: { kind: 'policy', entity: 'User', action: 'read', load: userAtId, record: asUser },
    params: idParamsSchema,
    response: userView,
    errors: ['notFound', 'forbidden'],
    async handle({ app, record: user, actor }) {
      const db = app.database.db
      return presentUser(db, actor(), user)
    },
  }),
  defineRoute({
    method: 'patch',
    path: '/users/:id',
    summary: 'Rename, suspend or reactivate a user (suspending ends all their sessions at once)',
    tag: 'admin',
    access: { kind: 'policy', entity: 'User', action: 'update', load: userAtId, record: asUser },
    params: idParamsSchema,
    body: updateUserSchema,
    response: userView,
    errors: ['notFound', 'forbidden', 'lastAdministrator'],
    async handle({ app, record: user, body, actor, audit: ctx }) {
      const db = app.database.db
      return db.transaction().execute(async (trx) => {
        if (body.status === 'suspended' && user.status === 'active') {
          const admins = await activeAdministrators(trx)
          if (admins.length === 1 && admins[0] === user.id) throw errors.lastAdministrator()
        }
        await updateUser(
          trx,
          user.id,
          {
            ...(body.displayName ? { display_name: body.displayName } : {}),
            ...(body.status ? { status: body.status } : {}),
          },
          app.now().toISOString(),
        )
        const ended = body.status === 'suspended' ? await deleteUserSessions(trx, user.id) : 0
        await audit(app, trx, {
          actorId: actor().userId,
          action:
            body.status === 'suspended'
              ? 'user.suspended'
              : body.status === 'active'
                ? 'user.reactivated'
                : 'user.updated',
          entityType: 'User',
          entityId: user.id,
          requestId: ctx.requestId,
          details: { fields: Object.keys(body), sessionsEnded: ended },
        })
        return presentUser(trx, actor(), await loadUser(trx, user.id))
      })
    },
  }),
  defineRoute({
    method: 'post',
    path: '/users/:id/password-link',
    summary: 'Issue a one-time link with which the user chooses a new password',
    tag: 'admin',
    access: { kind: 'policy', entity: 'User', action: 'manage', load: userAtId, record: asUser },
    reauth: true,
    params: idParamsSchema,
    response: linkView,
    successStatus: 201,
    errors: ['notFound', 'forbidden', 'reauthRequired'],
    async handle({ app, record: user, actor, audit: ctx }) {
      const db = app.database.db
      return db.transaction().execute(async (trx) => {
        const link = await issuePasswordLink(app, trx, user.id)
        await audit(app, trx, {
          actorId: actor().userId,
          action: 'user.password_link_issued',
          entityType: 'User',
          entityId: user.id,
          requestId: ctx.requestId,
        })
        return link
      })
    },
  }),
]
