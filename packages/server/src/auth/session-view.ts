import type { Abilities } from '@haven/core/auth/abilities'
import type { CurrentSessionView, GrantView } from '@haven/core/auth/auth-views'
import { isRole } from '@haven/core/auth/roles'
import type { AppContext } from '../app-context.js'
import type { Db } from '../db/db-handle.js'
import { errors } from '../http/errors.js'
import type { Actor } from './actor.js'
import { factorState } from './second-factors.js'
import type { ResolvedSession } from './session-service.js'
import { findUserById } from './user-store.js'

export async function grantsWithCodes(db: Db, userId: string): Promise<GrantView[]> {
  const rows = await db
    .selectFrom('grants')
    .leftJoin('compartments', 'compartments.id', 'grants.compartment_id')
    .select(['grants.id', 'grants.role', 'grants.compartment_id', 'compartments.code'])
    .where('grants.user_id', '=', userId)
    .orderBy('grants.created_at')
    .execute()
  return rows.flatMap((g) =>
    isRole(g.role)
      ? [
          {
            id: g.id,
            role: g.role,
            compartmentId: g.compartment_id,
            compartmentCode: g.code ?? null,
          },
        ]
      : [],
  )
}

/**
 * What the app may offer this person: each module's abilities, computed by its policies (the
 * platform names none of them).
 */
async function abilitiesOf(app: AppContext, actor: Actor): Promise<Abilities> {
  const parts = await Promise.all(app.modules.map((m) => m.abilities?.(actor, app) ?? {}))
  return Object.assign({}, ...parts) as Abilities
}

export async function presentCurrentSession(
  app: AppContext,
  session: ResolvedSession,
): Promise<CurrentSessionView> {
  const db = app.database.db
  const user = await findUserById(db, session.actor.userId)
  if (!user) throw errors.unauthenticated()
  const factors = await factorState(db, user.id)
  return {
    user: {
      id: user.id,
      loginName: user.login_name,
      displayName: user.display_name,
      locale: user.locale,
    },
    stage: session.stage,
    grants: await grantsWithCodes(db, user.id),
    can: await abilitiesOf(app, session.actor),
    secondFactors: { totp: factors.totp, passkeys: factors.passkeys },
  }
}
