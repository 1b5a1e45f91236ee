import {
  loginRequestSchema,
  passkeyLoginSchema,
  recoveryLoginSchema,
  totpLoginSchema,
} from '@haven/core/auth/auth-schemas'
import { currentSessionView, loginResultView } from '@haven/core/auth/auth-views'
import { z } from 'zod'
import { defineRoute } from '../api/api-route.js'
import { errors } from '../http/errors.js'
import { audit } from './auth-audit.js'
import { findTotp, markTotpUsed } from './factor-store.js'
import { passwordLogin, secondFactorThrottle } from './login-service.js'
import { authenticationOptions, verifyAuthentication } from './passkeys.js'
import { useRecoveryCode } from './recovery-codes.js'
import { endSession, rotateSession, startSession } from './session-service.js'
import { presentCurrentSession } from './session-view.js'
import { checkTotp } from './totp.js'
import { openTotpSecret } from './totp-secrets.js'
import { findUserById } from './user-store.js'

const SIGN_IN = { kind: 'public', why: 'Signing in is how a person gets a session.' } as const
const SECOND_STEP = {
  kind: 'signed-in',
  why: 'Finishes a sign-in that passed its password step.',
  stages: ['mfa_pending'],
} as const
const ANY_STAGE = {
  kind: 'signed-in',
  why: 'Any session, finished or not, may be looked at or ended by its owner.',
  stages: ['active', 'mfa_pending', 'enroll_required'],
} as const

const webauthnOptions = z.object({
  challengeId: z.string(),
  options: z.record(z.string(), z.unknown()),
})

