import type { Role } from '@haven/core/auth/roles'
import type { Db } from '../db/db-handle.js'
import type { FactorState } from './factor-store.js'
import { mfaRequiredRoles } from './settings-store.js'
import { grantRoles } from './user-store.js'

export function hasSecondFactor(state: FactorState): boolean {
  return state.totp || state.passkeys > 0
}

/** Whether the organisation requires a second factor of this user, given the roles they hold. */
export async function secondFactorRequired(db: Db, userId: string): Promise<boolean> {
  const [required, roles] = await Promise.all([mfaRequiredRoles(db), grantRoles(db, userId)])
  return roles.some((role) => required.includes(role as Role))
}
