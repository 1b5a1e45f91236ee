import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../db/schema.js'
import type { OneTimeTokensTable } from './auth-tables.js'

type Db = Kysely<Database> | Transaction<Database>

export async function insertToken(
  db: Db,
  token: {
    hash: string
    purpose: OneTimeTokensTable['purpose']
    userId: string | null
    createdAt: string
    expiresAt: string
  },
): Promise<void> {
  await db
    .insertInto('one_time_tokens')
    .values({
      token_hash: token.hash,
      purpose: token.purpose,
      user_id: token.userId,
      created_at: token.createdAt,
      expires_at: token.expiresAt,
      used_at: null,
    })
    .execute()
}

/** The token if it exists, has this purpose, is unused and unexpired at `now`. */
export async function findUsableToken(
  db: Db,
  hash: string,
  purpose: OneTimeTokensTable['purpose'],
  now: string,
) {
  return db
    .selectFrom('one_time_tokens')
    .selectAll()
    .where('token_hash', '=', hash)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst()
}

/**
 * Marks the token used if it still is usable. Returns false when another request used it first:
 * the conditional update is what makes a link single-use under concurrency.
 */
export async function consumeToken(
  db: Db,
  hash: string,
  purpose: OneTimeTokensTable['purpose'],
  now: string,
) {
  const result = await db
    .updateTable('one_time_tokens')
    .set({ used_at: now })
    .where('token_hash', '=', hash)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Invalidates every unused token of a purpose (a new setup link replaces the old ones). */
export async function revokeTokens(
  db: Db,
  purpose: OneTimeTokensTable['purpose'],
  now: string,
): Promise<void> {
  await db
    .updateTable('one_time_tokens')
    .set({ used_at: now })
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .execute()
}

/** Invalidates a user's unused tokens of a purpose (a new password link replaces the old ones). */
export async function revokeUserTokens(
  db: Db,
  userId: string,
  purpose: OneTimeTokensTable['purpose'],
  now: string,
): Promise<void> {
  await db
    .updateTable('one_time_tokens')
    .set({ used_at: now })
    .where('user_id', '=', userId)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .execute()
}
