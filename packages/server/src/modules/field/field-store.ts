import { sql } from 'kysely'
import { insertRows } from '../../db/bulk-insert-store.js'
import type { Db } from '../../db/db-handle.js'
import type { FieldChangesTable, FieldDevicesTable } from './field-tables.js'

export async function insertDevice(db: Db, row: FieldDevicesTable): Promise<void> {
  await db.insertInto('field_devices').values(row).execute()
}

export async function findDevice(db: Db, id: string): Promise<FieldDevicesTable | undefined> {
  return db.selectFrom('field_devices').selectAll().where('id', '=', id).executeTakeFirst()
}

/** A user's devices (or everyone's when `userId` is null), newest first. */
export async function listDevices(db: Db, userId: string | null): Promise<FieldDevicesTable[]> {
  let query = db.selectFrom('field_devices').selectAll()
  if (userId !== null) query = query.where('user_id', '=', userId)
  return query.orderBy('created_at', 'desc').limit(500).execute()
}

/** Revokes a device once (a second revocation keeps the first's time and author). */
export async function revokeDevice(db: Db, id: string, at: string, by: string | null) {
  await db
    .updateTable('field_devices')
    .set({ revoked_at: at, revoked_by: by })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute()
}

export async function touchDevice(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('field_devices').set({ last_seen_at: at }).where('id', '=', id).execute()
}

/** The entries of a device already received, by their client ids (a replay's answers). */
export async function changesByClientId(
  db: Db,
  deviceId: string,
  clientIds: readonly string[],
): Promise<FieldChangesTable[]> {
  if (clientIds.length === 0) return []
  return db
    .selectFrom('field_changes')
    .selectAll()
    .where('device_id', '=', deviceId)
    .where('client_id', 'in', clientIds)
    .execute()
}

/** A push's entries, recorded in the push's transaction (a few statements, not one per entry). */
export async function insertChanges(db: Db, rows: readonly FieldChangesTable[]): Promise<void> {
  // One statement for a whole push (≤ 200 rows × 14 columns): 8,000 bound parameters a statement
  // stay under both SQLite's (32,766) and PostgreSQL's (65,535) limits, as people's inserts do.
  await insertRows(db, 'field_changes', rows, Math.floor(8000 / 14))
}

/**
 * Runs one outbox entry inside the push's transaction so that its failure undoes only its own
 * writes: a refused entry leaves nothing half-written, and on PostgreSQL a failed statement does
 * not abort the whole push. Not nested: one entry at a time.
 */
export async function inSavepoint<T>(trx: Db, work: () => Promise<T>): Promise<T> {
  await sql`savepoint field_entry`.execute(trx)
  try {
    const result = await work()
    await sql`release savepoint field_entry`.execute(trx)
    return result
  } catch (error) {
    await sql`rollback to savepoint field_entry`.execute(trx)
    await sql`release savepoint field_entry`.execute(trx)
    throw error
  }
}

export async function findChange(db: Db, id: string): Promise<FieldChangesTable | undefined> {
  return db.selectFrom('field_changes').selectAll().where('id', '=', id).executeTakeFirst()
}

export interface ReviewFilter {
  compartmentIds: readonly string[]
  outcome?: 'flagged' | 'conflict' | undefined
}

function reviewQuery(db: Db, filter: ReviewFilter) {
  let query = db
    .selectFrom('field_changes')
    .innerJoin('field_devices', 'field_devices.id', 'field_changes.device_id')
    .where('field_changes.compartment_id', 'in', filter.compartmentIds)
    .where('field_changes.resolved_at', 'is', null)
  query = filter.outcome
    ? query.where('field_changes.outcome', '=', filter.outcome)
    : query.where('field_changes.outcome', 'in', ['flagged', 'conflict'])
  return query
}

/** Unresolved flagged and conflicting changes of some compartments, oldest first. */
export async function listReview(
  db: Db,
  filter: ReviewFilter,
  page: { limit: number; offset: number },
) {
  if (filter.compartmentIds.length === 0) return []
  return reviewQuery(db, filter)
    .selectAll('field_changes')
    .select('field_devices.name as device_name')
    .orderBy('field_changes.recorded_at')
    .orderBy('field_changes.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute()
}

export async function countReview(db: Db, filter: ReviewFilter): Promise<number> {
  if (filter.compartmentIds.length === 0) return 0
  const row = await reviewQuery(db, filter)
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirst()
  return Number(row?.n ?? 0)
}

/** Marks a change reviewed, once: false when someone else resolved it first. */
export async function resolveChange(
  db: Db,
  id: string,
  resolution: { at: string; by: string | null; how: 'applied' | 'dismissed'; entityId?: string },
): Promise<boolean> {
  const result = await db
    .updateTable('field_changes')
    .set({
      resolved_at: resolution.at,
      resolved_by: resolution.by,
      resolution: resolution.how,
      body: null,
      ...(resolution.entityId ? { entity_id: resolution.entityId } : {}),
    })
    .where('id', '=', id)
    .where('resolved_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}
