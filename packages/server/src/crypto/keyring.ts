import { randomBytes } from 'node:crypto'
import type { Db } from '../db/db-handle.js'
import { newId } from '../db/ids.js'
import { aeadOpen, aeadSeal } from './aead.js'
import { FieldDestroyedError, FieldIntegrityError } from './crypto-errors.js'
import type { KeyStoreTable } from './crypto-tables.js'
import {
  allKeys,
  currentKey,
  findKey,
  insertKey,
  isShredded,
  maxKeyVersion,
  ownerKeys,
  retireKeysBelow,
  updateWrappedKey,
} from './key-store.js'
import { type MasterKey, masterFingerprint } from './master-key.js'

export type KeyPurpose = KeyStoreTable['purpose']
/** Setting holding when the master key was last rotated (every key re-wrapped under a new one). */
export const MASTER_ROTATED_AT = 'keys.master_rotated_at'

/** Owner id of Haven's own secrets (not a compartment). */
export const SYSTEM_OWNER = 'system'

/**
 * Unwrapped data keys are cached this long. After a shred or rotation on another server instance,
 * this instance stops using the old key within this time.
 */
export const CACHE_MS = 30_000

interface Cached {
  key: Buffer
  version: number
  at: number
}

function wrapAad(ownerId: string, purpose: KeyPurpose, version: number): Buffer {
  return Buffer.from(`haven/key-wrap/v1|${ownerId}|${purpose}|${version}`, 'utf8')
}

/**
 * Compartment data keys: created with the compartment, wrapped by the master key, unwrapped on
 * demand and cached briefly in memory only.
 */
export class Keyring {
  #cache = new Map<string, Cached>()
  #allIndex = new Map<string, { keys: { key: Buffer; version: number }[]; at: number }>()
  constructor(
    readonly master: MasterKey,
    private readonly now: () => Date,
  ) {}

  /**
   * Wraps a fresh random key for `ownerId` at `version` (in the caller's transaction). With
   * `ifMissing`, a key another process created first is kept instead.
   */
  async createKey(
    db: Db,
    ownerId: string,
    purpose: KeyPurpose,
    version: number,
    ifMissing = false,
  ): Promise<void> {
    const key = randomBytes(32)
    await insertKey(db, ifMissing, {
      id: newId(),
      owner_id: ownerId,
      purpose,
      version,
      wrapped: aeadSeal(this.master.bytes(), key, wrapAad(ownerId, purpose, version)).toString(
        'base64url',
      ),
      master_fingerprint: this.master.fingerprint(),
      created_at: this.now().toISOString(),
      retired_at: null,
    })
  }

  /** Both keys (data and index) for a new compartment. */
  async createOwnerKeys(db: Db, ownerId: string): Promise<void> {
    await this.createKey(db, ownerId, 'data', 1)
    await this.createKey(db, ownerId, 'index', 1)
  }

  /** The key new values are sealed with. */
  async current(
    db: Db,
    ownerId: string,
    purpose: KeyPurpose,
  ): Promise<{ key: Buffer; version: number }> {
    const cacheKey = `${ownerId}|${purpose}|current`
    const hit = this.#cache.get(cacheKey)
    if (hit && Date.now() - hit.at < CACHE_MS) return hit
    let row = await currentKey(db, ownerId, purpose)
    if (!row && ownerId === SYSTEM_OWNER) {
      // Haven's own keys are made on first use, by whichever instance gets there first.
      await this.createKey(db, SYSTEM_OWNER, 'data', 1, true)
      await this.createKey(db, SYSTEM_OWNER, 'index', 1, true)
      row = await currentKey(db, ownerId, purpose)
    }
    if (!row) {
      if (await isShredded(db, ownerId))
        throw new FieldDestroyedError(`the keys of ${ownerId} were destroyed`)
      throw new FieldIntegrityError(`no ${purpose} key exists for ${ownerId}`)
    }
    const entry = { key: this.unwrap(row), version: row.version, at: Date.now() }
    this.#cache.set(cacheKey, entry)
    return entry
  }

  /** The key of a given version if it is cached (no database round trip, no await). */
  cached(ownerId: string, purpose: KeyPurpose, version: number): Buffer | undefined {
    const hit = this.#cache.get(`${ownerId}|${purpose}|${version}`)
    return hit && Date.now() - hit.at < CACHE_MS ? hit.key : undefined
  }

