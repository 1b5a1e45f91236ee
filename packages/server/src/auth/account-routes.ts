import { createHash } from 'node:crypto'
import {
  changePasswordSchema,
  idParamsSchema,
  passkeyRegisterSchema,
  passkeyRenameSchema,
  reauthSchema,
  totpLoginSchema,
  updateAccountSchema,
} from '@haven/core/auth/auth-schemas'
import { accountView, sessionListView } from '@haven/core/auth/auth-views'
import type { Context } from 'hono'
import { z } from 'zod'
import { defineRoute } from '../api/api-route.js'
import type { AppContext } from '../app-context.js'
import type { Db } from '../db/db-handle.js'
import { errors } from '../http/errors.js'
import type { HavenEnv } from '../http/hono-env.js'
import { audit } from './auth-audit.js'
import {
  confirmTotp,
  deletePasskey,
  deleteTotp,
  factorState,
  findTotp,
  insertPasskey,
  listPasskeys,
  renamePasskey,
  upsertTotpSecret,
} from './factor-store.js'
import { claimGuess } from './login-throttle.js'
import {
  authenticationOptions,
  registrationOptions,
  verifyAuthentication,
  verifyRegistration,
} from './passkeys.js'
import { hashPassword, verifyPassword } from './password-hash.js'
import { passwordIssues } from './password-rules.js'
import { newRecoveryCodes, replaceRecoveryCodes } from './recovery-codes.js'
import { hasSecondFactor, secondFactorRequired } from './second-factors.js'
import { rotateSession } from './session-service.js'
import { deleteSession, deleteUserSessions, listUserSessions } from './session-store.js'
import { checkTotp, newTotpSecret, totpUri } from './totp.js'
import { openTotpSecret, sealTotpSecret } from './totp-secrets.js'
import { findUserById, setPasswordHash, updateUserProfile } from './user-store.js'

const OWN = { kind: 'signed-in', why: 'A person manages their own account.' } as const
/** Factor enrolment is also open to a sign-in that must enrol before it may do anything else. */
const ENROL = {
  kind: 'signed-in',
  why: 'A person sets up their own second factors, also when their role requires it before anything else.',
  stages: ['active', 'enroll_required'],
} as const
const ok = z.object({ ok: z.literal(true) })

/** A public handle for a session: derived from its stored hash, useless for taking it over. */
function sessionHandle(idHash: string): string {
  return createHash('sha256').update(`handle:${idHash}`).digest('base64url').slice(0, 22)
}

function currentSession(c: Context<HavenEnv>) {
  const session = c.get('session')
  if (!session) throw errors.unauthenticated()
  return session
}

async function requireUser(db: Db, id: string) {
  const user = await findUserById(db, id)
  if (!user) throw errors.unauthenticated()
  return user
}

/** After a factor is added during enrolment, the sign-in is complete: a fresh, full session. */
async function finishEnrolment(
  app: AppContext,
  c: Context<HavenEnv>,
  db: Db,
  method: 'password+totp' | 'password+passkey',
) {
  const session = currentSession(c)
  if (session.stage === 'enroll_required')
    await rotateSession(app, c, db, session.row, { stage: 'active', auth_method: method })
}

/** Refuses to remove the last second factor of someone whose role requires one. */
async function assertKeepsAFactor(
  db: Db,
  userId: string,
  after: { totp: boolean; passkeys: number },
) {
  if (!after.totp && after.passkeys === 0 && (await secondFactorRequired(db, userId)))
    throw errors.enrollmentRequired()
}

