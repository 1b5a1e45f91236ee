import type { Db } from '../db/db-handle.js'
import type { MasterSealTable } from './crypto-tables.js'

export async function findMasterSeal(db: Db): Promise<MasterSealTable | undefined> {
  return db.selectFrom('master_seal').selectAll().where('id', '=', 'master').executeTakeFirst()
}

/** Stores the first seal; false if another instance stored one first (theirs stands). */
export async function insertMasterSeal(db: Db, row: MasterSealTable): Promise<boolean> {
  const result = await db
    .insertInto('master_seal')
    .values(row)
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1
}

/** Replaces the seal (a new passphrase, or a new master key after rotate-master). */
export async function replaceMasterSeal(db: Db, row: MasterSealTable): Promise<void> {
  await db.deleteFrom('master_seal').where('id', '=', 'master').execute()
  await db.insertInto('master_seal').values(row).execute()
}

const THROTTLE_KEY = 'unseal'

/** Failed unseal attempts, in the shared throttle table (every instance sees them). */
export async function unsealThrottle(db: Db) {
  return db
    .selectFrom('login_throttle')
    .selectAll()
    .where('key', '=', THROTTLE_KEY)
    .executeTakeFirst()
}

export async function recordUnsealFailure(
  db: Db,
  failures: number,
  at: string,
  blockedUntil: string,
): Promise<void> {
  await db
    .insertInto('login_throttle')
    .values({ key: THROTTLE_KEY, failures, last_failure_at: at, blocked_until: blockedUntil })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({ failures, last_failure_at: at, blocked_until: blockedUntil }),
    )
    .execute()
}

export async function clearUnsealThrottle(db: Db): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', '=', THROTTLE_KEY).execute()
}
