import { createHmac } from 'node:crypto'
import type { Db } from '../db/db-handle.js'

/**
 * Growing delays for failed sign-ins, kept in the database so every server instance sees them.
 * Three counters: the account from this client (tight), the client across accounts (tight), and
 * the account from anywhere (loose, capped at a minute, so an attacker spraying from many
 * addresses cannot lock a colleague out for long). Nothing is ever locked for good.
 */
export interface ThrottleRule {
  scope: 'account+client' | 'client' | 'account'
  freeFailures: number
  maxDelayMs: number
}

export const THROTTLE_RULES: readonly ThrottleRule[] = [
  { scope: 'account+client', freeFailures: 5, maxDelayMs: 15 * 60_000 },
  { scope: 'client', freeFailures: 20, maxDelayMs: 15 * 60_000 },
  { scope: 'account', freeFailures: 10, maxDelayMs: 60_000 },
]

/** Counters reset after this long without a failure. */
const FORGET_AFTER_MS = 60 * 60_000

/** Delay after the n-th failure: nothing for the free ones, then 1 s, 2 s, 4 s … up to the cap. */
export function delayAfter(failures: number, rule: ThrottleRule): number {
  if (failures <= rule.freeFailures) return 0
  return Math.min(1000 * 2 ** Math.min(failures - rule.freeFailures - 1, 30), rule.maxDelayMs)
}

/**
 * Keys are keyed hashes: the table never holds a login name or an IP address in the clear. The
 * key comes from the organisation's settings (see throttleSecret).
 */
export function throttleKeys(
  secret: string,
  loginName: string,
  client: string,
): Record<ThrottleRule['scope'], string> {
  const h = (value: string) =>
    createHmac('sha256', secret).update(value).digest('base64url').slice(0, 32)
  return {
    'account+client': h(`ac:${loginName}\0${client}`),
    client: h(`c:${client}`),
    account: h(`a:${loginName}`),
  }
}

/** Milliseconds until a sign-in may be tried again (0: now). */
export async function throttleWait(
  db: Db,
  keys: Record<ThrottleRule['scope'], string>,
  now: Date,
): Promise<number> {
  const rows = await db
    .selectFrom('login_throttle')
    .select(['blocked_until'])
    .where('key', 'in', Object.values(keys))
    .execute()
  return Math.max(0, ...rows.map((r) => Date.parse(r.blocked_until) - now.getTime()))
}

export async function recordFailure(
  db: Db,
  keys: Record<ThrottleRule['scope'], string>,
  now: Date,
): Promise<void> {
  for (const rule of THROTTLE_RULES) {
    const key = keys[rule.scope]
    const row = await db
      .selectFrom('login_throttle')
      .selectAll()
      .where('key', '=', key)
      .executeTakeFirst()
    const stale = row && now.getTime() - Date.parse(row.last_failure_at) > FORGET_AFTER_MS
    const failures = !row || stale ? 1 : row.failures + 1
    const blockedUntil = new Date(now.getTime() + delayAfter(failures, rule)).toISOString()
    await db
      .insertInto('login_throttle')
      .values({ key, failures, last_failure_at: now.toISOString(), blocked_until: blockedUntil })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          failures,
          last_failure_at: now.toISOString(),
          blocked_until: blockedUntil,
        }),
      )
      .execute()
  }
}

/** A success forgets the account's failures (from this client and overall), not the client's. */
export async function recordSuccess(
  db: Db,
  keys: Record<ThrottleRule['scope'], string>,
): Promise<void> {
  await db
    .deleteFrom('login_throttle')
    .where('key', 'in', [keys['account+client'], keys.account])
    .execute()
}
