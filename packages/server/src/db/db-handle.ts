import type { Kysely, Transaction } from 'kysely'
import type { Database } from './schema.js'

/** What a store function takes: the database, or a transaction the caller opened. */
export type Db = Kysely<Database> | Transaction<Database>

/** Runs `work` in a transaction, or inside the caller's if `db` already is one. */
export async function inTransaction<T>(
  db: Db,
  work: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  if (db.isTransaction) return work(db as Transaction<Database>)
  return (db as Kysely<Database>).transaction().execute(work)
}
