import type { Abilities } from '@haven/core/auth/abilities'
import type { CurrentSessionView } from '@haven/core/auth/auth-views'
import type { AppContext } from '../app-context.js'
import { errors } from '../http/errors.js'
import type { Actor } from './actor.js'
import { factorState } from './factor-store.js'
import type { ResolvedSession } from './session-service.js'
import { findUserById, grantsWithCodes } from './user-store.js'

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
