import { createHash } from 'node:crypto'
import { z } from 'zod'
import type { AppContext } from '../app-context.js'
import { audit } from '../auth/auth-audit.js'
import { listCompartments } from '../compartments/compartment-store.js'
import { inTransaction } from '../db/db-handle.js'
import { newId } from '../db/ids.js'
import { FieldIntegrityError, KeyOperationError } from './crypto-errors.js'
import type { KeyExportsTable, KeyStoreTable } from './crypto-tables.js'
import { insertKeyExport } from './key-export-store.js'
import {
  allKeys,
  findKey,
  insertKey,
  insertShredded,
  isShredded,
  listShredded,
} from './key-store.js'

/**
 * A key export: the key store as it is (every key still wrapped by the master key, never the
 * master key itself), plus the list of shredded compartments so an import cannot bring their keys
 * back. The CLI age-encrypts it to a passphrase or recipients; opening it therefore takes both
 * that passphrase (or identity) and the master key.
 */
const exportedKey = z.strictObject({
  owner_id: z.string().min(1),
  purpose: z.enum(['data', 'index']),
  version: z.number().int().positive(),
  wrapped: z.string().min(1),
  master_fingerprint: z.string().min(1),
  created_at: z.string(),
  retired_at: z.string().nullable(),
})

export const keyExportSchema = z.strictObject({
  format: z.literal('haven-keys/v1'),
  createdAt: z.string(),
  masterFingerprint: z.string(),
  keySetFingerprint: z.string(),
  keys: z.array(exportedKey),
  shredded: z.array(z.strictObject({ ownerId: z.string(), shreddedAt: z.string() })),
  /** Codes of the compartments whose keys it holds, for the person restoring (codes are not identifying). */
  compartments: z.array(z.strictObject({ id: z.string(), code: z.string() })),
})
export type KeyExport = z.infer<typeof keyExportSchema>
type ExportedKey = z.infer<typeof exportedKey>

/** First 16 hex of a SHA-256 over the wrapped keys: names an export without revealing anything. */
export function keySetFingerprint(keys: readonly ExportedKey[]): string {
  const canonical = [...keys]
    .map((k) => [k.owner_id, k.purpose, k.version, k.wrapped])
    .sort((a, b) => (a.join('|') < b.join('|') ? -1 : 1))
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex').slice(0, 16)
}

/**
 * Reads the key store into an export and records that it was made (before the file is written:
 * a recorded export that never reached the disk is harmless, an unrecorded one is not). No master
 * key is needed: the keys leave wrapped.
 */
export async function prepareKeyExport(
  app: AppContext,
  by: { actorId: string | null; requestId: string | null; protection: string },
): Promise<{ payload: KeyExport; record: KeyExportsTable }> {
  return inTransaction(app.database.db, async (trx) => {
    const rows = await allKeys(trx)
    if (rows.length === 0)
      throw new KeyOperationError('not_a_key_export', 'The key store is empty: nothing to export.')
    const masters = [...new Set(rows.map((r) => r.master_fingerprint))]
    if (masters.length !== 1)
      throw new KeyOperationError(
        'key_import_wrong_master',
        `The key store holds keys wrapped by several master keys (${masters.join(', ')}): finish "haven keys rotate-master" first.`,
      )
    const keys = rows.map(({ id: _id, ...key }) => key)
    const owners = [...new Set(rows.map((r) => r.owner_id))]
    const compartments = (await listCompartments(trx, 'all'))
      .filter((c) => owners.includes(c.id))
      .map((c) => ({ id: c.id, code: c.code }))
    const createdAt = app.now().toISOString()
    const payload: KeyExport = {
      format: 'haven-keys/v1',
      createdAt,
      masterFingerprint: masters[0] ?? '',
      keySetFingerprint: keySetFingerprint(keys),
      keys,
      shredded: (await listShredded(trx)).map((s) => ({
        ownerId: s.owner_id,
        shreddedAt: s.shredded_at,
      })),
      compartments,
    }
    const record: KeyExportsTable = {
      id: newId(),
      created_at: createdAt,
      created_by: by.actorId,
      master_fingerprint: payload.masterFingerprint,
      key_set_fingerprint: payload.keySetFingerprint,
      owners: JSON.stringify(owners),
      key_count: keys.length,
      protection: by.protection,
    }
    await insertKeyExport(trx, record)
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'keys.exported',
      entityType: 'KeyExport',
      entityId: record.id,
      requestId: by.requestId,
      details: {
        fingerprint: record.key_set_fingerprint,
        masterFingerprint: record.master_fingerprint,
        keys: record.key_count,
        owners: owners.length,
        protection: by.protection,
      },
    })
    return { payload, record }
  })
}

