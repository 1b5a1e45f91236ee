import type { Db } from '../../db/db-handle.js'
import type {
  DetainedAdvocacyTable,
  DetainedCampaignsTable,
  DetainedFamilyPaymentsTable,
  DetainedTimelineTable,
  DetainedWorkersTable,
} from './detained-tables.js'

export async function insertWorker(db: Db, row: DetainedWorkersTable): Promise<void> {
  await db.insertInto('detained_workers').values(row).execute()
}

export async function findWorker(db: Db, id: string): Promise<DetainedWorkersTable | undefined> {
  return db.selectFrom('detained_workers').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function findWorkerByCode(
  db: Db,
  code: string,
): Promise<DetainedWorkersTable | undefined> {
  return db.selectFrom('detained_workers').selectAll().where('code', '=', code).executeTakeFirst()
}

export async function listWorkers(
  db: Db,
  compartmentIds: readonly string[],
  status?: string,
): Promise<DetainedWorkersTable[]> {
  if (compartmentIds.length === 0) return []
  let query = db
    .selectFrom('detained_workers')
    .selectAll()
    .where('compartment_id', 'in', compartmentIds)
  if (status) query = query.where('status', '=', status)
  return query.orderBy('code').execute()
}

/** Applies changes only if the row is still at `version`; false means someone saved first. */
export async function updateWorkerIfVersion(
  db: Db,
  id: string,
  version: number,
  changes: Partial<DetainedWorkersTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('detained_workers')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function insertTimeline(db: Db, row: DetainedTimelineTable): Promise<void> {
  await db.insertInto('detained_timeline').values(row).execute()
}

export async function timelineOf(db: Db, workerId: string): Promise<DetainedTimelineTable[]> {
  return db
    .selectFrom('detained_timeline')
    .selectAll()
    .where('worker_id', '=', workerId)
    .orderBy('on_date')
    .orderBy('id')
    .execute()
}

export async function insertPayment(db: Db, row: DetainedFamilyPaymentsTable): Promise<void> {
  await db.insertInto('detained_family_payments').values(row).execute()
}

export async function paymentsOf(db: Db, workerId: string): Promise<DetainedFamilyPaymentsTable[]> {
  const rows = await db
    .selectFrom('detained_family_payments')
    .selectAll()
    .where('worker_id', '=', workerId)
    .orderBy('paid_on')
    .orderBy('id')
    .execute()
  return rows.map((r) => ({ ...r, amount_minor: Number(r.amount_minor) }))
}

export async function insertAdvocacy(db: Db, row: DetainedAdvocacyTable): Promise<void> {
  await db.insertInto('detained_advocacy').values(row).execute()
}

export async function advocacyOf(db: Db, workerId: string): Promise<DetainedAdvocacyTable[]> {
  return db
    .selectFrom('detained_advocacy')
    .selectAll()
    .where('worker_id', '=', workerId)
    .orderBy('on_date')
    .orderBy('id')
    .execute()
}

export async function findCampaignOf(
  db: Db,
  workerId: string,
): Promise<DetainedCampaignsTable | undefined> {
  return db
    .selectFrom('detained_campaigns')
    .selectAll()
    .where('worker_id', '=', workerId)
    .executeTakeFirst()
}

export async function findCampaignBySlug(
  db: Db,
  slug: string,
): Promise<DetainedCampaignsTable | undefined> {
  return db.selectFrom('detained_campaigns').selectAll().where('slug', '=', slug).executeTakeFirst()
}

export async function saveCampaign(db: Db, row: DetainedCampaignsTable): Promise<void> {
  await db.deleteFrom('detained_campaigns').where('worker_id', '=', row.worker_id).execute()
  await db.insertInto('detained_campaigns').values(row).execute()
}
