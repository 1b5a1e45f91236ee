import type { Db } from '../db/db-handle.js'
import type { KeyExportsTable } from './crypto-tables.js'

export async function insertKeyExport(db: Db, row: KeyExportsTable): Promise<void> {
  await db.insertInto('key_exports').values(row).execute()
}

export async function listKeyExports(db: Db): Promise<KeyExportsTable[]> {
  return db.selectFrom('key_exports').selectAll().orderBy('created_at').execute()
}

/** Exports made before `before` that hold keys of `ownerId`: after its shred, they must go. */
export async function keyExportsHolding(
  db: Db,
  ownerId: string,
  before: string,
): Promise<KeyExportsTable[]> {
  const rows = await db
    .selectFrom('key_exports')
    .selectAll()
    .where('created_at', '<=', before)
    .orderBy('created_at')
    .execute()
  return rows.filter((r) => (JSON.parse(r.owners) as string[]).includes(ownerId))
}
