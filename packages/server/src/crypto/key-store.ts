import { sql } from 'kysely'
import type { DialectName } from '../db/database.js'
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

/** Every key of an owner (all purposes and versions, retired ones too), oldest first. */
export async function ownerKeys(db: Db, ownerId: string, purpose?: KeyStoreTable['purpose']) {
  let query = db.selectFrom('key_store').selectAll().where('owner_id', '=', ownerId)
  if (purpose) query = query.where('purpose', '=', purpose)
  return query.orderBy('purpose').orderBy('version').execute()
}

/** Every wrapped key, in a stable order (owner, purpose, version). */
export async function allKeys(db: Db) {
  return db
    .selectFrom('key_store')
    .selectAll()
    .orderBy('owner_id')
    .orderBy('purpose')
    .orderBy('version')
    .execute()
}

export async function maxKeyVersion(
  db: Db,
  ownerId: string,
  purpose: KeyStoreTable['purpose'],
): Promise<number> {
  const row = await db
    .selectFrom('key_store')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('owner_id', '=', ownerId)
    .where('purpose', '=', purpose)
    .executeTakeFirst()
  return Number(row?.v ?? 0)
}

/** Retires (keeps readable, stops sealing with) every version of a purpose below `version`. */
export async function retireKeysBelow(
  db: Db,
  ownerId: string,
  purpose: KeyStoreTable['purpose'],
  version: number,
  at: string,
): Promise<void> {
  await db
    .updateTable('key_store')
    .set({ retired_at: at })
    .where('owner_id', '=', ownerId)
    .where('purpose', '=', purpose)
    .where('version', '<', version)
    .where('retired_at', 'is', null)
    .execute()
}

export async function updateWrappedKey(
  db: Db,
  id: string,
  wrapped: string,
  masterFingerprint: string,
): Promise<void> {
  await db
    .updateTable('key_store')
    .set({ wrapped, master_fingerprint: masterFingerprint })
    .where('id', '=', id)
    .execute()
}

/** The master keys (by fingerprint) that wrapped the keys in the store; normally exactly one. */
export async function masterFingerprintsInUse(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('key_store').select('master_fingerprint').distinct().execute()
  return rows.map((r) => r.master_fingerprint).sort()
}

/**
 * A fresh install: no keys, no compartments, no users. Only then may a missing master key be
 * created; a restored database waiting for its key import is not fresh.
 */
export async function isFreshInstall(db: Db): Promise<boolean> {
  const [keys, compartments, users] = await Promise.all([
    db.selectFrom('key_store').select('id').limit(1).executeTakeFirst(),
    db.selectFrom('compartments').select('id').limit(1).executeTakeFirst(),
    db.selectFrom('users').select('id').limit(1).executeTakeFirst(),
  ])
  return !keys && !compartments && !users
}

export async function listShredded(db: Db) {
  return db.selectFrom('shredded_owners').selectAll().orderBy('shredded_at').execute()
}

export async function insertShredded(
  db: Db,
  row: { owner_id: string; shredded_at: string; shredded_by: string | null },
): Promise<void> {
  await db
    .insertInto('shredded_owners')
    .values(row)
    .onConflict((oc) => oc.column('owner_id').doNothing())
    .execute()
}

/** Deletes every key of an owner; returns how many. The heart of crypto-shredding. */
export async function deleteOwnerKeys(db: Db, ownerId: string): Promise<number> {
  const result = await db.deleteFrom('key_store').where('owner_id', '=', ownerId).executeTakeFirst()
  return Number(result.numDeletedRows)
}

export async function findShredded(db: Db, ownerId: string) {
  return db
    .selectFrom('shredded_owners')
    .selectAll()
    .where('owner_id', '=', ownerId)
    .executeTakeFirst()
}

/**
 * A database that holds data but no key at all: restored from a backup, its key export not yet
 * imported. Nothing may create keys then (a new system key would clash with the imported one),
 * and the server refuses to start until `haven keys import`.
 */
export async function awaitingKeyImport(db: Db): Promise<boolean> {
  const key = await db.selectFrom('key_store').select('id').limit(1).executeTakeFirst()
  return !key && !(await isFreshInstall(db))
}

/**
 * After a shred, pushes the deleted key rows out of the files that may still hold them: on
 * SQLite (secure_delete zeroes the freed pages) the write-ahead log is checkpointed and
 * truncated; on PostgreSQL the key table is rewritten (VACUUM FULL), leaving no dead tuples.
 * Outside any transaction. Best effort: PostgreSQL's WAL and archives keep old pages until
 * they are recycled (see the README).
 */
export async function scrubDeletedKeys(db: Db, dialect: DialectName): Promise<void> {
  if (dialect === 'sqlite') await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db)
  else await sql`vacuum full key_store`.execute(db)
}
