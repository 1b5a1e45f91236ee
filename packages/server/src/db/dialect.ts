import { type Kysely, PostgresAdapter, sql, type Transaction } from 'kysely'

/** True when `db` talks to PostgreSQL; migrations use it for the few types that differ. */
export function isPostgres<T>(db: Kysely<T> | Transaction<T>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter
}

/** An auto-incrementing integer key, the same in behaviour on both databases. */
export function serialType(db: Kysely<unknown>) {
  return isPostgres(db) ? sql`bigserial` : sql`integer`
}
