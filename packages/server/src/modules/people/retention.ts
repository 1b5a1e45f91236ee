import type { AppContext } from '../../app-context.js'
import { audit } from '../../auth/auth-audit.js'
import type { Db } from '../../db/db-handle.js'
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
  const rows = await db
    .selectFrom('cases')
    .innerJoin('compartments', 'compartments.id', 'cases.compartment_id')
    .select([
      'cases.id',
      'cases.code',
      'cases.compartment_id',
      'cases.closed_on',
      'compartments.retention_days',
    ])
    .where('cases.status', '=', 'closed')
    .where('compartments.retention_days', 'is not', null)
    .where('cases.compartment_id', 'in', compartmentIds)
    .orderBy('cases.closed_on')
    .execute()
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
      await trx
        .deleteFrom('attachments')
        .where('owner_type', '=', 'case')
        .where('owner_id', '=', c.id)
        .execute()
      await trx
        .updateTable('incidents')
        .set({ case_id: null })
        .where('case_id', '=', c.id)
        .execute()
      const person = await trx
        .selectFrom('cases')
        .select('person_id')
        .where('id', '=', c.id)
        .executeTakeFirst()
      await trx.deleteFrom('cases').where('id', '=', c.id).execute()
      if (person) await recountOpenCases(trx, person.person_id)
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
