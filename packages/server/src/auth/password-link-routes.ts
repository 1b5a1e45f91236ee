import { passwordLinkCheckSchema, passwordLinkSetSchema } from '@haven/core/auth/auth-schemas'
import type { Context } from 'hono'
import { z } from 'zod'
import { defineRoute } from '../api/api-route.js'
import type { AppContext } from '../app-context.js'
import { errors } from '../http/errors.js'
import { audit } from './auth-audit.js'
import { asLinkGuess } from './login-throttle.js'
import { hashPassword } from './password-hash.js'
import { passwordIssues } from './password-rules.js'
import { deleteUserSessions } from './session-store.js'
import { consumeToken, findUsableToken } from './token-store.js'
import { hashToken } from './tokens.js'
import { findUserById, setPasswordHash } from './user-store.js'

const LINK = {
  kind: 'public',
  why: 'The one-time link an administrator issued is the credential.',
} as const

/** The account a password link is for; a wrong token counts as a guess (see asLinkGuess). */
function userForLink(app: AppContext, c: Context, token: string) {
  return asLinkGuess(app, c, ['link_invalid'], async () => {
    const db = app.database.db
    const row = await findUsableToken(
      db,
      hashToken(token),
      'password_reset',
      app.now().toISOString(),
    )
    const user = row?.user_id ? await findUserById(db, row.user_id) : undefined
    if (!row || !user || user.status !== 'active') throw errors.linkInvalid()
    return user
  })
}

export const passwordLinkRoutes = [
  defineRoute({
    method: 'post',
    path: '/auth/password-link/check',
    summary: 'Check a password link before showing its form',
    tag: 'auth',
    access: LINK,
    body: passwordLinkCheckSchema,
    response: z.object({ loginName: z.string() }),
    errors: ['linkInvalid', 'rateLimited'],
    async handle({ app, c, body }) {
      const user = await userForLink(app, c, body.token)
      return { loginName: user.login_name }
    },
  }),
  defineRoute({
    method: 'post',
    path: '/auth/password-link',
    summary: 'Choose a password with a one-time link (ends every session of the account)',
    tag: 'auth',
    access: LINK,
    body: passwordLinkSetSchema,
    response: z.object({ loginName: z.string() }),
    errors: ['linkInvalid', 'validationFailed', 'rateLimited'],
    async handle({ app, c, body, audit: ctx }) {
      const db = app.database.db
      const user = await userForLink(app, c, body.token)
      const issues = passwordIssues(body.password, {
        orgName: app.config.orgName,
        loginName: user.login_name,
      })
      if (issues.length > 0) throw errors.validationFailed(issues)
      const hash = await hashPassword(body.password)
      await db.transaction().execute(async (trx) => {
        const now = app.now().toISOString()
        if (!(await consumeToken(trx, hashToken(body.token), 'password_reset', now)))
          throw errors.linkInvalid()
        await setPasswordHash(trx, user.id, hash, now)
        const ended = await deleteUserSessions(trx, user.id)
        await audit(app, trx, {
          actorId: user.id,
          action: 'account.password_set_by_link',
          entityType: 'User',
          entityId: user.id,
          requestId: ctx.requestId,
          details: { sessionsEnded: ended },
        })
      })
      return { loginName: user.login_name }
    },
  }),
]
