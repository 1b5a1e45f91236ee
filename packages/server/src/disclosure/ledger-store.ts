import {
  type DisclosureLedger,
  EMPTY_LEDGER,
  type LedgerRelease,
  parseLedger,
} from '@haven/disclosure'
import type { Db } from '../db/db-handle.js'

/** Every release recorded, oldest first, as the ledger the differencing guard reads. */
export async function readLedger(db: Db): Promise<DisclosureLedger> {
  const rows = await db
    .selectFrom('disclosure_releases')
    .select('release_json')
    .orderBy('recorded_at')
    .orderBy('release_id')
    .execute()
  if (rows.length === 0) return EMPTY_LEDGER
  return parseLedger({
    version: 1,
    releases: rows.map((r) => JSON.parse(r.release_json) as unknown),
  })
}

/** Adds a release that passed the guard; a release id is recorded once (the key refuses a second). */
export async function recordLedgerRelease(
  db: Db,
  release: LedgerRelease,
  source: 'annual-report' | 'impact-figures',
  at: string,
): Promise<void> {
  await db
    .insertInto('disclosure_releases')
    .values({
      release_id: release.id,
      source,
      recorded_at: at,
      release_json: JSON.stringify(release),
    })
    .execute()
}

/**
 * Two ledgers as one (an annual report's frozen ledger and the recorded releases), each release
 * once, in date order: the guard must see every release, whichever kept it.
 */
export function mergeLedgers(a: DisclosureLedger, b: DisclosureLedger): DisclosureLedger {
  const byId = new Map<string, LedgerRelease>()
  for (const release of [...a.releases, ...b.releases])
    if (!byId.has(release.id)) byId.set(release.id, release)
  const releases = [...byId.values()].sort((x, y) =>
    x.date < y.date ? -1 : x.date > y.date ? 1 : 0,
  )
  return { version: 1, releases }
}
