import { sql } from 'kysely'
import type { Db } from './db-handle.js'
import { isPostgres } from './dialect.js'

/** Statements about the database itself rather than a table: readiness and planner statistics. */

/** Throws when the database does not answer. */
export async function pingDatabase(db: Db): Promise<void> {
  await sql`select 1`.execute(db)
}

/**
 * Fresh statistics and visibility map after a bulk load (PostgreSQL; SQLite plans without
 * statistics unless asked to keep them). Autovacuum may take long to notice a load of millions of
 * rows; until then the planner guesses, and an index-only scan still reads every table row,
 * because no page is marked all-visible (seen on a generated million people: the capped counts
 * read the heap). `vacuum` runs outside a transaction, so this takes the database, not a
 * transaction.
 */
export async function refreshStatistics(db: Db): Promise<void> {
  if (isPostgres(db)) await sql`vacuum (analyze)`.execute(db)
}
