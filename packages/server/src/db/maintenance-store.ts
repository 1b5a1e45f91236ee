import { sql } from 'kysely'
import type { Db } from './db-handle.js'
import { isPostgres } from './dialect.js'

/** Statements about the database itself rather than a table: readiness and planner statistics. */

/** Throws when the database does not answer. */
export async function pingDatabase(db: Db): Promise<void> {
  await sql`select 1`.execute(db)
}

/**
 * Fresh statistics after a bulk load: autovacuum may take long to notice it, and until then the
 * planner guesses (PostgreSQL; SQLite plans without statistics unless asked to keep them).
 */
export async function refreshStatistics(db: Db): Promise<void> {
  if (isPostgres(db)) await sql`analyze`.execute(db)
}
