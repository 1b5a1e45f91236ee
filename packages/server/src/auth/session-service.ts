import { isRole } from '@haven/core/auth/roles'
import type { Context } from 'hono'
import type { AppContext } from '../app-context.js'
import { compartmentRestrictions } from '../compartments/compartment-store.js'
import type { Db } from '../db/db-handle.js'
import { Actor, type ActorGrant } from './actor.js'
import type { SessionStage, SessionsTable } from './auth-tables.js'
import { deviceLabel } from './device-label.js'
import { clearSessionCookie, readSessionCookie, writeSessionCookie } from './session-cookie.js'
import {
  deleteSession,
  findSessionWithUser,
  insertSession,
  touchSession,
  updateSession,
} from './session-store.js'
import { hashToken, newToken } from './tokens.js'

/** How long a half-finished sign-in (awaiting a second factor) stays usable. */
export const PENDING_SESSION_MS = 5 * 60_000
/** Write last_seen_at at most this often; idle expiry is accurate to this. */
const TOUCH_EVERY_MS = 60_000

export interface ResolvedSession {
  actor: Actor
  stage: SessionStage
  row: SessionsTable
  locale: string
}

/**
 * Starts a session for `userId` and sets its cookie. Any session the browser already had is ended
 * first, so a session id planted before sign-in (fixation) never becomes a signed-in one.
 */
export async function startSession(
  app: AppContext,
  c: Context,
  db: Db,
  input: {
    userId: string
    stage: SessionStage
    authMethod: SessionsTable['auth_method']
    reauth: boolean
  },
): Promise<SessionsTable> {
  const previous = readSessionCookie(c, app.urls)
  if (previous) await deleteSession(db, hashToken(previous))
  const now = app.now()
  const { token, hash } = newToken()
  const lifetime = input.stage === 'active' ? app.config.sessionAbsoluteMs : PENDING_SESSION_MS
  const row: SessionsTable = {
    id_hash: hash,
    user_id: input.userId,
    stage: input.stage,
    auth_method: input.authMethod,
    device: deviceLabel(c.req.header('user-agent')),
    created_at: now.toISOString(),
    last_seen_at: now.toISOString(),
    expires_at: new Date(now.getTime() + lifetime).toISOString(),
    reauth_at: input.reauth ? now.toISOString() : null,
    rotate: 0,
  }
  await insertSession(db, row)
  writeSessionCookie(c, app.urls, token, Math.floor(lifetime / 1000))
  return row
}

/**
 * Gives an existing session a new id (and cookie), keeping what it proved. Used when a sign-in
 * completes its second step and after any change of the user's privileges.
 */
export async function rotateSession(
  app: AppContext,
  c: Context,
  db: Db,
  row: SessionsTable,
  changes: Partial<SessionsTable> = {},
): Promise<SessionsTable> {
  const { token, hash } = newToken()
  const now = app.now()
  const next: SessionsTable = {
    ...row,
    ...changes,
    id_hash: hash,
    rotate: 0,
    last_seen_at: now.toISOString(),
  }
  if (changes.stage === 'active' && row.stage !== 'active') {
    next.expires_at = new Date(now.getTime() + app.config.sessionAbsoluteMs).toISOString()
  }
  await deleteSession(db, row.id_hash)
  await insertSession(db, next)
  writeSessionCookie(
    c,
    app.urls,
    token,
    Math.max(1, Math.floor((Date.parse(next.expires_at) - now.getTime()) / 1000)),
  )
  return next
}

/**
 * The session behind the request's cookie, if it is valid now: not expired, not idle too long, its
 * user active. An invalid one is deleted and its cookie cleared.
 */
export async function resolveSession(app: AppContext, c: Context): Promise<ResolvedSession | null> {
  const token = readSessionCookie(c, app.urls)
  if (!token) return null
  const db = app.database.db
  const idHash = hashToken(token)
  const found = await findSessionWithUser(db, idHash)
  if (!found) {
    clearSessionCookie(c, app.urls)
    return null
  }
  let { session } = found
  const now = app.now()
  const idleFor = now.getTime() - Date.parse(session.last_seen_at)
  if (
    Date.parse(session.expires_at) <= now.getTime() ||
    idleFor > app.config.sessionIdleMs ||
    session.user_status !== 'active'
  ) {
    await deleteSession(db, idHash)
    clearSessionCookie(c, app.urls)
    return null
  }
  const { user_status: _status, user_locale: locale, ...row } = session
  let current: SessionsTable = row
  if (row.rotate === 1) {
    current = await rotateSession(app, c, db, row)
  } else if (idleFor > TOUCH_EVERY_MS) {
    await touchSession(db, idHash, now.toISOString())
  }
  session = { ...session, ...current }
  const grants: ActorGrant[] = found.grants.flatMap((g) =>
    isRole(g.role) ? [{ id: g.id, role: g.role, compartmentId: g.compartment_id }] : [],
  )
  // Only an organisation-wide grant could reach a restricted compartment: asked for only then,
  // with every compartment's id, which that grant's list routes need too.
  const everyCompartment = grants.some((g) => g.compartmentId === null)
    ? await compartmentRestrictions(db)
    : undefined
  const restricted = new Set(everyCompartment?.filter((c) => c.restricted).map((c) => c.id))
  return {
    actor: new Actor(
      current.user_id,
      grants,
      {
        idHash: current.id_hash,
        reauthAt: current.reauth_at,
        authMethod: current.auth_method,
      },
      restricted,
      everyCompartment?.map((c) => c.id),
    ),
    stage: current.stage,
    row: current,
    locale,
  }
}

export async function endSession(app: AppContext, c: Context, idHash: string): Promise<void> {
  await deleteSession(app.database.db, idHash)
  clearSessionCookie(c, app.urls)
}

export { updateSession }
