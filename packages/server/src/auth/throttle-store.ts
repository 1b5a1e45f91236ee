import { type RawBuilder, sql } from 'kysely'
import { type Db, inTransaction } from '../db/db-handle.js'

/** How one counter grows: attempts allowed free, then a delay doubling from 1 s up to a cap. */
export interface ThrottleLimit {
  freeFailures: number
  maxDelayMs: number
}

/** Counters reset after this long without an attempt. */
export const FORGET_AFTER_MS = 60 * 60_000

/** Delay after the n-th counted attempt: nothing for the free ones, then 1 s, 2 s, 4 s … up to the cap. */
export function delayAfter(failures: number, limit: ThrottleLimit): number {
  if (failures <= limit.freeFailures) return 0
  return Math.min(1000 * 2 ** Math.min(failures - limit.freeFailures - 1, 30), limit.maxDelayMs)
}

/** blocked_until of a counter that does not hold anyone back. */
const UNBLOCKED = new Date(0).toISOString()

/** Refused: the write that would have counted the attempt found one of its counters blocked. */
class Blocked extends Error {}

/**
 * Counts one attempt against every counter in `claims`, all or none, and says whether it may go
 * ahead. Counting and deciding are one conditional upsert per counter: the row is updated only if
 * it is not blocked now, and the update sets the next block from the new count. PostgreSQL runs
 * concurrent upserts of one row one after the other and re-checks the condition on the row as the
 * previous one left it, so a burst of simultaneous attempts (from any number of servers) is
 * decided exactly as the same attempts one after another. Counters are taken in key order, so
 * two attempts sharing counters never wait on each other in a cycle.
 */
export async function claimAttempt(
  db: Db,
  claims: readonly { key: string; limit: ThrottleLimit }[],
  now: Date,
): Promise<{ allowed: true } | { allowed: false; waitMs: number }> {
  const sorted = [...claims].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  try {
    await inTransaction(db, async (trx) => {
      for (const claim of sorted) {
        if (!(await countUnlessBlocked(trx, claim.key, claim.limit, now))) throw new Blocked()
      }
    })
    return { allowed: true }
  } catch (error) {
    if (!(error instanceof Blocked)) throw error
    return { allowed: false, waitMs: await waitFor(db, sorted, now) }
  }
}

async function countUnlessBlocked(
  db: Db,
  key: string,
  limit: ThrottleLimit,
  now: Date,
): Promise<boolean> {
  const at = now.toISOString()
  const staleBefore = new Date(now.getTime() - FORGET_AFTER_MS).toISOString()
  // A free attempt leaves the counter unblocked (the epoch), not "blocked until now": with real
  // clocks, a simultaneous attempt stamped a millisecond earlier would otherwise find itself blocked.
  const until = (n: number) => {
    const delay = delayAfter(n, limit)
    return delay === 0 ? UNBLOCKED : new Date(now.getTime() + delay).toISOString()
  }
  // blocked_until for the new count, spelled out per count until the delay reaches its cap.
  const steps: RawBuilder<unknown>[] = []
  for (let n = limit.freeFailures + 1; delayAfter(n - 1, limit) < limit.maxDelayMs; n++)
    steps.push(sql`when login_throttle.failures + 1 = ${n} then ${until(n)}`)
  const row = await db
    .insertInto('login_throttle')
    .values({ key, failures: 1, last_failure_at: at, blocked_until: until(1) })
    .onConflict((oc) =>
      oc
        .column('key')
        .doUpdateSet({
          failures: sql<number>`case when login_throttle.last_failure_at < ${staleBefore} then 1 else login_throttle.failures + 1 end`,
          last_failure_at: at,
          blocked_until: sql<string>`case when login_throttle.last_failure_at < ${staleBefore} then ${until(1)}
            when login_throttle.failures + 1 <= ${limit.freeFailures} then ${UNBLOCKED}
            ${sql.join(steps, sql` `)}
            else ${until(Number.MAX_SAFE_INTEGER)} end`,
        })
        .where('login_throttle.blocked_until', '<=', at),
    )
    .returning('failures')
    .executeTakeFirst()
  return row !== undefined
}

async function waitFor(db: Db, claims: readonly { key: string }[], now: Date): Promise<number> {
  const rows = await db
    .selectFrom('login_throttle')
    .select('blocked_until')
    .where(
      'key',
      'in',
      claims.map((c) => c.key),
    )
    .execute()
  return Math.max(0, ...rows.map((r) => Date.parse(r.blocked_until) - now.getTime()))
}

/** Forgets counters (an account's, after it proved itself). */
export async function clearCounters(db: Db, keys: readonly string[]): Promise<void> {
  if (keys.length > 0) await db.deleteFrom('login_throttle').where('key', 'in', keys).execute()
}

/**
 * Takes back one counted attempt that turned out right (a colleague's successful sign-in from
 * the same office address), without touching a block already earned.
 */
export async function uncount(db: Db, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return
  await db
    .updateTable('login_throttle')
    .set({ failures: sql<number>`failures - 1` })
    .where('key', 'in', keys)
    .where('failures', '>', 0)
    .execute()
}
