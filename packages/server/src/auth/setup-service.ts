import type { SetupRequest } from '@haven/core/identity/setup-schema'
import type { AppContext } from '../app-context.js'
import { newId } from '../db/ids.js'
import { errors } from '../http/errors.js'
import { audit } from './auth-audit.js'
import { hashPassword } from './password-hash.js'
import { passwordIssues } from './password-rules.js'
import { consumeToken, findUsableToken, insertToken, revokeTokens } from './token-store.js'
import { hashToken, newToken } from './tokens.js'
import { countUsers, findUserByLoginName, insertGrant, insertUser } from './user-store.js'

export const SETUP_LINK_TTL_MS = 60 * 60 * 1000

export interface SetupLink {
  url: string
  expiresAt: string
}

/**
 * A fresh single-use link for creating the first administrator, or null when users exist.
 * `haven setup-link` revokes the earlier unused links, so only the newest printed link is live;
 * a starting server does not, since several instances may start together and each prints one.
 * The token sits in the URL fragment, which browsers never send to servers: it stays out of
 * access logs and Referer.
 */
export async function createSetupLink(
  app: AppContext,
  options: { revokeEarlier?: boolean } = {},
): Promise<SetupLink | null> {
  const { db } = app.database
  return db.transaction().execute(async (trx) => {
    if ((await countUsers(trx)) > 0) return null
    const now = app.now()
    const { token, hash } = newToken()
    const expiresAt = new Date(now.getTime() + SETUP_LINK_TTL_MS).toISOString()
    if (options.revokeEarlier ?? true) await revokeTokens(trx, 'setup', now.toISOString())
    await insertToken(trx, {
      hash,
      purpose: 'setup',
      userId: null,
      createdAt: now.toISOString(),
      expiresAt,
    })
    return { url: `${app.urls.staff}/app/setup#token=${token}`, expiresAt }
  })
}

export async function checkSetupToken(
  app: AppContext,
  token: string,
): Promise<{ expiresAt: string }> {
  const { db } = app.database
  if ((await countUsers(db)) > 0) throw errors.setupAlreadyDone()
  const row = await findUsableToken(db, hashToken(token), 'setup', app.now().toISOString())
  if (!row) throw errors.setupTokenInvalid()
  return { expiresAt: row.expires_at }
}

/**
 * Creates the first administrator from a setup link. All or nothing: the token is consumed, the
 * user and the organisation-wide administrator grant are written in one transaction, and a weak
 * password leaves the link usable.
 */
export async function completeSetup(
  app: AppContext,
  request: SetupRequest,
): Promise<{ userId: string; loginName: string }> {
  const issues = passwordIssues(request.password, {
    orgName: app.config.orgName,
    loginName: request.loginName,
  })
  if (issues.length > 0) throw errors.validationFailed(issues)
  const passwordHash = await hashPassword(request.password)
  const { db } = app.database
  return db.transaction().execute(async (trx) => {
    const now = app.now().toISOString()
    if ((await countUsers(trx)) > 0) throw errors.setupAlreadyDone()
    if (!(await consumeToken(trx, hashToken(request.token), 'setup', now)))
      throw errors.setupTokenInvalid()
    if (await findUserByLoginName(trx, request.loginName)) throw errors.loginNameTaken()
    const userId = newId()
    await insertUser(trx, {
      id: userId,
      login_name: request.loginName,
      display_name: request.displayName,
      locale: request.locale,
      status: 'active',
      password_hash: passwordHash,
      created_at: now,
      updated_at: now,
    })
    await insertGrant(trx, {
      id: newId(),
      userId,
      compartmentId: null,
      role: 'administrator',
      createdAt: now,
      createdBy: null,
    })
    await audit(app, trx, {
      actorId: userId,
      action: 'user.created',
      entityType: 'User',
      entityId: userId,
      details: { via: 'setup_link', role: 'administrator' },
    })
    return { userId, loginName: request.loginName }
  })
}
