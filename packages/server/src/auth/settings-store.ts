import { randomBytes } from 'node:crypto'
import { ALWAYS_MFA_ROLES, DEFAULT_MFA_ROLES, isRole, type Role } from '@haven/core/auth/roles'
import type { Db } from '../db/db-handle.js'

export async function readSetting(db: Db, key: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', key)
    .executeTakeFirst()
  return row?.value
}

export async function writeSetting(db: Db, key: string, value: string, now: string): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key, value, updated_at: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now }))
    .execute()
}

/**
 * Roles that must use a second factor: the organisation's choice, always with administrators
 * (also when an older install stored a choice without them).
 */
export async function mfaRequiredRoles(db: Db): Promise<Role[]> {
  const raw = await readSetting(db, 'security.mfa_required_roles')
  const parsed: unknown = raw === undefined ? DEFAULT_MFA_ROLES : JSON.parse(raw)
  const chosen = Array.isArray(parsed) ? parsed.filter(isRole) : [...DEFAULT_MFA_ROLES]
  return [...new Set([...ALWAYS_MFA_ROLES, ...chosen])]
}

/**
 * The key for hashing login names and client addresses in the throttle table, made once and
 * shared by every server instance through the database.
 */
export async function throttleSecret(db: Db, now: string): Promise<string> {
  const existing = await readSetting(db, 'security.throttle_key')
  if (existing) return existing
  const fresh = randomBytes(32).toString('base64url')
  await db
    .insertInto('settings')
    .values({ key: 'security.throttle_key', value: fresh, updated_at: now })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute()
  return (await readSetting(db, 'security.throttle_key')) ?? fresh
}
