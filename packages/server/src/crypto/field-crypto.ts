import { createHmac } from 'node:crypto'
import { indexTerms, queryTerms } from '@haven/core/privacy/name-normalize'
import type { Db } from '../db/db-handle.js'
import { aeadOpen, aeadSeal } from './aead.js'
import { FieldDestroyedError, FieldIntegrityError } from './crypto-errors.js'
import type { Keyring } from './keyring.js'

/** Where a sealed value lives. All of it goes into the associated data, so a value opens only there. */
export interface FieldAddress {
  table: string
  column: string
  recordId: string
  /** The compartment whose key seals it (or SYSTEM_OWNER). */
  compartmentId: string
}

/** The address of a sealed field, for `seal`, `open` and `presentSealed`. */
export const sealedAt = (
  table: string,
  column: string,
  recordId: string,
  compartmentId: string,
): FieldAddress => ({ table, column, recordId, compartmentId })

/** A sealed field as shown: the value, or the fact that its compartment's keys were destroyed. */
export type Opened = { destroyed: false; value: string } | { destroyed: true }

const PREFIX = 'v1'

function aad(address: FieldAddress, version: number): Buffer {
  return Buffer.from(
    JSON.stringify([
      'haven/field/v1',
      address.table,
      address.column,
      address.recordId,
      address.compartmentId,
      version,
    ]),
    'utf8',
  )
}

/**
 * Seals and opens identifying fields with the compartment's data key (AES-256-GCM, random nonce,
 * associated data binding table, column, record, compartment and key version), and computes blind
 * index terms with the compartment's index key. Stores only ever see the sealed text.
 */
export class FieldCrypto {
  constructor(readonly keyring: Keyring) {}

  /** `v1.<version>.<base64url(nonce ‖ ciphertext ‖ tag)>` */
  async seal(
    db: Db,
    address: FieldAddress,
    plaintext: string,
    /** A given data key version (a rotation re-sealing under its target); default the current. */
    atVersion?: number,
  ): Promise<string> {
    const { key, version } =
      atVersion === undefined
        ? await this.keyring.current(db, address.compartmentId, 'data')
        : {
            key: await this.keyring.version(db, address.compartmentId, 'data', atVersion),
            version: atVersion,
          }
    const sealed = aeadSeal(key, Buffer.from(plaintext, 'utf8'), aad(address, version))
    return `${PREFIX}.${version}.${sealed.toString('base64url')}`
  }

  /** Opens a sealed value; throws FieldDestroyedError after a shred, FieldIntegrityError if tampered. */
  async open(db: Db, address: FieldAddress, sealed: string): Promise<string> {
    const match = /^v1\.(\d{1,6})\.([A-Za-z0-9_-]+)$/.exec(sealed)
    if (!match?.[1] || !match[2])
      throw new FieldIntegrityError(
        `${address.table}.${address.column} of ${address.recordId} is not a sealed value`,
      )
    const version = Number(match[1])
    // Reads are the hot path: a cached key is used without a further await.
    const key =
      this.keyring.cached(address.compartmentId, 'data', version) ??
      (await this.keyring.version(db, address.compartmentId, 'data', version))
    try {
      return aeadOpen(key, Buffer.from(match[2], 'base64url'), aad(address, version)).toString(
        'utf8',
      )
    } catch {
      throw new FieldIntegrityError(
        `${address.table}.${address.column} of ${address.recordId} failed its integrity check: it was altered or does not belong to this record`,
      )
    }
  }

  /**
   * Seals several fields of one record as a single value (one AEAD operation instead of one per
   * field): for a module whose identifying fields are always read together. The address names
   * the one column that holds them; the fields travel as JSON inside the ciphertext.
   */
  async sealFields(
    db: Db,
    address: FieldAddress,
    values: Readonly<Record<string, string | null>>,
  ): Promise<string> {
    return this.seal(db, address, JSON.stringify(values))
  }

  /** Opens what sealFields made. */
  async openFields(
    db: Db,
    address: FieldAddress,
    sealed: string,
  ): Promise<Record<string, string | null>> {
    const parsed: unknown = JSON.parse(await this.open(db, address, sealed))
    const out: Record<string, string | null> = {}
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
      for (const [field, value] of Object.entries(parsed)) {
        if (typeof value !== 'string' && value !== null) break
        out[field] = value
      }
    if (
      typeof parsed !== 'object' ||
      parsed === null ||
      Object.keys(out).length !== Object.keys(parsed).length
    )
      throw new FieldIntegrityError(
        `${address.table}.${address.column} of ${address.recordId} does not hold sealed fields`,
      )
    return out
  }

