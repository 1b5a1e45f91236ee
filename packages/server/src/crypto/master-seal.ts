import { randomBytes } from 'node:crypto'
import { type Algorithm, hashRaw } from '@node-rs/argon2'
import { aeadOpen, aeadSeal } from './aead.js'
import type { MasterSealTable } from './crypto-tables.js'
import { masterFingerprint } from './master-key.js'

/**
 * Sealed mode keeps the master key only wrapped by the operator's passphrase. The passphrase is
 * stretched with argon2id into a key-encryption key that wraps a *random* master key (rather than
 * being the master key itself): changing the passphrase then re-wraps 32 bytes instead of every
 * compartment key, and a weak passphrase chosen once does not become the permanent master key.
 * The wrapping is AES-256-GCM, so a wrong passphrase fails its tag: it is refused before any data
 * is touched, and nothing else needs storing to verify it.
 */
// Algorithm is an ambient const enum (unusable under verbatimModuleSyntax); 2 is its Argon2id.
const ARGON2ID = 2 as Algorithm.Argon2id

export interface SealParams {
  memoryCost: number
  timeCost: number
  parallelism: number
}

/** 64 MiB, 3 passes: well above OWASP's floor; the stretch runs once per unseal, not per login. */
export const SEAL_PARAMS: SealParams = Object.freeze({
  memoryCost: 65_536,
  timeCost: 3,
  parallelism: 1,
})

function aad(params: SealParams, salt: string): Buffer {
  return Buffer.from(
    `haven/master-seal/v1|argon2id|${params.memoryCost}|${params.timeCost}|${params.parallelism}|${salt}`,
    'utf8',
  )
}

async function stretch(passphrase: string, salt: Buffer, params: SealParams): Promise<Buffer> {
  return hashRaw(passphrase.normalize('NFC'), {
    algorithm: ARGON2ID,
    salt,
    outputLen: 32,
    memoryCost: params.memoryCost,
    timeCost: params.timeCost,
    parallelism: params.parallelism,
  })
}

/** Wraps `master` under `passphrase`: the row sealed mode stores (id 'master'). */
export async function sealMaster(
  master: Buffer,
  passphrase: string,
  now: string,
  params: SealParams = SEAL_PARAMS,
): Promise<MasterSealTable> {
  const salt = randomBytes(16)
  const saltText = salt.toString('base64url')
  const kek = await stretch(passphrase, salt, params)
  return {
    id: 'master',
    kdf: 'argon2id',
    params: JSON.stringify(params),
    salt: saltText,
    wrapped: aeadSeal(kek, master, aad(params, saltText)).toString('base64url'),
    master_fingerprint: masterFingerprint(master),
    created_at: now,
    updated_at: now,
  }
}

/** The master key, or null when the passphrase is wrong. */
export async function openMasterSeal(
  row: MasterSealTable,
  passphrase: string,
): Promise<Buffer | null> {
  const params = JSON.parse(row.params) as SealParams
  const kek = await stretch(passphrase, Buffer.from(row.salt, 'base64url'), params)
  try {
    return aeadOpen(kek, Buffer.from(row.wrapped, 'base64url'), aad(params, row.salt))
  } catch {
    return null
  }
}
