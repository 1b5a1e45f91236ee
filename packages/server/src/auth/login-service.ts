import type { Context } from 'hono'
import type { AppContext } from '../app-context.js'
import { errors } from '../http/errors.js'
import { audit } from './auth-audit.js'
import type { SessionStage } from './auth-tables.js'
import { factorState } from './factor-store.js'
import { claimGuess } from './login-throttle.js'
import { decoyHash, verifyPassword } from './password-hash.js'
import { hasSecondFactor, secondFactorRequired } from './second-factors.js'
import { startSession } from './session-service.js'
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
  const attempt = await claimGuess(app, c, 'sign-in', loginName)
  const user = await findUserByLoginName(db, loginName)
  const hashToCheck = user?.password_hash ?? (await decoyHash())
  const passwordOk = await verifyPassword(hashToCheck, password)
  if (!user?.password_hash || !passwordOk || user.status !== 'active') {
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
  await attempt.succeeded()

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

/**
 * Counts a second-factor code (authenticator or recovery) before it is checked: codes cannot be
 * brute-forced, not even by a burst of simultaneous guesses.
 */
export function secondFactorThrottle(app: AppContext, c: Context, userId: string) {
  return claimGuess(app, c, 'second-factor', `user:${userId}`)
}
