import type { AppContext } from '../app-context.js'
import { audit } from '../auth/auth-audit.js'
import type { Db } from '../db/db-handle.js'
import { inTransaction } from '../db/db-handle.js'
import { KeyOperationError } from './crypto-errors.js'
import type { KeyExportsTable } from './crypto-tables.js'
import { keyExportsHolding } from './key-export-store.js'
import { failRunningKeyJobs } from './key-job-store.js'
import { deleteOwnerKeys, findShredded, insertShredded, scrubDeletedKeys } from './key-store.js'
import type { Keyring } from './keyring.js'
import { allBlindIndexes } from './sealed-registry.js'

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
    const count = await deleteOwnerKeys(trx, ownerId)
    await insertShredded(trx, { owner_id: ownerId, shredded_at: by.at, shredded_by: by.actorId })
    // Without the index key the terms find nothing, but they would still show who shares a name.
    for (const index of allBlindIndexes()) await index.purge(trx, ownerId)
    await failRunningKeyJobs(trx, ownerId, 'the compartment was shredded', by.at)
    return count
  })
  keyring.forget(ownerId)
  return destroyed
}

export interface ShredResult {
  destroyedKeys: number
  shreddedAt: string
  /** Key exports made before the shred: they still hold the destroyed keys. */
  exportsToDestroy: KeyExportsTable[]
}

/**
 * Crypto-shreds a compartment (the night a shelter is raided): destroys its keys, audits it and
 * returns the key exports that still hold them. Refuses a compartment already shredded.
 */
export async function shredCompartment(
  app: AppContext,
  compartment: { id: string; code: string },
  by: { actorId: string | null; requestId: string | null; via: 'cli' | 'app' },
): Promise<ShredResult> {
  const db = app.database.db
  const shreddedAt = app.now().toISOString()
  const destroyedKeys = await inTransaction(db, async (trx) => {
    const earlier = await findShredded(trx, compartment.id)
    if (earlier)
      throw new KeyOperationError(
        'keys_destroyed',
        `${compartment.code} was already shredded on ${earlier.shredded_at}.`,
      )
    const count = await shredOwnerKeys(trx, app.crypto.keyring, compartment.id, {
      actorId: by.actorId,
      at: shreddedAt,
    })
    const exports = await keyExportsHolding(trx, compartment.id, shreddedAt)
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'compartment.shredded',
      entityType: 'Compartment',
      entityId: compartment.id,
      compartmentId: compartment.id,
      requestId: by.requestId,
      details: {
        code: compartment.code,
        via: by.via,
        keysDestroyed: count,
        keyExportsStillHoldingKeys: exports.map((e) => e.key_set_fingerprint),
      },
    })
    return count
  })
  // After the commit: forget again, in case a read re-cached the keys meanwhile.
  app.crypto.keyring.forget(compartment.id)
  try {
    await scrubDeletedKeys(db, app.database.dialect)
  } catch (error) {
    // The keys are gone from the database either way; say that the files may still hold them.
    app.logger.warn(
      { err: { message: error instanceof Error ? error.message : String(error) } },
      'shred: could not scrub the deleted keys from the database files; run it again later',
    )
  }
  return {
    destroyedKeys,
    shreddedAt,
    exportsToDestroy: await keyExportsHolding(db, compartment.id, shreddedAt),
  }
}