  /** The key of a given version, to open a value sealed under it. */
  async version(db: Db, ownerId: string, purpose: KeyPurpose, version: number): Promise<Buffer> {
    const hit = this.cached(ownerId, purpose, version)
    if (hit) return hit
    const cacheKey = `${ownerId}|${purpose}|${version}`
    const row = await findKey(db, ownerId, purpose, version)
    if (!row) {
      if (await isShredded(db, ownerId))
        throw new FieldDestroyedError(`the keys of ${ownerId} were destroyed`)
      throw new FieldIntegrityError(`no ${purpose} key version ${version} exists for ${ownerId}`)
    }
    const key = this.unwrap(row)
    this.#cache.set(cacheKey, { key, version, at: Date.now() })
    return key
  }

  /**
   * Every index key of an owner, current and retired, newest first: a search looks a name up under
   * each, so records not yet re-indexed by a rotation (or restored from an older backup) are found.
   */
  async indexKeys(db: Db, ownerId: string): Promise<{ key: Buffer; version: number }[]> {
    const cacheKey = `${ownerId}|index|all`
    const hit = this.#allIndex.get(cacheKey)
    if (hit && Date.now() - hit.at < CACHE_MS) return hit.keys
    const rows = await ownerKeys(db, ownerId, 'index')
    if (rows.length === 0) {
      // Fall back to current(): it makes system keys on first use and says "destroyed" after a shred.
      return [await this.current(db, ownerId, 'index')]
    }
    const keys = rows
      .map((row) => ({ key: this.unwrap(row), version: row.version }))
      .sort((a, b) => b.version - a.version)
    this.#allIndex.set(cacheKey, { keys, at: Date.now() })
    return keys
  }

  /**
   * Makes the next data and index key versions of an owner and retires the older ones (they stay
   * readable: values sealed under them still open until a rotation job re-seals them, and older
   * backups keep opening with the current key store). In the caller's transaction.
   */
  async rotateOwnerKeys(db: Db, ownerId: string): Promise<{ data: number; index: number }> {
    const at = this.now().toISOString()
    const next = { data: 0, index: 0 }
    for (const purpose of ['data', 'index'] as const) {
      const version = (await maxKeyVersion(db, ownerId, purpose)) + 1
      if (version === 1) {
        if (await isShredded(db, ownerId))
          throw new FieldDestroyedError(`the keys of ${ownerId} were destroyed`)
        throw new FieldIntegrityError(`${ownerId} has no ${purpose} key to rotate`)
      }
      await this.createKey(db, ownerId, purpose, version)
      await retireKeysBelow(db, ownerId, purpose, version, at)
      next[purpose] = version
    }
    this.forget(ownerId)
    return next
  }

  /**
   * Re-wraps every key in the store under `next` (a new master key), in the caller's
   * transaction. The data keys themselves do not change, so no sealed value is touched.
   */
  async rewrapAll(db: Db, next: Buffer): Promise<number> {
    const fingerprint = masterFingerprint(next)
    const rows = await allKeys(db)
    for (const row of rows) {
      const key = this.unwrap(row)
      const wrapped = aeadSeal(next, key, wrapAad(row.owner_id, row.purpose, row.version))
      await updateWrappedKey(db, row.id, wrapped.toString('base64url'), fingerprint)
    }
    return rows.length
  }

  /** Forgets cached keys (of one owner, or all): after a rotation or a shred on this instance. */
  forget(ownerId?: string): void {
    for (const k of [...this.#cache.keys()])
      if (!ownerId || k.startsWith(`${ownerId}|`)) this.#cache.delete(k)
    for (const k of [...this.#allIndex.keys()])
      if (!ownerId || k.startsWith(`${ownerId}|`)) this.#allIndex.delete(k)
  }

  /** Opens one wrapped key with the master key; throws FieldIntegrityError naming both masters. */
  unwrap(row: KeyStoreTable): Buffer {
    try {
      return aeadOpen(
        this.master.bytes(),
        Buffer.from(row.wrapped, 'base64url'),
        wrapAad(row.owner_id, row.purpose, row.version),
      )
    } catch {
      throw new FieldIntegrityError(
        `the ${row.purpose} key v${row.version} of ${row.owner_id} does not open with this master key (wrapped by ${row.master_fingerprint}, this is ${this.master.fingerprint()})`,
      )
    }
  }
}
