import { createHmac } from 'node:crypto'
import type { Db } from '../../db/db-handle.js'
import { countRateLimit, deleteExpiredRateLimits, findRateLimit } from './inbox-store.js'

export interface RateLimits {
  /** Messages one client may send per window. */
  perClient: number
  /** Messages everyone together may send per window: a flood cannot fill the inbox. */
  overall: number
  windowMs: number
}

export const DEFAULT_RATE_LIMITS: RateLimits = Object.freeze({
  perClient: 5,
  overall: 300,
  windowMs: 60 * 60_000,
})

/**
 * The client's bucket key: an HMAC of its address with a server secret and the day. The table
 * never holds an address, a key cannot be reversed without the secret, and yesterday's keys
 * cannot be linked to today's.
 */
export function clientBucket(key: Buffer, clientAddress: string, now: Date): string {
  const day = now.toISOString().slice(0, 10)
  return `c:${createHmac('sha256', key).update(`${day}\0${clientAddress}`).digest('base64url').slice(0, 32)}`
}

/**
 * Counts one submission against each bucket and says whether it is allowed, in seconds to wait
 * otherwise. Expired rows are removed as a side effect, so the table stays small.
 */
export async function takeRateLimit(
  db: Db,
  buckets: readonly { key: string; limit: number }[],
  limits: RateLimits,
  now: Date,
): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }> {
  const nowIso = now.toISOString()
  await deleteExpiredRateLimits(db, nowIso)
  let wait = 0
  for (const bucket of buckets) {
    const row = await findRateLimit(db, bucket.key)
    if (row && row.count >= bucket.limit)
      wait = Math.max(wait, Math.ceil((Date.parse(row.expires_at) - now.getTime()) / 1000))
  }
  if (wait > 0) return { allowed: false, retryAfterSeconds: wait }
  const expires = new Date(now.getTime() + limits.windowMs).toISOString()
  for (const bucket of buckets) {
    await countRateLimit(db, bucket.key, nowIso, expires)
  }
  return { allowed: true }
}
