import { sql } from 'kysely'
import type { Db } from '../../db/db-handle.js'
import type { PeopleTable } from './people-tables.js'

/** The next number of a per-compartment sequence (person and case codes), atomically. */
export async function nextCounter(
  db: Db,
  compartmentId: string,
  kind: 'person' | 'case',
): Promise<number> {
  const row = await db
    .insertInto('compartment_counters')
    .values({ compartment_id: compartmentId, kind, value: 1 })
    .onConflict((oc) =>
      oc
        .columns(['compartment_id', 'kind'])
        .doUpdateSet({ value: sql`compartment_counters.value + 1` }),
    )
    .returning('value')
    .executeTakeFirstOrThrow()
  return Number(row.value)
}

export async function insertPerson(db: Db, row: PeopleTable): Promise<void> {
  await db.insertInto('people').values(row).execute()
}

export async function findPerson(db: Db, id: string): Promise<PeopleTable | undefined> {
  return db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function findPeople(db: Db, ids: readonly string[]): Promise<PeopleTable[]> {
  if (ids.length === 0) return []
  return db.selectFrom('people').selectAll().where('id', 'in', ids).execute()
}

/** Applies changes only if the row is still at `version`; false means someone saved first. */
export async function updatePersonIfVersion(
  db: Db,
  id: string,
  version: number,
  changes: Partial<PeopleTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('people')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function touchPerson(
  db: Db,
  id: string,
  at: string,
  changes: Partial<PeopleTable> = {},
): Promise<void> {
  await db
    .updateTable('people')
    .set({ ...changes, last_activity_at: at })
    .where('id', '=', id)
    .execute()
}

export async function replaceTags(
  db: Db,
  personId: string,
  compartmentId: string,
  tags: readonly string[],
): Promise<void> {
  await db.deleteFrom('person_tags').where('person_id', '=', personId).execute()
  const unique = [...new Set(tags)]
  if (unique.length > 0) {
    await db
      .insertInto('person_tags')
      .values(unique.map((tag) => ({ person_id: personId, compartment_id: compartmentId, tag })))
      .execute()
  }
}

export async function tagsOf(db: Db, personIds: readonly string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>()
  if (personIds.length === 0) return map
  const rows = await db
    .selectFrom('person_tags')
    .select(['person_id', 'tag'])
    .where('person_id', 'in', personIds)
    .orderBy('tag')
    .execute()
  for (const row of rows) map.set(row.person_id, [...(map.get(row.person_id) ?? []), row.tag])
  return map
}

export async function replaceTerms(
  db: Db,
  personId: string,
  compartmentId: string,
  terms: readonly string[],
): Promise<void> {
  await db.deleteFrom('person_terms').where('person_id', '=', personId).execute()
  const unique = [...new Set(terms)]
  // Batches stay under SQLite's bound-parameter limit whatever the number of name variants.
  for (let i = 0; i < unique.length; i += 200) {
    await db
      .insertInto('person_terms')
      .values(
        unique
          .slice(i, i + 200)
          .map((term) => ({ person_id: personId, compartment_id: compartmentId, term })),
      )
      .execute()
  }
}

export async function insertHistory(
  db: Db,
  personId: string,
  version: number,
  fields: readonly string[],
  at: string,
  by: string | null,
) {
  await db
    .insertInto('people_history')
    .values({
      person_id: personId,
      version,
      changed_fields: JSON.stringify(fields),
      changed_at: at,
      changed_by: by,
    })
    .execute()
}

/** Fields changed by versions after `version`: what someone else saved since the editor loaded the record. */
export async function fieldsChangedSince(
  db: Db,
  personId: string,
  version: number,
): Promise<string[]> {
  const rows = await db
    .selectFrom('people_history')
    .select('changed_fields')
    .where('person_id', '=', personId)
    .where('version', '>', version)
    .execute()
  return [...new Set(rows.flatMap((r) => JSON.parse(r.changed_fields) as string[]))].sort()
}

export interface PeopleFilter {
  compartmentIds: readonly string[]
  codePrefix?: string | undefined
  terms?: readonly string[] | undefined
  situation?: string | undefined
  tag?: string | undefined
  caseType?: string | undefined
  caseStatus?: string | undefined
  sort: 'code' | 'last_activity' | 'priority'
  after?: readonly [string | number, string] | undefined
  limit: number
}

type SortColumn = 'code' | 'last_activity_at' | 'open_priority' | 'id'
const ORDER: Record<PeopleFilter['sort'], readonly (readonly [SortColumn, 'asc' | 'desc'])[]> = {
  code: [['code', 'asc']],
  last_activity: [
    ['last_activity_at', 'desc'],
    ['id', 'desc'],
  ],
  priority: [
    ['open_priority', 'desc'],
    ['code', 'asc'],
  ],
}

/**
 * One page of people, keyset-paged on the sort key and id (stable and fast at any depth).
 * Merged records are left out; they are reached through the person they were merged into.
 *
 * A page over several compartments is one ordered index walk per compartment (each index leads
 * with the compartment), the walks joined and cut to the page: its cost is compartments × page,
 * not the number of people. A single `compartment_id IN (…) ORDER BY code` query had to sort every
 * person of those compartments for each page (2.4 s at a million people on SQLite; bench/RESULTS.md).
 * A name search instead starts from the blind-index terms, which find the few matches directly.
 */
export async function searchPeople(db: Db, filter: PeopleFilter): Promise<PeopleTable[]> {
  if (filter.compartmentIds.length === 0) return []
  if (filter.terms && filter.terms.length === 0) return []
  if (filter.terms || filter.compartmentIds.length === 1)
    return orderedPage(db, filter, filter.compartmentIds).execute()
  const [first, ...rest] = filter.compartmentIds.map((id, i) =>
    db.selectFrom(orderedPage(db, filter, [id]).as(`c${i}`)).selectAll(),
  )
  if (!first) return []
  const union = rest.reduce((all, branch) => all.unionAll(branch), first)
  let query = db.selectFrom(union.as('page')).selectAll()
  for (const [column, direction] of ORDER[filter.sort]) query = query.orderBy(column, direction)
  return query.limit(filter.limit).execute()
}

function orderedPage(db: Db, filter: PeopleFilter, compartmentIds: readonly string[]) {
  let query = db.selectFrom('people').selectAll().where('merged_into_id', 'is', null)
  const [only] = compartmentIds
  query =
    compartmentIds.length === 1 && only !== undefined
      ? query.where('compartment_id', '=', only)
      : query.where('compartment_id', 'in', compartmentIds)
  if (filter.codePrefix)
    query = query.where('code', 'like', `${filter.codePrefix.replace(/[%_\\]/g, '')}%`)
  if (filter.terms) {
    const terms = filter.terms
    query = query.where('id', 'in', (eb) =>
      eb
        .selectFrom('person_terms')
        .select('person_terms.person_id')
        .where('person_terms.compartment_id', 'in', compartmentIds)
        .where('person_terms.term', 'in', terms),
    )
  }
  if (filter.situation) query = query.where('situation', '=', filter.situation)
  if (filter.tag) {
    const tag = filter.tag
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('person_tags')
          .select('person_tags.person_id')
          .whereRef('person_tags.person_id', '=', 'people.id')
          .where('person_tags.tag', '=', tag),
      ),
    )
  }
  if (filter.caseType || filter.caseStatus) {
    const { caseType, caseStatus } = filter
    query = query.where((eb) => {
      let sub = eb
        .selectFrom('cases')
        .select('cases.id')
        .whereRef('cases.person_id', '=', 'people.id')
      if (caseType) sub = sub.where('cases.type', '=', caseType)
      if (caseStatus) sub = sub.where('cases.status', '=', caseStatus)
      return eb.exists(sub)
    })
  }
  if (filter.after) {
    const after = filter.after
    if (filter.sort === 'code') query = query.where('code', '>', String(after[0]))
    else if (filter.sort === 'last_activity') {
      const [at, id] = after
      query = query.where((eb) =>
        eb.or([
          eb('last_activity_at', '<', String(at)),
          eb.and([eb('last_activity_at', '=', String(at)), eb('id', '<', id)]),
        ]),
      )
    } else {
      const [priority, code] = after
      query = query.where((eb) =>
        eb.or([
          eb('open_priority', '<', Number(priority)),
          eb.and([eb('open_priority', '=', Number(priority)), eb('code', '>', code)]),
        ]),
      )
    }
  }
  for (const [column, direction] of ORDER[filter.sort]) query = query.orderBy(column, direction)
  return query.limit(filter.limit)
}