export function parseKeyExport(bytes: Uint8Array): KeyExport {
  let json: unknown
  try {
    json = JSON.parse(Buffer.from(bytes).toString('utf8'))
  } catch {
    throw new KeyOperationError('not_a_key_export', 'This file is not a Haven key export.')
  }
  const parsed = keyExportSchema.safeParse(json)
  if (!parsed.success)
    throw new KeyOperationError(
      'not_a_key_export',
      'This file is not a Haven key export (format haven-keys/v1).',
    )
  if (keySetFingerprint(parsed.data.keys) !== parsed.data.keySetFingerprint)
    throw new KeyOperationError(
      'not_a_key_export',
      'This key export was altered: its fingerprint does not match its keys.',
    )
  return parsed.data
}

export interface ImportResult {
  imported: number
  alreadyPresent: number
  /** Owners whose keys the export holds but which were shredded here: not brought back. */
  refusedShredded: string[]
}

/**
 * Brings a key export back into the key store. Every key must open with this server's master
 * key (checked before anything is written); keys of shredded compartments are refused, whatever
 * the file holds, so an old export cannot undo a shred through Haven.
 */
export async function importKeyExport(
  app: AppContext,
  file: KeyExport,
  by: { actorId: string | null },
): Promise<ImportResult> {
  const master = app.crypto.master
  if (file.masterFingerprint !== master.fingerprint())
    throw new KeyOperationError(
      'key_import_wrong_master',
      `This export's keys are wrapped by master key ${file.masterFingerprint}, but this server's master key is ${master.fingerprint()}. Start Haven with the master key the export was made with (its key file, or "haven keys combine" from the trustees' shares).`,
    )
  return inTransaction(app.database.db, async (trx) => {
    const result: ImportResult = { imported: 0, alreadyPresent: 0, refusedShredded: [] }
    const shredded = new Set<string>()
    for (const s of file.shredded) {
      await insertShredded(trx, {
        owner_id: s.ownerId,
        shredded_at: s.shreddedAt,
        shredded_by: null,
      })
    }
    for (const key of file.keys) {
      if (shredded.has(key.owner_id) || (await isShredded(trx, key.owner_id))) {
        shredded.add(key.owner_id)
        continue
      }
      const row: KeyStoreTable = { id: newId(), ...key }
      try {
        app.crypto.keyring.unwrap(row)
      } catch (error) {
        if (error instanceof FieldIntegrityError)
          throw new KeyOperationError('key_import_wrong_master', error.message)
        throw error
      }
      const existing = await findKey(trx, key.owner_id, key.purpose, key.version)
      if (existing) {
        if (existing.wrapped !== key.wrapped && !sameKey(app, existing, row))
          throw new KeyOperationError(
            'key_import_conflict',
            `The key store already has a different ${key.purpose} key v${key.version} for ${key.owner_id}; nothing was imported.`,
          )
        result.alreadyPresent += 1
        continue
      }
      await insertKey(trx, false, row)
      result.imported += 1
    }
    result.refusedShredded = [...shredded]
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'keys.imported',
      details: {
        fingerprint: file.keySetFingerprint,
        imported: result.imported,
        alreadyPresent: result.alreadyPresent,
        refusedShredded: result.refusedShredded,
      },
    })
    app.crypto.keyring.forget()
    return result
  })
}

/** Two wrappings of the same key (random nonces differ) are the same key. */
function sameKey(app: AppContext, a: KeyStoreTable, b: KeyStoreTable): boolean {
  return app.crypto.keyring.unwrap(a).equals(app.crypto.keyring.unwrap(b))
}
