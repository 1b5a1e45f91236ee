import type { CurrentSessionView, GrantView } from '@haven/core/auth/auth-views'
import { isRole } from '@haven/core/auth/roles'
import type { AppContext } from '../app-context.js'
import type { Db } from '../db/db-handle.js'
import { errors } from '../http/errors.js'
import { can } from './policy.js'
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

/** Roles that see the shelters of their compartments (see the shelter policy). */
const SHELTER_ROLES = ['coordinator', 'caseworker', 'field_worker'] as const
const hasAny = (ids: string[] | 'all') => ids === 'all' || ids.length > 0

/** Inbox compartments (the public forms' messages), to tell whether someone may read any. */
async function inboxIds(db: Db): Promise<string[]> {
  return (
    await db.selectFrom('compartments').select('id').where('kind', '=', 'inbox').execute()
  ).map((r) => r.id)
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
    can: {
      administer: can(session.actor, 'list', 'User', { id: '' }),
      audit: can(session.actor, 'read', 'AuditLog', {}),
      editSite: can(session.actor, 'list', 'SiteContent', {}),
      readInbox: (await inboxIds(db)).some((compartmentId) =>
        can(session.actor, 'read', 'ContactMessage', { compartmentId }),
      ),
      shelters: hasAny(session.actor.compartmentsWith(SHELTER_ROLES)),
      openShelters: can(session.actor, 'create', 'Shelter', { compartmentId: '' }),
      workCases: session.actor.grants.some((g) =>
        can(session.actor, 'list', 'Person', { compartmentId: g.compartmentId ?? '' }),
      ),
      exportPeople: session.actor.grants.some((g) =>
        can(session.actor, 'export', 'Person', { compartmentId: g.compartmentId ?? '' }),
      ),
      reviewRetention: session.actor.grants.some((g) =>
        can(session.actor, 'manage', 'Case', { compartmentId: g.compartmentId ?? '' }),
      ),
      supplies: can(session.actor, 'list', 'Supplies', {}),
      manageSupplies: can(session.actor, 'create', 'Supplies', {}),
      managePolicies: session.actor.grants.some((g) =>
        can(session.actor, 'create', 'AllowancePolicy', { compartmentId: g.compartmentId ?? '' }),
      ),
      enterRates: can(session.actor, 'create', 'ExchangeRate', {}),
    },
    secondFactors: { totp: factors.totp, passkeys: factors.passkeys },
  }
}
