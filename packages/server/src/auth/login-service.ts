import type { Context } from 'hono'
import type { AppContext } from '../app-context.js'
import { errors } from '../http/errors.js'
import { audit } from './auth-audit.js'
import type { SessionStage } from './auth-tables.js'
import { clientAddress } from './client-address.js'
import { recordFailure, recordSuccess, throttleKeys, throttleWait } from './login-throttle.js'
import { decoyHash, verifyPassword } from './password-hash.js'
import { factorState, hasSecondFactor, secondFactorRequired } from './second-factors.js'
import { startSession } from './session-service.js'
import { throttleSecret } from './settings-store.js'
import { findUserByLoginName } from './user-store.js'

export type LoginMethod = 'totp' | 'recovery' | 'passkey'

/**
 * The password step. Unknown accounts, wrong passwords and suspended accounts all get the same
 * answer after the same work (a decoy hash is verified), so the answer reveals nothing.
 */
export async function passwordLogin(
  app: AppContext,
  c: Context,
  loginName: string,
  password: string,
  requestId: string,
) {
  const db = app.database.db
  const now = app.now()
  const keys = throttleKeys(
    await throttleSecret(db, now.toISOString()),
    loginName,
    clientAddress(c, app.config.trustProxy),
  )
  const wait = await throttleWait(db, keys, now)
  if (wait > 0) throw errors.rateLimited(Math.ceil(wait / 1000))

  const user = await findUserByLoginName(db, loginName)
  const hashToCheck = user?.password_hash ?? (await decoyHash())
  const passwordOk = await verifyPassword(hashToCheck, password)
  if (!user?.password_hash || !passwordOk || user.status !== 'active') {
    await recordFailure(db, keys, now)
    await audit(app, db, {
      actorId: user?.id ?? null,
      action: 'auth.login',
      entityType: 'User',
      entityId: user?.id ?? null,
      outcome: 'failure',
      requestId,
      details: {
        reason: !user ? 'unknown_account' : user.status !== 'active' ? 'suspended' : 'bad_password',
      },
    })
    throw errors.invalidCredentials()
  }
  await recordSuccess(db, keys)

  const factors = await factorState(db, user.id)
  const required = await secondFactorRequired(db, user.id)
  const stage: SessionStage = hasSecondFactor(factors)
    ? 'mfa_pending'
    : required
      ? 'enroll_required'
      : 'active'
  return db.transaction().execute(async (trx) => {
    await startSession(app, c, trx, {
      userId: user.id,
      stage,
      authMethod: 'password',
      reauth: true,
    })
    await audit(app, trx, {
      actorId: user.id,
      action: 'auth.login',
      entityType: 'User',
      entityId: user.id,
      requestId,
      details: { step: 'password', stage },
    })
    const methods: LoginMethod[] =
      stage === 'mfa_pending'
        ? [
            ...(factors.totp ? (['totp'] as const) : []),
            ...(factors.recoveryCodes > 0 ? (['recovery'] as const) : []),
            ...(factors.passkeys > 0 ? (['passkey'] as const) : []),
          ]
        : []
    return { stage, methods }
  })
}

/** Throttling for second-factor codes shares the account's counters, so codes cannot be brute-forced. */
export async function secondFactorThrottle(app: AppContext, c: Context, userId: string) {
  const db = app.database.db
  const now = app.now()
  const keys = throttleKeys(
    await throttleSecret(db, now.toISOString()),
    `user:${userId}`,
    clientAddress(c, app.config.trustProxy),
  )
  const wait = await throttleWait(db, keys, now)
  if (wait > 0) throw errors.rateLimited(Math.ceil(wait / 1000))
  return {
    failed: () => recordFailure(db, keys, app.now()),
    succeeded: () => recordSuccess(db, keys),
  }
}
