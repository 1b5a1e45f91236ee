import { createHash, randomBytes } from 'node:crypto'
import type { Db } from '../db/db-handle.js'

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
  await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute()
  await db
    .insertInto('recovery_codes')
    .values(
      codes.map((code) => ({
        code_hash: hashRecoveryCode(code),
        user_id: userId,
        created_at: now,
        used_at: null,
      })),
    )
    .execute()
}

/** Spends a code if it is this user's and unused; the conditional update makes it single-use. */
export async function useRecoveryCode(
  db: Db,
  userId: string,
  code: string,
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('recovery_codes')
    .set({ used_at: now })
    .where('code_hash', '=', hashRecoveryCode(code))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function unusedRecoveryCodes(db: Db, userId: string): Promise<number> {
  const row = await db
    .selectFrom('recovery_codes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
