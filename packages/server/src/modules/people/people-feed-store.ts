import type { Db } from '../../db/db-handle.js'

/** Where a feed of changed rows stopped: the last row's change time and id (keyset order). */
export interface FeedPosition {
  at: string
  id: string
}

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
      'updated_at',
      'merged_into_id',
    ])
    .where('compartment_id', 'in', compartmentIds)
  if (after)
    query = query.where((eb) =>
      eb.or([
        eb('updated_at', '>', after.at),
        eb.and([eb('updated_at', '=', after.at), eb('id', '>', after.id)]),
      ]),
    )
  return query.orderBy('updated_at').orderBy('id').limit(limit).execute()
}

/** Cases of these compartments changed after `after` (status, priority, version; no summary). */
export async function casesChangedAfter(
  db: Db,
  compartmentIds: readonly string[],
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
      'cases.updated_at',
    ])
    .where('cases.compartment_id', 'in', compartmentIds)
  if (after)
    query = query.where((eb) =>
      eb.or([
        eb('cases.updated_at', '>', after.at),
        eb.and([eb('cases.updated_at', '=', after.at), eb('cases.id', '>', after.id)]),
      ]),
    )
  return query.orderBy('cases.updated_at').orderBy('cases.id').limit(limit).execute()
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
