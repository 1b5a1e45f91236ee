import type { Db } from '../db/db-handle.js'
import { inTransaction } from '../db/db-handle.js'
import type { Keyring } from './keyring.js'

/**
 * Destroys every data and index key of an owner (a compartment): its sealed fields can never be
 * opened again, here or in any data backup, because backups never contain keys. Rows, codes and
 * dates stay. Key exports made earlier still hold the keys: the caller must tell the operator.
 */
export async function shredOwnerKeys(
  db: Db,
  keyring: Keyring,
  ownerId: string,
  by: { actorId: string | null; at: string },
): Promise<number> {
  const destroyed = await inTransaction(db, async (trx) => {
    const result = await trx
      .deleteFrom('key_store')
      .where('owner_id', '=', ownerId)
      .executeTakeFirst()
    await trx
      .insertInto('shredded_owners')
      .values({ owner_id: ownerId, shredded_at: by.at, shredded_by: by.actorId })
      .onConflict((oc) => oc.column('owner_id').doNothing())
      .execute()
    return Number(result.numDeletedRows)
  })
  keyring.forget(ownerId)
  return destroyed
}
