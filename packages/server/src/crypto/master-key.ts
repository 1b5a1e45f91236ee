import { createHash, hkdfSync, randomBytes } from 'node:crypto'
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { dirname } from 'node:path'
import { SealedError } from './crypto-errors.js'

export type MasterKeySource = 'file' | 'environment' | 'passphrase' | 'test'

/**
 * Holds the master key in memory. It is never written to the database, a backup or a key export.
 * In sealed mode it starts empty until an operator unseals with the passphrase.
 */
export class MasterKey {
  #key: Buffer | null
  readonly #onUnseal: ((key: Buffer) => void)[] = []
  constructor(
    key: Buffer | null,
    readonly source: MasterKeySource | 'sealed',
  ) {
    if (key && key.length !== 32) throw new Error('the master key must be 32 bytes')
    this.#key = key
  }

  get sealed(): boolean {
    return this.#key === null
  }

  /** The key itself; throws SealedError while sealed. */
  bytes(): Buffer {
    if (!this.#key) throw new SealedError('Haven is sealed: no master key yet')
    return this.#key
  }

  /** Identifies this master key (to tell which one wrapped a data key) without revealing it. */
  fingerprint(): string {
    return masterFingerprint(this.bytes())
  }

  /** Supplies the key after an unseal. */
  set(key: Buffer): void {
    if (key.length !== 32) throw new Error('the master key must be 32 bytes')
    const wasSealed = this.#key === null
    this.#key = key
    if (wasSealed) for (const listener of this.#onUnseal) listener(key)
  }

  /**
   * Called once when a sealed key is first supplied. With several worker processes, the one an
   * operator unseals tells the others through the primary (`server/worker-unseal.ts`).
   */
  onUnseal(listener: (key: Buffer) => void): void {
    this.#onUnseal.push(listener)
  }
}

export function masterFingerprint(key: Buffer): string {
  const derived = Buffer.from(
    hkdfSync('sha256', key, Buffer.alloc(0), 'haven/master-fingerprint', 32),
  )
  return createHash('sha256').update(derived).digest('hex').slice(0, 16)
}

export interface MasterKeyOptions {
  file: string
  environmentValue: string | undefined
  /** No data key exists yet: a missing key file may be created instead of being an error. */
  firstStart: boolean
}

export interface LoadedMasterKey {
  key: MasterKey
  /** A warning for the operator (e.g. a key file created next to the data). */
  warning?: string
}

/**
 * Finds the master key, in order: the key file, then HAVEN_MASTER_KEY. At first start, with
 * neither, it creates the key file (mode 600) and warns that it belongs elsewhere. Later, a
 * missing key is an error: making a new one would silently orphan every sealed field.
 * Sealed mode (a passphrase at start-up) is decided by the caller before this.
 */
export function loadMasterKey(options: MasterKeyOptions): LoadedMasterKey {
  if (existsSync(options.file))
    return {
      key: new MasterKey(parseKey(readFileSync(options.file, 'utf8'), options.file), 'file'),
    }
  if (options.environmentValue)
    return {
      key: new MasterKey(parseKey(options.environmentValue, 'HAVEN_MASTER_KEY'), 'environment'),
    }
  if (!options.firstStart) {
    throw new Error(
      `HAVEN_MASTER_KEY_FILE: ${options.file} does not exist and HAVEN_MASTER_KEY is not set, but this database is not new. Restore the master key file (or combine the trustees' shares with "haven keys combine"); a new key would open nothing.`,
    )
  }
  const key = randomBytes(32)
  mkdirSync(dirname(options.file), { recursive: true, mode: 0o700 })
  writeFileSync(options.file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' })
  chmodSync(options.file, 0o600)
  return {
    key: new MasterKey(key, 'file'),
    warning: `Created a new master key at ${options.file}. Anyone holding both this file and the database can read every sealed field: keep a copy somewhere safe (haven keys split) and move it off this disk (HAVEN_MASTER_KEY_FILE, HAVEN_MASTER_KEY or sealed mode).`,
  }
}

/** 32 bytes as base64 (what Haven writes) or 64 hex digits. */
export function parseKey(text: string, where: string): Buffer {
  const trimmed = text.trim()
  const key = /^[0-9a-f]{64}$/i.test(trimmed)
    ? Buffer.from(trimmed, 'hex')
    : Buffer.from(trimmed, 'base64')
  if (key.length !== 32)
    throw new Error(`${where}: the master key must be 32 bytes in base64 or 64 hex digits`)
  return key
}

/** Where `haven keys rotate-master` puts the new key until the database has switched to it. */
export function pendingKeyFile(file: string): string {
  return `${file}.new`
}

/** Writes a key file readable by its owner only; refuses to overwrite one. */
export function writeKeyFile(file: string, key: Buffer): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 })
  writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' })
  chmodSync(file, 0o600)
}

/**
 * Finishes or undoes a master rotation that stopped between its two steps (the new key written
 * next to the old as `master.key.new`, then the key store re-wrapped in one transaction): the
 * key store's fingerprint says which key is live. Returns a note for the log, or null.
 */
export function settlePendingRotation(
  file: string,
  fingerprintsInUse: readonly string[],
): string | null {
  const pending = pendingKeyFile(file)
  if (!existsSync(pending)) return null
  const next = parseKey(readFileSync(pending, 'utf8'), pending)
  if (fingerprintsInUse.length === 1 && fingerprintsInUse[0] === masterFingerprint(next)) {
    renameSync(pending, file)
    return `finished an interrupted master key rotation: ${file} now holds the new key`
  }
  rmSync(pending)
  return `removed ${pending}: the master key rotation that wrote it never reached the database`
}
