import type { Db } from '../db/db-handle.js'
import type { KeyStoreTable } from './crypto-tables.js'

export async function insertKey(db: Db, ifMissing: boolean, row: KeyStoreTable): Promise<void> {
  let query = db.insertInto('key_store').values(row)
  if (ifMissing)
    query = query.onConflict((oc) => oc.columns(['owner_id', 'purpose', 'version']).doNothing())
  await query.execute()
}

export async function findKey(
  db: Db,
  ownerId: string,
  purpose: KeyStoreTable['purpose'],
  version: number,
) {
  return db
    .selectFrom('key_store')
    .selectAll()
    .where('owner_id', '=', ownerId)
    .where('purpose', '=', purpose)
    .where('version', '=', version)
    .executeTakeFirst()
}

/** The newest, unretired key of an owner for a purpose. */
export async function currentKey(db: Db, ownerId: string, purpose: KeyStoreTable['purpose']) {
  return db
    .selectFrom('key_store')
    .selectAll()
    .where('owner_id', '=', ownerId)
    .where('purpose', '=', purpose)
    .where('retired_at', 'is', null)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst()
}

export async function countKeys(db: Db): Promise<number> {
  const row = await db
    .selectFrom('key_store')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function isShredded(db: Db, ownerId: string): Promise<boolean> {
  return (
    (await db
      .selectFrom('shredded_owners')
      .select('owner_id')
      .where('owner_id', '=', ownerId)
      .executeTakeFirst()) !== undefined
  )
}