/** People matching any of `terms` (exact name terms) in these compartments, with which terms matched. */
export async function peopleByTerms(
  db: Db,
  compartmentIds: readonly string[],
  terms: readonly string[],
) {
  if (compartmentIds.length === 0 || terms.length === 0) return []
  return db
    .selectFrom('person_terms')
    .innerJoin('people', 'people.id', 'person_terms.person_id')
    .select(['people.id', 'people.code', 'people.compartment_id', 'person_terms.term'])
    .where('person_terms.compartment_id', 'in', compartmentIds)
    .where('person_terms.term', 'in', terms)
    .where('people.merged_into_id', 'is', null)
    .limit(500)
    .execute()
}

export async function linksOf(db: Db, personId: string) {
  return db
    .selectFrom('person_links')
    .innerJoin('people', 'people.id', 'person_links.related_person_id')
    .select([
      'person_links.id',
      'person_links.related_person_id',
      'person_links.relation',
      'people.code',
    ])
    .where('person_links.person_id', '=', personId)
    .orderBy('person_links.created_at')
    .execute()
}

export async function compartmentCodes(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map()
  const rows = await db
    .selectFrom('compartments')
    .select(['id', 'code'])
    .where('id', 'in', [...new Set(ids)])
    .execute()
  return new Map(rows.map((r) => [r.id, r.code]))
}

export async function allCompartmentIds(db: Db): Promise<string[]> {
  return (await db.selectFrom('compartments').select('id').execute()).map((r) => r.id)
}
