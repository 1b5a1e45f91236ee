import { sql } from 'kysely'
import { insertRows } from '../db/bulk-insert-store.js'
import type { Db } from '../db/db-handle.js'
import type { AuditLogTable } from './audit-tables.js'

export type AuditRow = AuditLogTable

// Any constant works: it only has to be the same in every Haven process sharing the database.
const AUDIT_LOCK_KEY = 727_411

/**
 * Serialises appends across connections and server processes. On PostgreSQL a transaction-scoped
 * advisory lock; SQLite has a single writer already. Must run inside the appending transaction.
 */
export async function lockAuditChain(trx: Db, dialect: 'sqlite' | 'postgres'): Promise<void> {
  if (dialect === 'postgres')
    await sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(trx)
}

export async function lastAuditRow(db: Db): Promise<Pick<AuditRow, 'seq' | 'hash'> | undefined> {
  return db
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst()
}

export async function insertAuditRows(db: Db, rows: AuditRow[]): Promise<void> {
  // All in one statement, as before.
  await insertRows(db, 'audit_log', rows, Math.max(rows.length, 1))
}

export interface AuditFilter {
  actorId?: string | undefined
  entityType?: string | undefined
  entityId?: string | undefined
  action?: string | undefined
  from?: string | undefined
  to?: string | undefined
  before?: number | undefined
  limit: number
}

/** The entries a filter matches (paging aside), as a query to list or count. */
function matching(db: Db, filter: Omit<AuditFilter, 'before' | 'limit'>) {
  let query = db.selectFrom('audit_log')
  if (filter.actorId) query = query.where('actor_id', '=', filter.actorId)
  if (filter.entityType) query = query.where('entity_type', '=', filter.entityType)
  if (filter.entityId) query = query.where('entity_id', '=', filter.entityId)
  if (filter.action) query = query.where('action', '=', filter.action)
  if (filter.from) query = query.where('at', '>=', filter.from)
  if (filter.to) query = query.where('at', '<=', filter.to)
  return query
}

/** Entries newest first, filtered, keyset-paged on `seq`. */
export async function listAuditRows(db: Db, filter: AuditFilter): Promise<AuditRow[]> {
  let query = matching(db, filter).selectAll()
  if (filter.before) query = query.where('seq', '<', filter.before)
  return query.orderBy('seq', 'desc').limit(filter.limit).execute()
}

/**
 * How many entries the filters match (every page, not this one), counting at most `cap` + 1 rows:
 * "50 of 1,204 entries", or "more than 10,000" rather than counting a long log on every page.
 */
export async function countAuditMatches(
  db: Db,
  filter: Omit<AuditFilter, 'before' | 'limit'>,
  cap: number,
): Promise<{ total: number; capped: boolean }> {
  const rows = matching(db, filter)
    .select('seq')
    .limit(cap + 1)
  const row = await db
    .selectFrom(rows.as('matches'))
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow()
  const n = Number(row.n)
  return n > cap ? { total: cap, capped: true } : { total: n, capped: false }
}

/** Every entry in sequence order, in pages, so a long log is verified in bounded memory. */
export async function* walkAuditRows(db: Db, pageSize = 2000): AsyncGenerator<AuditRow> {
  let after = 0
  for (;;) {
    const page = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(pageSize)
      .execute()
    for (const row of page) yield row
    const last = page.at(-1)
    if (!last || page.length < pageSize) return
    after = last.seq
  }
}

export async function countAuditRows(db: Db): Promise<number> {
  const row = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
