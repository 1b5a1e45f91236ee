import type { AppContext } from '../../app-context.js'
import type { Actorish } from '../../audit/audit-log.js'
import type { Actor } from '../../auth/actor.js'
import { audit } from '../../auth/auth-audit.js'
import type { Db } from '../../db/db-handle.js'
import { errors } from '../../http/errors.js'
import type { CaseViewer } from './case-store.js'
import { findCase, restrictedCasesIn, setCaseRestriction } from './case-store.js'
import { recountOpenCases } from './person-relations.js'

/** Why a case may be closed to all but a few: a sensitive medical flag (a torture survivor…). */
export const CASE_RESTRICTIONS = ['medical_sensitive'] as const
export type CaseRestriction = (typeof CASE_RESTRICTIONS)[number]

/**
 * Who still sees a restricted case, besides the general case rule (a caseworker or coordinator
 * of its compartment): its assigned caseworker, and the compartment's coordinators — the same
 * people who read a flagged treatment (medical-policy.ts). Everyone else is told it does not
 * exist (404), and it is left out of their lists, counts, exports and field pull.
 */
export const SEES_RESTRICTED = ['coordinator'] as const

export function caseHiddenFrom(
  actor: Actor,
  kase: { restriction?: string | null; assignee_id: string | null; compartment_id: string },
): boolean {
  if (!kase.restriction) return false
  if (kase.assignee_id !== null && kase.assignee_id === actor.userId) return false
  return !actor.hasRoleIn(kase.compartment_id, SEES_RESTRICTED)
}

/**
 * Beyond this many hidden cases a list tests each case's `restriction` instead of naming them
 * (a statement's parameters are bounded; an organisation may flag many cases).
 */
const HIDDEN_BY_ID_MAX = 500

/**
 * What a list over these compartments shows of restricted cases to this actor: the cases hidden
 * from her, read first from the small index of restricted cases (see caseVisibleTo). A case
 * restricted between this read and the list's own statement is listed that once, as it would
 * have been a moment earlier; opening it goes through visibleCase, which reads the row.
 */
export async function caseViewer(
  db: Db,
  actor: Actor,
  compartmentIds: readonly string[],
): Promise<CaseViewer> {
  const viewer = {
    userId: actor.userId,
    openIn: compartmentIds.filter((id) => actor.hasRoleIn(id, SEES_RESTRICTED)),
  }
  // A coordinator of every one of them sees every case: nothing to read.
  if (viewer.openIn.length === compartmentIds.length) return { ...viewer, hidden: [] }
  const hidden = await casesHiddenFrom(db, actor, compartmentIds)
  return hidden.length <= HIDDEN_BY_ID_MAX ? { ...viewer, hidden } : viewer
}

/** The row, or 404 if the actor may not know of it (a loader's last step). */
export function visibleCase<R extends Parameters<typeof caseHiddenFrom>[1]>(
  actor: Actor,
  kase: R,
): R {
  if (caseHiddenFrom(actor, kase)) throw errors.notFound()
  return kase
}

/**
 * The restricted cases of these compartments the actor may not see: for another module's list of
 * records about cases (treatments), which must leave those cases' records out too.
 */
export async function casesHiddenFrom(
  db: Db,
  actor: Actor,
  compartmentIds: readonly string[],
): Promise<string[]> {
  const rows = await restrictedCasesIn(db, compartmentIds)
  return rows.filter((r) => caseHiddenFrom(actor, r)).map((r) => r.id)
}

/**
 * Closes a case to all but its assignee and coordinators (`restriction`), or opens it again
 * (null), in the caller's transaction; audited as `case.restricted` / `case.unrestricted` with
 * the restriction and, when set by hand, the coordinator's reason code (never the flag that led
 * to it). The person's open-case count leaves restricted cases out, so it is recounted. Nothing
 * is written (nor audited) when nothing changes.
 */
export async function setCaseRestrictionIn(
  app: AppContext,
  trx: Db,
  caseId: string,
  restriction: CaseRestriction | null,
  by: Actorish,
  /** A coordinator's reason code when set or lifted by hand (never free text). */
  because?: string,
): Promise<void> {
  const kase = await findCase(trx, caseId)
  if (!kase) throw errors.notFound()
  if ((kase.restriction ?? null) === restriction) return
  await setCaseRestriction(trx, caseId, restriction, app.now().toISOString())
  await recountOpenCases(trx, kase.person_id)
  await audit(app, trx, {
    actorId: by.actorId,
    action: restriction ? 'case.restricted' : 'case.unrestricted',
    entityType: 'Case',
    entityId: kase.id,
    compartmentId: kase.compartment_id,
    requestId: by.requestId,
    details: {
      reason: restriction ?? kase.restriction ?? null,
      ...(because ? { because } : {}),
    },
  })
}