export const loginRoutes = [
  defineRoute({
    method: 'post',
    path: '/auth/login',
    summary: 'Sign in with login name and password (first step)',
    tag: 'auth',
    access: SIGN_IN,
    body: loginRequestSchema,
    response: loginResultView,
    errors: ['invalidCredentials', 'rateLimited', 'validationFailed'],
    async handle({ app, c, body, audit: ctx }) {
      return passwordLogin(app, c, body.loginName, body.password, ctx.requestId)
    },
  }),
  defineRoute({
    method: 'post',
    path: '/auth/login/totp',
    summary: 'Finish signing in with a code from an authenticator app',
    tag: 'auth',
    access: SECOND_STEP,
    body: totpLoginSchema,
    response: loginResultView,
    errors: ['invalidSecondFactor', 'rateLimited'],
    async handle({ app, c, body, actor, audit: ctx }) {
      const userId = actor().userId
      const throttle = await secondFactorThrottle(app, c, userId)
      const db = app.database.db
      const factor = await findTotp(db, userId)
      const step = factor?.confirmed_at
        ? await checkTotp(
            await openTotpSecret(app, db, userId, factor.secret),
            body.code,
            factor.last_time_step,
            app.now(),
          )
        : null
      if (
        !factor ||
        step === null ||
        !(await markTotpUsed(db, userId, step, factor.last_time_step))
      ) {
        await audit(app, db, {
          actorId: userId,
          action: 'auth.login',
          entityType: 'User',
          entityId: userId,
          outcome: 'failure',
          requestId: ctx.requestId,
          details: { step: 'totp' },
        })
        throw errors.invalidSecondFactor()
      }
      await throttle.succeeded()
      const session = c.get('session')
      if (!session) throw errors.unauthenticated()
      await db.transaction().execute(async (trx) => {
        await rotateSession(app, c, trx, session.row, {
          stage: 'active',
          auth_method: 'password+totp',
        })
        await audit(app, trx, {
          actorId: userId,
          action: 'auth.login',
          entityType: 'User',
          entityId: userId,
          requestId: ctx.requestId,
          details: { step: 'totp', stage: 'active' },
        })
      })
      return { stage: 'active' as const, methods: [] }
    },
  }),
  defineRoute({
    method: 'post',
    path: '/auth/login/recovery',
    summary: 'Finish signing in with a one-time recovery code',
    tag: 'auth',
    access: SECOND_STEP,
    body: recoveryLoginSchema,
    response: loginResultView,
    errors: ['invalidSecondFactor', 'rateLimited'],
    async handle({ app, c, body, actor, audit: ctx }) {
      const userId = actor().userId
      const throttle = await secondFactorThrottle(app, c, userId)
      const db = app.database.db
      if (!(await useRecoveryCode(db, userId, body.code, app.now().toISOString()))) {
        await audit(app, db, {
          actorId: userId,
          action: 'auth.login',
          entityType: 'User',
          entityId: userId,
          outcome: 'failure',
          requestId: ctx.requestId,
          details: { step: 'recovery' },
        })
        throw errors.invalidSecondFactor()
      }
      await throttle.succeeded()
      const session = c.get('session')
      if (!session) throw errors.unauthenticated()
      await db.transaction().execute(async (trx) => {
        await rotateSession(app, c, trx, session.row, {
          stage: 'active',
          auth_method: 'password+recovery',
        })
        await audit(app, trx, {
          actorId: userId,
          action: 'auth.login',
          entityType: 'User',
          entityId: userId,
          requestId: ctx.requestId,
          details: { step: 'recovery', stage: 'active' },
        })
      })
      return { stage: 'active' as const, methods: [] }
    },
  }),
  defineRoute({
    method: 'post',
    path: '/auth/passkey/options',
    summary: 'Start signing in with a passkey: a challenge for the browser',
    tag: 'auth',
    access: SIGN_IN,
    response: webauthnOptions,
    async handle({ app, c }) {
      // A half-finished sign-in asks for this user's passkeys; a fresh one lets the browser offer any.
      const pending = c.get('session')
      const userId = pending?.stage === 'mfa_pending' ? pending.actor.userId : null
      const { challengeId, options } = await authenticationOptions(
        app.database.db,
        app.urls,
        'passkey_login',
        userId,
        app.now(),
      )
      return { challengeId, options: options as unknown as Record<string, unknown> }
    },
  }),
  defineRoute({
    method: 'post',
    path: '/auth/passkey',
    summary: 'Sign in (or finish signing in) with a passkey',
    tag: 'auth',
    access: SIGN_IN,
    body: passkeyLoginSchema,
    response: loginResultView,
    errors: ['passkeyFailed'],
    async handle({ app, c, body, audit: ctx }) {
      const db = app.database.db
      const verified = await verifyAuthentication(
        db,
        app.urls,
        'passkey_login',
        body.challengeId,
        body.response,
        app.now(),
      )
      if (!verified) {
        await audit(app, db, {
          actorId: null,
          action: 'auth.login',
          outcome: 'failure',
          requestId: ctx.requestId,
          details: { step: 'passkey' },
        })
        throw errors.passkeyFailed()
      }
      const user = await findUserById(db, verified.userId)
      if (user?.status !== 'active') throw errors.passkeyFailed()
      const pending = c.get('session')
      await db.transaction().execute(async (trx) => {
        if (pending?.stage === 'mfa_pending' && pending.actor.userId === user.id) {
          await rotateSession(app, c, trx, pending.row, {
            stage: 'active',
            auth_method: 'password+passkey',
            reauth_at: app.now().toISOString(),
          })
        } else {
          await startSession(app, c, trx, {
            userId: user.id,
            stage: 'active',
            authMethod: 'passkey',
            reauth: true,
          })
        }
        await audit(app, trx, {
          actorId: user.id,
          action: 'auth.login',
          entityType: 'User',
          entityId: user.id,
          requestId: ctx.requestId,
          details: { step: 'passkey', stage: 'active' },
        })
      })
      return { stage: 'active' as const, methods: [] }
    },
  }),
  defineRoute({
    method: 'post',
    path: '/auth/logout',
    summary: 'Sign out: end this session and clear the browser’s data for Haven',
    tag: 'auth',
    access: ANY_STAGE,
    response: z.object({ ok: z.literal(true) }),
    async handle({ app, c, actor, audit: ctx }) {
      const session = c.get('session')
      if (session) {
        await endSession(app, c, session.row.id_hash)
        await audit(app, app.database.db, {
          actorId: actor().userId,
          action: 'auth.logout',
          entityType: 'User',
          entityId: actor().userId,
          requestId: ctx.requestId,
        })
      }
      c.header('Clear-Site-Data', '"cache", "cookies", "storage"')
      return { ok: true as const }
    },
  }),
  defineRoute({
    method: 'get',
    path: '/auth/session',
    summary: 'Who is signed in, at which stage, with which grants and abilities',
    tag: 'auth',
    access: ANY_STAGE,
    response: currentSessionView,
    async handle({ app, c }) {
      const session = c.get('session')
      if (!session) throw errors.unauthenticated()
      return presentCurrentSession(app, session)
    },
  }),
]
