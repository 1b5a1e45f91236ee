import type { Role } from '@haven/core/auth/roles'
import type { Db } from '../db/db-handle.js'
import { mfaRequiredRoles } from './settings-store.js'

export interface FactorState {
  totp: boolean
  passkeys: number
  recoveryCodes: number
}

export async function factorState(db: Db, userId: string): Promise<FactorState> {
  const [totp, passkeys, recovery] = await Promise.all([
    db
      .selectFrom('totp_factors')
      .select('confirmed_at')
      .where('user_id', '=', userId)
      .executeTakeFirst(),
    db
      .selectFrom('passkeys')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('recovery_codes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .where('used_at', 'is', null)
      .executeTakeFirstOrThrow(),
  ])
  return {
    totp: Boolean(totp?.confirmed_at),
    passkeys: Number(passkeys.n),
    recoveryCodes: Number(recovery.n),
  }
}

export function hasSecondFactor(state: FactorState): boolean {
  return state.totp || state.passkeys > 0
}

/** Whether the organisation requires a second factor of this user, given the roles they hold. */
export async function secondFactorRequired(db: Db, userId: string): Promise<boolean> {
  const [required, grants] = await Promise.all([
    mfaRequiredRoles(db),
    db.selectFrom('grants').select('role').where('user_id', '=', userId).execute(),
  ])
  return grants.some((g) => required.includes(g.role as Role))
}
