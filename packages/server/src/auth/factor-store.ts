import type { Db } from '../db/db-handle.js'
import type { AuthChallengesTable } from './auth-tables.js'

/**
 * The second factors' SQL: WebAuthn challenges, passkeys, the TOTP factor and recovery codes.
 * The rules around them (verification, single use, hashing) stay in passkeys.ts, totp.ts and
 * recovery-codes.ts.
 */

export interface FactorState {
  totp: boolean
  passkeys: number
  recoveryCodes: number
}

export async function factorState(db: Db, userId: string): Promise<FactorState> {
  const [totp, passkeys, recovery] = await Promise.all([
    db
      .selectFrom('totp_factors')
      .select('confirmed_at')
      .where('user_id', '=', userId)
      .executeTakeFirst(),
    db
      .selectFrom('passkeys')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('recovery_codes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .where('used_at', 'is', null)
      .executeTakeFirstOrThrow(),
  ])
  return {
    totp: Boolean(totp?.confirmed_at),
    passkeys: Number(passkeys.n),
    recoveryCodes: Number(recovery.n),
  }
}

// Challenges

export async function insertChallenge(
  db: Db,
  challenge: {
    id: string
    purpose: AuthChallengesTable['purpose']
    userId: string | null
    challenge: string
    expiresAt: string
  },
): Promise<void> {
  await db
    .insertInto('auth_challenges')
    .values({
      id: challenge.id,
      purpose: challenge.purpose,
      user_id: challenge.userId,
      challenge: challenge.challenge,
      expires_at: challenge.expiresAt,
    })
    .execute()
}

export async function findChallenge(db: Db, id: string, purpose: AuthChallengesTable['purpose']) {
  return db
    .selectFrom('auth_challenges')
    .selectAll()
    .where('id', '=', id)
    .where('purpose', '=', purpose)
    .executeTakeFirst()
}

/** Whether this call deleted it: of two requests spending one challenge, only one sees true. */
export async function deleteChallenge(db: Db, id: string): Promise<boolean> {
  const deleted = await db.deleteFrom('auth_challenges').where('id', '=', id).executeTakeFirst()
  return Number(deleted.numDeletedRows) === 1
}

// Passkeys

/** A user's passkey ids and transports, to exclude or allow them in WebAuthn options. */
export async function passkeyCredentials(db: Db, userId: string) {
  return db
    .selectFrom('passkeys')
    .select(['id', 'transports'])
    .where('user_id', '=', userId)
    .execute()
}

export async function findPasskey(db: Db, id: string) {
  return db.selectFrom('passkeys').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function recordPasskeyUse(
  db: Db,
  id: string,
  counter: number,
  now: string,
): Promise<void> {
  await db
    .updateTable('passkeys')
    .set({ counter, last_used_at: now })
    .where('id', '=', id)
    .execute()
}

export async function insertPasskey(
  db: Db,
  userId: string,
  name: string,
  key: { id: string; publicKey: string; counter: number; transports: string[] },
  now: string,
) {
  await db
    .insertInto('passkeys')
    .values({
      id: key.id,
      user_id: userId,
      name,
      public_key: key.publicKey,
      counter: key.counter,
      transports: JSON.stringify(key.transports),
      created_at: now,
      last_used_at: null,
    })
    .execute()
}

export async function listPasskeys(db: Db, userId: string) {
  return db
    .selectFrom('passkeys')
    .select(['id', 'name', 'created_at', 'last_used_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute()
}

/** Whether the user had a passkey of this id (a rename of someone else's changes nothing). */
export async function renamePasskey(
  db: Db,
  userId: string,
  id: string,
  name: string,
): Promise<boolean> {
  const result = await db
    .updateTable('passkeys')
    .set({ name })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function deletePasskey(db: Db, userId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('passkeys')
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst()
  return Number(result.numDeletedRows) === 1
}

// TOTP

export async function findTotp(db: Db, userId: string) {
  return db.selectFrom('totp_factors').selectAll().where('user_id', '=', userId).executeTakeFirst()
}

/** A new, unconfirmed secret for the user, replacing an unconfirmed one they had. */
export async function upsertTotpSecret(
  db: Db,
  userId: string,
  sealed: string,
  now: string,
): Promise<void> {
  await db
    .insertInto('totp_factors')
    .values({
      user_id: userId,
      secret: sealed,
      confirmed_at: null,
      last_time_step: null,
      created_at: now,
    })
    .onConflict((oc) =>
      oc
        .column('user_id')
        .doUpdateSet({ secret: sealed, confirmed_at: null, last_time_step: null }),
    )
    .execute()
}

export async function confirmTotp(
  db: Db,
  userId: string,
  timeStep: number,
  now: string,
): Promise<void> {
  await db
    .updateTable('totp_factors')
    .set({ confirmed_at: now, last_time_step: timeStep })
    .where('user_id', '=', userId)
    .execute()
}

export async function deleteTotp(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('totp_factors').where('user_id', '=', userId).execute()
}

/**
 * Records `timeStep` as used, only if no other request recorded it (or a later one) first:
 * two simultaneous sign-ins with the same code cannot both succeed.
 */
export async function markTotpUsed(
  db: Db,
  userId: string,
  timeStep: number,
  previous: number | null,
): Promise<boolean> {
  let query = db
    .updateTable('totp_factors')
    .set({ last_time_step: timeStep })
    .where('user_id', '=', userId)
  query =
    previous === null
      ? query.where('last_time_step', 'is', null)
      : query.where('last_time_step', '=', previous)
  const result = await query.executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

// Recovery codes

export async function replaceRecoveryCodeHashes(
  db: Db,
  userId: string,
  hashes: readonly string[],
  now: string,
): Promise<void> {
  await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute()
  await db
    .insertInto('recovery_codes')
    .values(
      hashes.map((hash) => ({ code_hash: hash, user_id: userId, created_at: now, used_at: null })),
    )
    .execute()
}

/** Spends a code if it is this user's and unused; the conditional update makes it single-use. */
export async function spendRecoveryCodeHash(
  db: Db,
  userId: string,
  hash: string,
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('recovery_codes')
    .set({ used_at: now })
    .where('code_hash', '=', hash)
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
