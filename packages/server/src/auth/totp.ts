import { generateSecret, generateURI, verify } from 'otplib'
import type { Db } from '../db/db-handle.js'

/**
 * TOTP (RFC 6238, 6 digits, 30 s) as every authenticator app speaks it. A code is accepted for the
 * current step and one either side (clock drift), and never twice: the last accepted step is
 * stored and `afterTimeStep` refuses it and anything older.
 */
export function newTotpSecret(): string {
  return generateSecret()
}

export function totpUri(secret: string, account: string, issuer: string): string {
  return generateURI({ issuer, label: account, secret })
}

export async function checkTotp(
  secret: string,
  code: string,
  lastTimeStep: number | null,
  now: Date,
): Promise<number | null> {
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: 30,
    ...(lastTimeStep !== null ? { afterTimeStep: lastTimeStep } : {}),
  })
  return result.valid && 'timeStep' in result ? result.timeStep : null
}

export async function findTotp(db: Db, userId: string) {
  return db.selectFrom('totp_factors').selectAll().where('user_id', '=', userId).executeTakeFirst()
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
