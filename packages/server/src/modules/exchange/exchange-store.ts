import { sql } from 'kysely'
import type { Db } from '../../db/db-handle.js'
import type {
  ExchangeIatiSettingsTable,
  ExchangeMappingsTable,
  ExchangeRowsTable,
} from './exchange-tables.js'

export async function findMapping(
  db: Db,
  kind: string,
  source: string,
): Promise<ExchangeMappingsTable | undefined> {
  return db
    .selectFrom('exchange_mappings')
    .selectAll()
    .where('kind', '=', kind)
    .where('source', '=', source)
    .executeTakeFirst()
}

export async function listMappings(db: Db, kind: string): Promise<ExchangeMappingsTable[]> {
  return db
    .selectFrom('exchange_mappings')
    .selectAll()
    .where('kind', '=', kind)
    .orderBy('source')
    .limit(200)
    .execute()
}

export async function saveMapping(db: Db, row: ExchangeMappingsTable): Promise<void> {
  await db
    .insertInto('exchange_mappings')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['kind', 'source']).doUpdateSet({
        mapping: row.mapping,
        updated_at: row.updated_at,
        updated_by: row.updated_by,
      }),
    )
    .execute()
}

/** Which of these keys were imported already (any key version's term may be asked). */
export async function importedKeys(
  db: Db,
  compartmentId: string,
  keys: readonly string[],
): Promise<Set<string>> {
  const found = new Set<string>()
  // Bounded batches keep the IN list under SQLite's variable limit.
  for (let i = 0; i < keys.length; i += 500) {
    const rows = await db
      .selectFrom('exchange_rows')
      .select('row_key')
      .where('compartment_id', '=', compartmentId)
      .where('row_key', 'in', keys.slice(i, i + 500))
      .execute()
    for (const r of rows) found.add(r.row_key)
  }
  return found
}

export async function insertImportedRows(
  db: Db,
  rows: readonly ExchangeRowsTable[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 100)
    await db
      .insertInto('exchange_rows')
      .values(rows.slice(i, i + 100))
      .execute()
}

export async function findIatiSettings(db: Db): Promise<ExchangeIatiSettingsTable | undefined> {
  return db
    .selectFrom('exchange_iati_settings')
    .selectAll()
    .where('id', '=', 'organisation')
    .executeTakeFirst()
}

export async function saveIatiSettings(db: Db, row: ExchangeIatiSettingsTable): Promise<void> {
  const { id: _id, ...change } = row
  await db
    .insertInto('exchange_iati_settings')
    .values(row)
    .onConflict((oc) => oc.column('id').doUpdateSet(change))
    .execute()
}

/**
 * Writes one imported row inside the import's transaction so that a row the owning module
 * refuses undoes only its own writes (on PostgreSQL a failed statement would otherwise abort the
 * whole import). Not nested: one row at a time.
 */
export async function inRowSavepoint<T>(trx: Db, work: () => Promise<T>): Promise<T> {
  await sql`savepoint import_row`.execute(trx)
  try {
    const result = await work()
    await sql`release savepoint import_row`.execute(trx)
    return result
  } catch (error) {
    await sql`rollback to savepoint import_row`.execute(trx)
    await sql`release savepoint import_row`.execute(trx)
    throw error
  }
}
