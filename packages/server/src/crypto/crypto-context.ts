import type { Db } from '../db/db-handle.js'
import { FieldCrypto } from './field-crypto.js'
import { awaitingKeyImport, isFreshInstall, masterFingerprintsInUse } from './key-store.js'
import { Keyring, SYSTEM_OWNER } from './keyring.js'
import {
  type LoadedMasterKey,
  loadMasterKey,
  type MasterKey,
  settlePendingRotation,
} from './master-key.js'

export interface CryptoContext {
  master: MasterKey
  keyring: Keyring
  fields: FieldCrypto
}

export function cryptoContext(master: MasterKey, now: () => Date): CryptoContext {
  const keyring = new Keyring(master, now)
  return { master, keyring, fields: new FieldCrypto(keyring) }
}

/**
 * Loads the master key, as configured: after settling an interrupted master rotation, from the
 * key file or HAVEN_MASTER_KEY. Only a fresh install (`mayCreate`) may get a new key file.
 */
export async function openMasterKey(
  db: Db,
  options: { file: string; environmentValue: string | undefined; mayCreate?: boolean },
): Promise<LoadedMasterKey & { notes: string[] }> {
  const notes: string[] = []
  const settled = settlePendingRotation(options.file, await masterFingerprintsInUse(db))
  if (settled) notes.push(settled)
  const loaded = loadMasterKey({
    file: options.file,
    environmentValue: options.environmentValue,
    firstStart: (options.mayCreate ?? true) && (await isFreshInstall(db)),
  })
  return { ...loaded, notes }
}

/**
 * Haven's own keys (for authenticator seeds) exist once the master key is known — except in a
 * restored database awaiting its key import, whose system key is in the export.
 */
export async function ensureSystemKeys(db: Db, crypto: CryptoContext): Promise<void> {
  if (crypto.master.sealed || (await awaitingKeyImport(db))) return
  await crypto.keyring.current(db, SYSTEM_OWNER, 'data')
}
