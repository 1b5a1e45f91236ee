import type { UserView } from '@haven/core/admin/admin-views'
import type { Actor } from '../../auth/actor.js'
import type { UserRow } from '../../auth/auth-tables.js'
import { factorState } from '../../auth/factor-store.js'
import { abilities } from '../../auth/policy.js'
import { hasSecondFactor } from '../../auth/second-factors.js'
import { grantsWithCodes } from '../../auth/user-store.js'
import type { Db } from '../../db/db-handle.js'

/** A user as an administrator sees them: never a password hash or a factor secret. */
export async function presentUser(db: Db, actor: Actor, user: UserRow): Promise<UserView> {
  return {
    id: user.id,
    loginName: user.login_name,
    displayName: user.display_name,
    locale: user.locale,
    status: user.status,
    hasPassword: user.password_hash !== null,
    secondFactor: hasSecondFactor(await factorState(db, user.id)),
    grants: await grantsWithCodes(db, user.id),
    actions: abilities(actor, 'User', { id: user.id }, ['read', 'update', 'manage']),
  }
}
