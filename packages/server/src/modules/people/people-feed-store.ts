import type { Db } from '../../db/db-handle.js'
import { type CaseViewer, caseVisibleTo } from './case-store.js'

/**
 * Where a feed of changed rows stopped: the last row's feed sequence number (set by the database
 * in commit order on every insert and update; see the 2026-12-07-1200 migration).
 */
export type FeedPosition = number

/**
 * People of these compartments changed after `after`, oldest change first: what a field device
 * pulls. Only pseudonymous and non-identifying columns are read (never the sealed identity).
 */
export async function peopleChangedAfter(
  db: Db,
  compartmentIds: readonly string[],
  after: FeedPosition | null,
  limit: number,
) {
  if (compartmentIds.length === 0) return []
  let query = db
    .selectFrom('people')
    .select([
      'id',
      'compartment_id',
      'code',
      'age_band',
      'situation',
      'arrival_month',
      'languages',
      'version',
      'merged_into_id',
      'feed_seq',
    ])
    .where('compartment_id', 'in', compartmentIds)
  if (after !== null) query = query.where('feed_seq', '>', after)
  return query.orderBy('feed_seq').limit(limit).execute()
}

/**
 * Cases of these compartments changed after `after` (status, priority, version; no summary),
 * leaving out the restricted ones the viewer may not see (case-restriction.ts).
 */
export async function casesChangedAfter(
  db: Db,
  compartmentIds: readonly string[],
  viewer: CaseViewer,
  after: FeedPosition | null,
  limit: number,
) {
  if (compartmentIds.length === 0) return []
  let query = db
    .selectFrom('cases')
    .innerJoin('people', 'people.id', 'cases.person_id')
    .select([
      'cases.id',
      'cases.compartment_id',
      'cases.code',
      'people.code as person_code',
      'cases.type',
      'cases.status',
      'cases.priority',
      'cases.version',
      'cases.feed_seq',
    ])
    .where('cases.compartment_id', 'in', compartmentIds)
    .where(caseVisibleTo(viewer))
  if (after !== null) query = query.where('cases.feed_seq', '>', after)
  return query.orderBy('cases.feed_seq').limit(limit).execute()
}

/** The open follow-ups of some cases (ids and due dates; the sealed title stays on the server). */
export async function openFollowUpsOf(db: Db, caseIds: readonly string[]) {
  if (caseIds.length === 0) return []
  return db
    .selectFrom('follow_ups')
    .select(['id', 'case_id', 'due_on'])
    .where('case_id', 'in', caseIds)
    .where('done_at', 'is', null)
    .orderBy('due_on')
    .execute()
}
