import type { AppContext } from '../../app-context.js'
import { audit } from '../../auth/auth-audit.js'
import type { Db } from '../../db/db-handle.js'
import { closedCasesWithRetention, deleteCaseAndFiles } from './case-store.js'
import { recountOpenCases } from './person-relations.js'

export interface DueCase {
  id: string
  code: string
  compartmentId: string
  closedOn: string
  dueSince: string
}

/**
 * Closed cases kept longer than their compartment's retention period, oldest first. Nothing is
 * deleted here: purging is a separate, explicit and audited act.
 */
export async function casesDueForPurge(
  db: Db,
  compartmentIds: readonly string[],
  today: string,
): Promise<DueCase[]> {
  if (compartmentIds.length === 0) return []
  const rows = await closedCasesWithRetention(db, compartmentIds)
  return rows.flatMap((r) => {
    if (!r.closed_on || r.retention_days === null) return []
    const due = new Date(Date.parse(`${r.closed_on}T00:00:00Z`) + r.retention_days * 86_400_000)
      .toISOString()
      .slice(0, 10)
    return due <= today
      ? [
          {
            id: r.id,
            code: r.code,
            compartmentId: r.compartment_id,
            closedOn: r.closed_on,
            dueSince: due,
          },
        ]
      : []
  })
}

/** Deletes due cases with their timeline, referrals, follow-ups and files; keeps an audit entry for each. */
export async function purgeCases(
  app: AppContext,
  cases: readonly DueCase[],
  by: { actorId: string | null; requestId: string | null },
): Promise<number> {
  const db = app.database.db
  return db.transaction().execute(async (trx) => {
    for (const c of cases) {
      const personId = await deleteCaseAndFiles(trx, c.id)
      if (personId !== undefined) await recountOpenCases(trx, personId)
      await audit(app, trx, {
        actorId: by.actorId,
        action: 'retention.case_purged',
        entityType: 'Case',
        entityId: c.id,
        compartmentId: c.compartmentId,
        requestId: by.requestId,
        details: { code: c.code, closedOn: c.closedOn },
      })
    }
    return cases.length
  })
}
