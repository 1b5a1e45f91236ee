import type { Db } from '../../db/db-handle.js'
import { PAGE_SIZE } from './sponsorship-store.js'
import type { SponsorsTable, SponsorUpdatesTable } from './sponsorship-tables.js'

export async function insertUpdate(db: Db, row: SponsorUpdatesTable): Promise<void> {
  await db.insertInto('sponsor_updates').values(row).execute()
}

export async function findUpdate(db: Db, id: string): Promise<SponsorUpdatesTable | undefined> {
  return db.selectFrom('sponsor_updates').selectAll().where('id', '=', id).executeTakeFirst()
}

/** Changes an update only if it is still in `status`; false means someone moved it first. */
export async function updateUpdateIfStatus(
  db: Db,
  id: string,
  status: string,
  changes: Partial<SponsorUpdatesTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('sponsor_updates')
    .set(changes)
    .where('id', '=', id)
    .where('status', '=', status)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Whether the sponsor is allocated (now) to the enrolment or to the plan as a whole. */
export async function sponsorSupports(
  db: Db,
  sponsorId: string,
  enrolmentId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('sponsor_allocations')
    .select('id')
    .where('sponsor_id', '=', sponsorId)
    .where('to_date', 'is', null)
    .where((eb) => eb.or([eb('enrolment_id', '=', enrolmentId), eb('enrolment_id', 'is', null)]))
    .executeTakeFirst()
  return row !== undefined
}

/** The sponsors with an open allocation to the child or to the whole plan. */
export async function sponsorsOf(db: Db, enrolmentId: string): Promise<SponsorsTable[]> {
  return db
    .selectFrom('sponsors')
    .selectAll()
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('sponsor_allocations')
          .select('sponsor_allocations.id')
          .whereRef('sponsor_allocations.sponsor_id', '=', 'sponsors.id')
          .where('sponsor_allocations.to_date', 'is', null)
          .where((a) =>
            a.or([
              a('sponsor_allocations.enrolment_id', '=', enrolmentId),
              a('sponsor_allocations.enrolment_id', 'is', null),
            ]),
          ),
      ),
    )
    .orderBy('sponsors.code')
    .execute()
}

/** One page of a child's updates, newest first, optionally in one status. */
export async function listUpdates(
  db: Db,
  enrolmentId: string,
  status: string | undefined,
  page: number,
): Promise<{ rows: SponsorUpdatesTable[]; total: number }> {
  let base = db.selectFrom('sponsor_updates').where('enrolment_id', '=', enrolmentId)
  if (status) base = base.where('status', '=', status)
  const rows = await base
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE)
    .execute()
  const count = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst()
  return { rows, total: Number(count?.n ?? 0) }
}