export const accountRoutes = [
  defineRoute({
    method: 'get',
    path: '/account',
    summary: 'Your profile and second factors',
    tag: 'account',
    access: ENROL,
    response: accountView,
    async handle({ app, actor }) {
      const db = app.database.db
      const user = await requireUser(db, actor().userId)
      const factors = await factorState(db, user.id)
      return {
        id: user.id,
        loginName: user.login_name,
        displayName: user.display_name,
        locale: user.locale,
        totp: factors.totp,
        recoveryCodesLeft: factors.recoveryCodes,
        passkeys: (await listPasskeys(db, user.id)).map((p) => ({
          id: p.id,
          name: p.name,
          createdAt: p.created_at,
          lastUsedAt: p.last_used_at,
        })),
        secondFactorRequired: await secondFactorRequired(db, user.id),
      }
    },
  }),
  defineRoute({
    method: 'patch',
    path: '/account',
    summary: 'Change your display name or language',
    tag: 'account',
    access: OWN,
    body: updateAccountSchema,
    response: ok,
    async handle({ app, body, actor, audit: ctx }) {
      const db = app.database.db
      await db.transaction().execute(async (trx) => {
        await updateUserProfile(
          trx,
          actor().userId,
          {
            ...(body.displayName ? { display_name: body.displayName } : {}),
            ...(body.locale ? { locale: body.locale } : {}),
          },
          app.now().toISOString(),
        )
        await audit(app, trx, {
          actorId: actor().userId,
          action: 'account.updated',
          entityType: 'User',
          entityId: actor().userId,
          requestId: ctx.requestId,
          details: { fields: Object.keys(body) },
        })
      })
      return { ok: true as const }
    },
  }),
  defineRoute({
    method: 'post',
    path: '/account/password',
    summary: 'Change your password (ends your other sessions)',
    tag: 'account',
    access: OWN,
    body: changePasswordSchema,
    response: ok,
    errors: ['invalidCredentials', 'validationFailed', 'rateLimited'],
    async handle({ app, c, body, actor, audit: ctx }) {
      const db = app.database.db
      const user = await requireUser(db, actor().userId)
      const attempt = await claimGuess(app, c, 'reauth', `user:${user.id}`)
      if (
        !user.password_hash ||
        !(await verifyPassword(user.password_hash, body.currentPassword))
      ) {
        await audit(app, db, {
          actorId: user.id,
          action: 'account.password_changed',
          entityType: 'User',
          entityId: user.id,
          outcome: 'failure',
          requestId: ctx.requestId,
        })
        throw errors.invalidCredentials()
      }
      await attempt.succeeded()
      const issues = passwordIssues(
        body.newPassword,
        { orgName: app.config.orgName, loginName: user.login_name },
        'newPassword',
      )
      if (issues.length > 0) throw errors.validationFailed(issues)
      const hash = await hashPassword(body.newPassword)
      await db.transaction().execute(async (trx) => {
        await setPasswordHash(trx, user.id, hash, app.now().toISOString())
        const ended = await deleteUserSessions(trx, user.id, currentSession(c).row.id_hash)
        await rotateSession(app, c, trx, currentSession(c).row, {
          reauth_at: app.now().toISOString(),
        })
        await audit(app, trx, {
          actorId: user.id,
          action: 'account.password_changed',
          entityType: 'User',
          entityId: user.id,
          requestId: ctx.requestId,
          details: { sessionsEnded: ended },
        })
      })
      return { ok: true as const }
    },
  }),
  defineRoute({
    method: 'post',
    path: '/account/reauth/options',
    summary: 'A passkey challenge for confirming it is you',
    tag: 'account',
    access: OWN,
    response: z.object({ challengeId: z.string(), options: z.record(z.string(), z.unknown()) }),
    async handle({ app, actor }) {
      const { challengeId, options } = await authenticationOptions(
        app.database.db,
        app.urls,
        'passkey_reauth',
        actor().userId,
        app.now(),
      )
      return { challengeId, options: options as unknown as Record<string, unknown> }
    },
  }),
  defineRoute({
    method: 'post',
    path: '/account/reauth',
    summary: 'Confirm it is you (password or passkey) before a sensitive action',
    tag: 'account',
    access: OWN,
    body: reauthSchema,
    response: ok,
    errors: ['invalidCredentials', 'passkeyFailed', 'rateLimited'],
    async handle({ app, c, body, actor, audit: ctx }) {
      const db = app.database.db
      const userId = actor().userId
      let okay = false
      if ('password' in body) {
        const user = await requireUser(db, userId)
        const attempt = await claimGuess(app, c, 'reauth', `user:${userId}`)
        okay =
          Boolean(user.password_hash) &&
          (await verifyPassword(user.password_hash ?? '', body.password))
        if (okay) await attempt.succeeded()
      } else {
        okay =
          (
            await verifyAuthentication(
              db,
              app.urls,
              'passkey_reauth',
              body.challengeId,
              body.response,
              app.now(),
            )
          )?.userId === userId
      }
      await audit(app, db, {
        actorId: userId,
        action: 'auth.reauth',
        entityType: 'User',
        entityId: userId,
        outcome: okay ? 'success' : 'failure',
        requestId: ctx.requestId,
        details: { method: 'password' in body ? 'password' : 'passkey' },
      })
      if (!okay) throw 'password' in body ? errors.invalidCredentials() : errors.passkeyFailed()
      // A new session id for the confirmed session, as at sign-in (ASVS V7.2.4).
      await rotateSession(app, c, db, currentSession(c).row, { reauth_at: app.now().toISOString() })
      return { ok: true as const }
    },
  }),
  defineRoute({
    method: 'get',
    path: '/account/sessions',
    summary: 'Your sessions and devices',
    tag: 'account',
    access: OWN,
    response: sessionListView,
    async handle({ app, c, actor }) {
      const current = currentSession(c).row.id_hash
      return (await listUserSessions(app.database.db, actor().userId)).map((s) => ({
        id: sessionHandle(s.id_hash),
        device: s.device,
        createdAt: s.created_at,
        lastSeenAt: s.last_seen_at,
        current: s.id_hash === current,
        authMethod: s.auth_method,
      }))
    },
  }),
  defineRoute({
    method: 'delete',
    path: '/account/sessions/:id',
    summary: 'End one of your sessions',
    tag: 'account',
    access: OWN,
    params: idParamsSchema,
    response: ok,
    errors: ['notFound'],
    async handle({ app, params, actor, audit: ctx }) {
      const db = app.database.db
      const target = (await listUserSessions(db, actor().userId)).find(
        (s) => sessionHandle(s.id_hash) === params.id,
      )
      if (!target) throw errors.notFound()
      await deleteSession(db, target.id_hash)
      await audit(app, db, {
        actorId: actor().userId,
        action: 'session.ended',
        entityType: 'User',
        entityId: actor().userId,
        requestId: ctx.requestId,
        details: { by: 'owner' },
      })
      return { ok: true as const }
    },
  }),
  defineRoute({
    method: 'post',
    path: '/account/totp/setup',
    summary: 'Start setting up an authenticator app: a new secret to enter in it',
    tag: 'account',
    access: ENROL,
    reauth: true,
    response: z.object({ secret: z.string(), uri: z.string() }),
    async handle({ app, actor }) {
      const db = app.database.db
      const user = await requireUser(db, actor().userId)
      const existing = await findTotp(db, user.id)
      if (existing?.confirmed_at) throw errors.totpExists()
      const secret = newTotpSecret()
      const sealed = await sealTotpSecret(app, db, user.id, secret)
      await upsertTotpSecret(db, user.id, sealed, app.now().toISOString())
      return { secret, uri: totpUri(secret, user.login_name, app.config.orgName) }
    },
  }),
  defineRoute({
    method: 'post',
    path: '/account/totp/confirm',
    summary: 'Confirm the authenticator app with a code; returns one-time recovery codes',
    tag: 'account',
    access: ENROL,
    body: totpLoginSchema,
    response: z.object({ recoveryCodes: z.array(z.string()) }),
    errors: ['invalidSecondFactor'],
    async handle({ app, c, body, actor, audit: ctx }) {
      const db = app.database.db
      const userId = actor().userId
      const factor = await findTotp(db, userId)
      if (!factor || factor.confirmed_at) throw errors.invalidSecondFactor()
      const step = await checkTotp(
        await openTotpSecret(app, db, userId, factor.secret),
        body.code,
        null,
        app.now(),
      )
      if (step === null) throw errors.invalidSecondFactor()
      const codes = newRecoveryCodes()
      await db.transaction().execute(async (trx) => {
        const now = app.now().toISOString()
        await confirmTotp(trx, userId, step, now)
        await replaceRecoveryCodes(trx, userId, codes, now)
        await finishEnrolment(app, c, trx, 'password+totp')
        await audit(app, trx, {
          actorId: userId,
          action: 'factor.totp_added',
          entityType: 'User',
          entityId: userId,
          requestId: ctx.requestId,
        })
      })
      return { recoveryCodes: codes }
    },
  }),
  defineRoute({
    method: 'delete',
    path: '/account/totp',
    summary: 'Remove your authenticator app',
    tag: 'account',
    access: OWN,
    reauth: true,
    response: ok,
    errors: ['reauthRequired', 'enrollmentRequired'],
    async handle({ app, actor, audit: ctx }) {
      const db = app.database.db
      const userId = actor().userId
      const factors = await factorState(db, userId)
      await assertKeepsAFactor(db, userId, { totp: false, passkeys: factors.passkeys })
      await db.transaction().execute(async (trx) => {
        await deleteTotp(trx, userId)
        await audit(app, trx, {
          actorId: userId,
          action: 'factor.totp_removed',
          entityType: 'User',
          entityId: userId,
          requestId: ctx.requestId,
        })
      })
      return { ok: true as const }
    },
  }),
  defineRoute({
    method: 'post',
    path: '/account/recovery-codes',
    summary: 'Replace your recovery codes (the old ones stop working)',
    tag: 'account',
    access: OWN,
    reauth: true,
    response: z.object({ recoveryCodes: z.array(z.string()) }),
    async handle({ app, actor, audit: ctx }) {
      const db = app.database.db
      const userId = actor().userId
      if (!hasSecondFactor(await factorState(db, userId))) throw errors.noSecondFactor()
      const codes = newRecoveryCodes()
      await db.transaction().execute(async (trx) => {
        await replaceRecoveryCodes(trx, userId, codes, app.now().toISOString())
        await audit(app, trx, {
          actorId: userId,
          action: 'factor.recovery_codes_replaced',
          entityType: 'User',
          entityId: userId,
          requestId: ctx.requestId,
        })
      })
      return { recoveryCodes: codes }
    },
  }),
  defineRoute({
    method: 'post',
    path: '/account/passkeys/options',
    summary: 'Start adding a passkey: registration options for the browser',
    tag: 'account',
    access: ENROL,
    reauth: true,
    response: z.object({ challengeId: z.string(), options: z.record(z.string(), z.unknown()) }),
    async handle({ app, actor }) {
      const db = app.database.db
      const user = await requireUser(db, actor().userId)
      const { challengeId, options } = await registrationOptions(
        db,
        app.urls,
        user,
        app.config.orgName,
        app.now(),
      )
      return { challengeId, options: options as unknown as Record<string, unknown> }
    },
  }),
  defineRoute({
    method: 'post',
    path: '/account/passkeys',
    summary: 'Finish adding a passkey, with a name you will recognise',
    tag: 'account',
    access: ENROL,
    body: passkeyRegisterSchema,
    response: z.object({ id: z.string() }),
    successStatus: 201,
    errors: ['passkeyFailed'],
    async handle({ app, c, body, actor, audit: ctx }) {
      const db = app.database.db
      const userId = actor().userId
      const key = await verifyRegistration(
        db,
        app.urls,
        userId,
        body.challengeId,
        body.response,
        app.now(),
      )
      if (!key) throw errors.passkeyFailed()
      await db.transaction().execute(async (trx) => {
        await insertPasskey(trx, userId, body.name, key, app.now().toISOString())
        await finishEnrolment(app, c, trx, 'password+passkey')
        await audit(app, trx, {
          actorId: userId,
          action: 'factor.passkey_added',
          entityType: 'User',
          entityId: userId,
          requestId: ctx.requestId,
        })
      })
      return { id: key.id }
    },
  }),
  defineRoute({
    method: 'patch',
    path: '/account/passkeys/:id',
    summary: 'Rename one of your passkeys',
    tag: 'account',
    access: OWN,
    params: idParamsSchema,
    body: passkeyRenameSchema,
    response: ok,
    errors: ['notFound'],
    async handle({ app, params, body, actor }) {
      if (!(await renamePasskey(app.database.db, actor().userId, params.id, body.name)))
        throw errors.notFound()
      return { ok: true as const }
    },
  }),
  defineRoute({
    method: 'delete',
    path: '/account/passkeys/:id',
    summary: 'Remove one of your passkeys',
    tag: 'account',
    access: OWN,
    reauth: true,
    params: idParamsSchema,
    response: ok,
    errors: ['notFound', 'reauthRequired', 'enrollmentRequired'],
    async handle({ app, params, actor, audit: ctx }) {
      const db = app.database.db
      const userId = actor().userId
      const factors = await factorState(db, userId)
      await assertKeepsAFactor(db, userId, { totp: factors.totp, passkeys: factors.passkeys - 1 })
      await db.transaction().execute(async (trx) => {
        if (!(await deletePasskey(trx, userId, params.id))) throw errors.notFound()
        await audit(app, trx, {
          actorId: userId,
          action: 'factor.passkey_removed',
          entityType: 'User',
          entityId: userId,
          requestId: ctx.requestId,
        })
      })
      return { ok: true as const }
    },
  }),
]