  /** Like open, but a destroyed compartment reads as `{ destroyed: true }` instead of throwing. */
  async openOrDestroyed(db: Db, address: FieldAddress, sealed: string): Promise<Opened> {
    try {
      return { destroyed: false, value: await this.open(db, address, sealed) }
    } catch (error) {
      if (error instanceof FieldDestroyedError) return { destroyed: true }
      throw error
    }
  }

  /** Key version a sealed value uses (for rotation progress), or null if it is not sealed. */
  static versionOf(sealed: string): number | null {
    const match = /^v1\.(\d{1,6})\./.exec(sealed)
    return match?.[1] ? Number(match[1]) : null
  }

  /**
   * Blind index terms for storing a name: keyed HMAC-SHA256 of each normalised term, truncated to
   * 128 bits. Equal names give equal terms within a compartment (that is the documented leak).
   */
  async indexTerms(
    db: Db,
    compartmentId: string,
    value: string,
    /** A given index key version (a rotation re-indexing under its target); default the current. */
    atVersion?: number,
  ): Promise<{ kind: string; term: string }[]> {
    const { key, version } =
      atVersion === undefined
        ? await this.keyring.current(db, compartmentId, 'index')
        : {
            key: await this.keyring.version(db, compartmentId, 'index', atVersion),
            version: atVersion,
          }
    return indexTerms(value).map((t) => ({ kind: t.kind, term: hmacTerm(key, version, t.term) }))
  }

  /** A keyed term for an exact value that is not a name (a birth year, `y:1985`), for matching only. */
  async exactTerm(
    db: Db,
    compartmentId: string,
    value: string,
    atVersion?: number,
  ): Promise<string> {
    const { key, version } =
      atVersion === undefined
        ? await this.keyring.current(db, compartmentId, 'index')
        : {
            key: await this.keyring.version(db, compartmentId, 'index', atVersion),
            version: atVersion,
          }
    return hmacTerm(key, version, value)
  }

  /**
   * Blind-index terms for many values under one compartment's current index key, read once: for
   * registering a batch of people. Names repeat (surnames, and the one- to three-character
   * prefixes every name is indexed under), so each distinct term is keyed once per indexer; the
   * memo holds at most `memo` terms and lives only as long as the caller keeps the indexer.
   */
  async indexer(db: Db, compartmentId: string, memo = 20_000): Promise<TermIndexer> {
    const { key, version } = await this.keyring.current(db, compartmentId, 'index')
    const known = new Map<string, string>()
    const keyed = (term: string) => {
      let hit = known.get(term)
      if (hit === undefined) {
        hit = hmacTerm(key, version, term)
        if (known.size >= memo) known.clear()
        known.set(term, hit)
      }
      return hit
    }
    return {
      terms: (value) => indexTerms(value).map((t) => ({ kind: t.kind, term: keyed(t.term) })),
      exact: keyed,
    }
  }

  /**
   * Terms to look a search query up under, in one compartment: under every index key version it
   * has (normally one), so a search keeps finding records while a rotation re-indexes them. None
   * in a shredded compartment: its terms were purged and nothing there can match any more.
   */
  async queryTerms(db: Db, compartmentId: string, query: string): Promise<string[]> {
    return this.lookupTerms(db, compartmentId, queryTerms(query))
  }

  /** Keyed terms to look exact values up under (see exactTerm), under every index key version. */
  async lookupTerms(db: Db, compartmentId: string, values: readonly string[]): Promise<string[]> {
    let keys: { key: Buffer; version: number }[]
    try {
      keys = await this.keyring.indexKeys(db, compartmentId)
    } catch (error) {
      if (error instanceof FieldDestroyedError) return []
      throw error
    }
    return keys.flatMap(({ key, version }) => values.map((v) => hmacTerm(key, version, v)))
  }
}

/** Index terms of one compartment under its current key, computed without further reads. */
export interface TermIndexer {
  /** As FieldCrypto.indexTerms. */
  terms(value: string): { kind: string; term: string }[]
  /** As FieldCrypto.exactTerm. */
  exact(value: string): string
}

function hmacTerm(key: Buffer, version: number, term: string): string {
  return `${version}:${createHmac('sha256', key).update(term, 'utf8').digest('base64url').slice(0, 22)}`
}

/** An opened field as the API presents it (see openedFieldView in core). */
export function presentOpened(opened: Opened): string | { destroyed: true } {
  return opened.destroyed ? { destroyed: true } : opened.value
}
