import type { Role } from '@haven/core/auth/roles'
import type { AppContext } from '../../src/app-context.js'
import { hashPassword } from '../../src/auth/password-hash.js'
import { insertSession } from '../../src/auth/session-store.js'
import { hashToken, newToken } from '../../src/auth/tokens.js'
import { insertGrant, insertUser } from '../../src/auth/user-store.js'
import { createCompartment } from '../../src/compartments/compartment-service.js'
import type { CompartmentsTable } from '../../src/compartments/compartment-tables.js'
import { newId } from '../../src/db/ids.js'

export const TEST_PASSWORD = 'correct horse battery staple'
let cachedHash: Promise<string> | undefined
let counter = 0

export interface TestUser {
  id: string
  loginName: string
}

/** A real user row (password TEST_PASSWORD) with the given grants. */
export async function buildUser(
  app: AppContext,
  options: {
    loginName?: string
    grants?: { role: Role; compartmentId: string | null }[]
    status?: 'active' | 'suspended'
  } = {},
): Promise<TestUser> {
  cachedHash ??= hashPassword(TEST_PASSWORD)
  const id = newId()
  counter += 1
  const loginName = options.loginName ?? `user-${counter}-${id.slice(-6)}`
  const now = app.now().toISOString()
  const db = app.database.db
  await insertUser(db, {
    id,
    login_name: loginName,
    display_name: `Test ${loginName}`,
    locale: 'en',
    status: options.status ?? 'active',
    password_hash: await cachedHash,
    created_at: now,
    updated_at: now,
  })
  for (const grant of options.grants ?? []) {
    await insertGrant(db, {
      id: newId(),
      userId: id,
      compartmentId: grant.compartmentId,
      role: grant.role,
      createdAt: now,
      createdBy: null,
    })
  }
  return { id, loginName }
}

export async function buildCompartment(app: AppContext, code?: string): Promise<CompartmentsTable> {
  counter += 1
  return createCompartment(
    app,
    app.database.db,
    {
      code: code ?? `T${counter}-${Math.random().toString(36).slice(2, 6).toUpperCase()}`,
      name: `Test compartment ${counter}`,
      kind: 'shelter',
    },
    { actorId: null, requestId: null },
  )
}

/**
 * A signed-in, fully authenticated session for `user`, re-authenticated just now unless told
 * otherwise; returns headers that send its cookie like the browser would.
 */
export async function signIn(
  app: AppContext,
  user: TestUser,
  options: { reauth?: boolean; stage?: 'active' | 'mfa_pending' | 'enroll_required' } = {},
) {
  const { token, hash } = newToken()
  const now = app.now()
  await insertSession(app.database.db, {
    id_hash: hash,
    user_id: user.id,
    stage: options.stage ?? 'active',
    auth_method: 'password+totp',
    device: 'Chrome on Linux',
    created_at: now.toISOString(),
    last_seen_at: now.toISOString(),
    expires_at: new Date(now.getTime() + app.config.sessionAbsoluteMs).toISOString(),
    reauth_at: options.reauth === false ? null : now.toISOString(),
    rotate: 0,
  })
  return { token, idHash: hashToken(token), headers: sessionHeaders(token) }
}

/** What a same-origin browser request from the staff app carries. */
export function sessionHeaders(token: string): Record<string, string> {
  return {
    Cookie: `haven_session=${token}`,
    Origin: 'http://localhost:3000',
    'Sec-Fetch-Site': 'same-origin',
  }
}

/** The session token a response set, if any. */
export function sessionFrom(response: Response): string | undefined {
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('haven_session='))
  const value = cookie?.split(';')[0]?.split('=')[1]
  return value || undefined
}
