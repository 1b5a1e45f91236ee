import type { Db } from '../db/db-handle.js'
import { FieldCrypto } from './field-crypto.js'
import { countKeys } from './key-store.js'
import { Keyring, SYSTEM_OWNER } from './keyring.js'
import { loadMasterKey, type MasterKey } from './master-key.js'

export interface CryptoContext {
  master: MasterKey
  keyring: Keyring
  fields: FieldCrypto
}

export function cryptoContext(master: MasterKey, now: () => Date): CryptoContext {
  const keyring = new Keyring(master, now)
  return { master, keyring, fields: new FieldCrypto(keyring) }
}

/** Loads (or at first start creates) the master key, as configured. */
export async function openMasterKey(
  db: Db,
  options: { file: string; environmentValue: string | undefined },
) {
  return loadMasterKey({ ...options, firstStart: (await countKeys(db)) === 0 })
}

/** Haven's own keys (for authenticator seeds) exist once the master key is known. */
export async function ensureSystemKeys(db: Db, crypto: CryptoContext): Promise<void> {
  if (crypto.master.sealed) return
  await crypto.keyring.current(db, SYSTEM_OWNER, 'data')
}
