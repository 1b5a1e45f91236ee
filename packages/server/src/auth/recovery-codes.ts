import { createHash, randomBytes } from 'node:crypto'
import type { Db } from '../db/db-handle.js'
import { replaceRecoveryCodeHashes, spendRecoveryCodeHash } from './factor-store.js'

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
export const RECOVERY_CODE_COUNT = 10

/** Ten codes of 16 base32 characters (80 random bits each), shown once as ABCD-EFGH-IJKL-MNOP. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const bytes = randomBytes(16)
    const chars = Array.from(bytes, (b) => ALPHABET[b % 32]).join('')
    return chars.match(/.{4}/g)?.join('-') ?? chars
  })
}

/** Stored as SHA-256: 80 random bits cannot be guessed from the hash, so a slow hash adds nothing. */
export function hashRecoveryCode(code: string): string {
  return createHash('sha256')
    .update(code.toUpperCase().replace(/[^A-Z2-7]/g, ''))
    .digest('hex')
}

export async function replaceRecoveryCodes(
  db: Db,
  userId: string,
  codes: readonly string[],
  now: string,
): Promise<void> {
  await replaceRecoveryCodeHashes(db, userId, codes.map(hashRecoveryCode), now)
}

/** Spends a code if it is this user's and unused (single use: see spendRecoveryCodeHash). */
export async function useRecoveryCode(
  db: Db,
  userId: string,
  code: string,
  now: string,
): Promise<boolean> {
  return spendRecoveryCodeHash(db, userId, hashRecoveryCode(code), now)
}
