import { type ExpressionBuilder, sql } from 'kysely'
import { compiledShape, type SlotValue } from '../../db/compiled-shapes.js'
import type { Db } from '../../db/db-handle.js'
import { isPostgres } from '../../db/dialect.js'
import type { Database } from '../../db/schema.js'
import type { CasesTable, PeopleTable, PersonTermsTable } from './people-tables.js'

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

/**
 * Advances a compartment's counter by `count` in one statement and returns the first of the
 * values taken (an import registering 500 people takes 500 codes in one round trip).
 */
export async function nextCounters(
  db: Db,
  compartmentId: string,
  kind: 'person' | 'case',
  count: number,
): Promise<number> {
  const row = await db
    .insertInto('compartment_counters')
    .values({ compartment_id: compartmentId, kind, value: count })
    .onConflict((oc) =>
      oc
        .columns(['compartment_id', 'kind'])
        .doUpdateSet({ value: sql`compartment_counters.value + ${count}` }),
    )
    .returning('value')
    .executeTakeFirstOrThrow()
  return Number(row.value) - count + 1
}

/** Rows per insert statement: under SQLite's and PostgreSQL's bound-parameter limits. */
const ROWS_PER_INSERT = 1000

async function insertChunked<T>(
  rows: readonly T[],
  perRow: number,
  insert: (chunk: T[]) => Promise<unknown>,
) {
  const size = Math.max(1, Math.floor((ROWS_PER_INSERT * 8) / perRow))
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size))
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/**
 * The rows of newly registered people in a few statements: the people, their tags, search terms
 * (with each person's code) and first history entry. For people who have none of these yet.
 */
export async function insertNewPeople(
  db: Db,
  people: readonly {
    row: PeopleTable
    tags: readonly string[]
    terms: readonly string[]
    by: string | null
  }[],
): Promise<void> {
  if (people.length === 0) return
  await insertChunked(
    people.map((p) => p.row),
    17,
    (chunk) => db.insertInto('people').values(chunk).execute(),
  )
  const tags = people.flatMap((p) =>
    [...new Set(p.tags)].map((tag) => ({
      person_id: p.row.id,
      compartment_id: p.row.compartment_id,
      tag,
    })),
  )
  await insertChunked(tags, 3, (chunk) => db.insertInto('person_tags').values(chunk).execute())
  const terms = people.flatMap((p) =>
    [...new Set(p.terms)].map((term) => ({
      person_id: p.row.id,
      compartment_id: p.row.compartment_id,
      term,
      code: p.row.code,
    })),
  )
  // In the order of the term index: keyed terms are random, so unsorted each insert descends to
  // another page of a large index; sorted, consecutive inserts land on the same or the next page
  // (an import of 100,000 people: 2.6 M terms, half the CPU of inserting them, bench/RESULTS.md).
  terms.sort(
    (a, b) => compareText(a.compartment_id, b.compartment_id) || compareText(a.term, b.term),
  )
  await insertChunked(terms, 4, (chunk) => db.insertInto('person_terms').values(chunk).execute())
  await insertChunked(
    people.map((p) => ({
      person_id: p.row.id,
      version: 1,
      changed_fields: JSON.stringify(['created']),
      changed_at: p.row.created_at,
      changed_by: p.by,
    })),
    5,
    (chunk) => db.insertInto('people_history').values(chunk).execute(),
  )
}

export async function insertPerson(db: Db, row: PeopleTable): Promise<void> {
  await db.insertInto('people').values(row).execute()
}

export async function findPerson(db: Db, id: string): Promise<PeopleTable | undefined> {
  return db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst()
}

/** Person codes by id, for the audit log's "Record" column (codes only, never a name). */
export async function personCodes(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map()
  const rows = await db.selectFrom('people').select(['id', 'code']).where('id', 'in', ids).execute()
  return new Map(rows.map((r) => [r.id, r.code]))
}

export async function findPeople(db: Db, ids: readonly string[]): Promise<PeopleTable[]> {
  if (ids.length === 0) return []
  const compiled = compiledShape(db, `people.find:${ids.length}`, ids, (v) =>
    db.selectFrom('people').selectAll().where('id', 'in', v.map(String)),
  )
  return (await db.executeQuery(compiled)).rows
}

/** The person registered under `code` in a compartment (codes are unique per compartment). */
export async function findPersonByCodeIn(
  db: Db,
  compartmentId: string,
  code: string,
): Promise<PeopleTable | undefined> {
  return db
    .selectFrom('people')
    .selectAll()
    .where('compartment_id', '=', compartmentId)
    .where('code', '=', code)
    .executeTakeFirst()
}

/** `findPersonByCodeIn` for many codes of one compartment (a batch of field distributions). */
export async function findPeopleByCodesIn(
  db: Db,
  compartmentId: string,
  codes: readonly string[],
): Promise<PeopleTable[]> {
  const found: PeopleTable[] = []
  for (let at = 0; at < codes.length; at += 1000)
    found.push(
      ...(await db
        .selectFrom('people')
        .selectAll()
        .where('compartment_id', '=', compartmentId)
        .where('code', 'in', codes.slice(at, at + 1000))
        .execute()),
    )
  return found
}

/** People registered in a compartment and not merged away, by code (ids and codes only). */
export async function peopleByCode(
  db: Db,
  compartmentId: string,
  limit: number,
): Promise<{ id: string; code: string }[]> {
  return db
    .selectFrom('people')
    .select(['id', 'code'])
    .where('compartment_id', '=', compartmentId)
    .where('merged_into_id', 'is', null)
    .orderBy('code')
    .limit(limit)
    .execute()
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
  const { rows } = await db.executeQuery(
    compiledShape(db, `people.tags:${personIds.length}`, personIds, (ids) =>
      db
        .selectFrom('person_tags')
        .select(['person_id', 'tag'])
        .where('person_id', 'in', ids.map(String))
        .orderBy('tag'),
    ),
  )
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
  if (unique.length === 0) return
  const { code } = await db
    .selectFrom('people')
    .select('code')
    .where('id', '=', personId)
    .executeTakeFirstOrThrow()
  // Batches stay under SQLite's bound-parameter limit whatever the number of name variants.
  for (let i = 0; i < unique.length; i += 200) {
    await db
      .insertInto('person_terms')
      .values(
        unique
          .slice(i, i + 200)
          .map((term) => ({ person_id: personId, compartment_id: compartmentId, term, code })),
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
  /**
   * Blind-index terms of a name search, by compartment: each compartment has its own index key,
   * so a term can only match in the compartment it was computed for.
   */
  terms?: ReadonlyMap<string, readonly string[]> | undefined
  situation?: string | undefined
  tag?: string | undefined
  caseType?: string | undefined
  caseStatus?: string | undefined
  sort: 'code' | 'last_activity' | 'priority'
  after?: readonly [string | number, string] | undefined
  limit: number
}

const FEW = 2000
/** Branches per statement: SQLite allows 500 terms in one compound select. */
const TERM_BRANCHES = 200

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
 * A name search with few matches starts from the blind-index terms instead, which find them directly.
 */
export async function searchPeople(
  db: Db,
  filter: PeopleFilter,
  /** Up to how many index entries a name search starts from them (tests lower it). */
  few = FEW,
  /** Terms per statement of a name search in code order on SQLite (tests lower it). */
  termBranches = TERM_BRANCHES,
): Promise<PeopleTable[]> {
  if (filter.compartmentIds.length === 0) return []
  if (filter.terms && [...filter.terms.values()].every((t) => t.length === 0)) return []
  if (filter.terms && onlyNamesByCode(filter))
    return nameSearchByCode(db, filter, filter.terms, termBranches)
  if (filter.terms && (await fewMatches(db, filter, few)))
    return orderedPage(db, filter, filter.compartmentIds, 'index').execute()
  // PostgreSQL walks the code (or activity) index of all people and filters by compartment, which
  // is what an organisation-wide role needs (0.1 ms at a million people); the per-compartment
  // walks below cost it 4.5 ms of planning and joining. SQLite has no such plan without statistics.
  if (filter.compartmentIds.length === 1 || isPostgres(db)) {
    const shape = pageShape(filter)
    if (!shape) return orderedPage(db, filter, filter.compartmentIds, 'walk').execute()
    const compiled = compiledShape(db, `people.walk:${shape.key}`, shape.values, (v) =>
      orderedPage(db, shape.filter(v), shape.filter(v).compartmentIds, 'walk'),
    )
    return (await db.executeQuery(compiled)).rows
  }
  // The walks carry only the sort keys: joining wide rows (the sealed identity) from every
  // compartment cost four times as much as the walks themselves. The page's rows come after.
  const walks = (f: PeopleFilter) => {
    const [first, ...rest] = f.compartmentIds.map((id, i) =>
      db
        .selectFrom(
          orderedPage(db, f, [id], 'walk')
            .clearSelect()
            .select(['id', 'code', 'last_activity_at', 'open_priority'])
            .as(`c${i}`),
        )
        .selectAll(),
    )
    if (!first) throw new Error('a union of walks needs a compartment')
    const union = rest.reduce((all, branch) => all.unionAll(branch), first)
    let query = db.selectFrom(union.as('page')).select('id')
    for (const [column, direction] of ORDER[f.sort]) query = query.orderBy(column, direction)
    return query.limit(f.limit)
  }
  const shape = pageShape(filter)
  const ids = shape
    ? (
        await db.executeQuery(
          compiledShape(db, `people.walks:${shape.key}`, shape.values, (v) =>
            walks(shape.filter(v)),
          ),
        )
      ).rows.map((r) => r.id)
    : (await walks(filter).execute()).map((r) => r.id)
  const rows = new Map((await findPeople(db, ids)).map((r) => [r.id, r]))
  return ids.flatMap((id) => rows.get(id) ?? [])
}

/**
 * A list query's structure (sort, how many compartments, which filters, whether a cursor) and
 * the values bound into it, so `compiledShape` compiles each structure once. Name and code
 * searches are left out: their terms vary in number and a code prefix is rewritten into a
 * pattern. The cursor's values are normalised here as `orderedPage` reads them.
 */
function pageShape(
  filter: PeopleFilter,
):
  | { key: string; values: SlotValue[]; filter: (values: readonly SlotValue[]) => PeopleFilter }
  | undefined {
  if (filter.terms || filter.codePrefix) return undefined
  const optional = [filter.situation, filter.tag, filter.caseType, filter.caseStatus] as const
  const after = filter.after
  const cursor: SlotValue[] = !after
    ? []
    : filter.sort === 'code'
      ? [String(after[0])]
      : filter.sort === 'last_activity'
        ? [String(after[0]), after[1]]
        : [Number(after[0]), after[1]]
  const n = filter.compartmentIds.length
  const present = optional.flatMap((v) => (v === undefined ? [] : [v]))
  return {
    key: JSON.stringify([filter.sort, n, optional.map((v) => v !== undefined), cursor.length]),
    values: [...filter.compartmentIds, ...present, ...cursor, filter.limit],
    filter: (values) => {
      let i = n
      const next = (given: unknown) => (given === undefined ? undefined : String(values[i++]))
      const [situation, tag, caseType, caseStatus] = optional.map(next)
      const taken = values.slice(i, i + cursor.length)
      const limit = Number(values[i + cursor.length])
      return {
        compartmentIds: values.slice(0, n).map(String),
        situation,
        tag,
        caseType,
        caseStatus,
        sort: filter.sort,
        after:
          cursor.length === 0
            ? undefined
            : cursor.length === 1
              ? [taken[0] ?? '', '']
              : [taken[0] ?? '', String(taken[1])],
        limit,
      }
    },
  }
}

/** A name search sorted by code with no other filter: the term index alone answers it. */
function onlyNamesByCode(filter: PeopleFilter): boolean {
  return (
    filter.sort === 'code' &&
    !filter.codePrefix &&
    !filter.situation &&
    !filter.tag &&
    !filter.caseType &&
    !filter.caseStatus
  )
}

/**
 * A page of a name search in code order, read from the (compartment, term, code, person) index:
 * one ordered branch per term of each compartment, each cut to the page, their union cut again.
 * A person among the page's first matches is among the first matches of a term they carry, so
 * the page is exact; the cost is terms × page, whatever the compartments hold — a surname common
 * in one compartment and rare in the others no longer walks every person of the others.
 * PostgreSQL gets the same walks as one `LATERAL` join over two arrays (one plan whatever the
 * number of terms, as the case list).
 */
async function nameSearchByCode(
  db: Db,
  filter: PeopleFilter,
  terms: ReadonlyMap<string, readonly string[]>,
  termBranches: number,
): Promise<PeopleTable[]> {
  const pairs = filter.compartmentIds.flatMap((id) =>
    [...new Set(terms.get(id) ?? [])].map((term) => [id, term] as const),
  )
  const after = filter.after ? String(filter.after[0]) : undefined
  let found: { person_id: string; code: string }[]
  if (isPostgres(db)) found = await termPageLateral(db, pairs, after, filter.limit)
  else {
    // SQLite compares codes byte by byte, as JavaScript does for these ASCII codes: the chunks'
    // pages merge here in the order the database would have given.
    found = []
    for (let i = 0; i < pairs.length; i += termBranches)
      found.push(
        ...(await termPageUnion(db, pairs.slice(i, i + termBranches), after, filter.limit)),
      )
    found.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
  }
  const ids = [...new Set(found.map((r) => r.person_id))].slice(0, filter.limit)
  const rows = new Map((await findPeople(db, ids)).map((r) => [r.id, r]))
  // Merging a person removes their terms; the check keeps a page right even if one slipped through.
  return ids.flatMap((id) => {
    const row = rows.get(id)
    return row && row.merged_into_id === null ? [row] : []
  })
}

async function termPageUnion(
  db: Db,
  pairs: readonly (readonly [string, string])[],
  after: string | undefined,
  limit: number,
): Promise<{ person_id: string; code: string }[]> {
  const [first, ...rest] = pairs.map(([compartmentId, term], i) => {
    let branch = db
      .selectFrom('person_terms')
      .select(['person_id', 'code'])
      .where('compartment_id', '=', compartmentId)
      .where('term', '=', term)
    if (after !== undefined) branch = branch.where('code', '>', after)
    return db.selectFrom(branch.orderBy('code').limit(limit).as(`t${i}`)).selectAll()
  })
  if (!first) return []
  const union = rest.reduce((all, branch) => all.unionAll(branch), first)
  return db
    .selectFrom(union.as('matches'))
    .select(['person_id', 'code'])
    .distinct()
    .orderBy('code')
    .limit(limit)
    .execute()
}

async function termPageLateral(
  db: Db,
  pairs: readonly (readonly [string, string])[],
  after: string | undefined,
  limit: number,
): Promise<{ person_id: string; code: string }[]> {
  const { rows } = await sql<{ person_id: string; code: string }>`
    select distinct w.person_id, w.code
    from unnest(${pairs.map((p) => p[0])}::text[], ${pairs.map((p) => p[1])}::text[]) as k(compartment_id, term)
    cross join lateral (
      select t.person_id, t.code from person_terms t
      where t.compartment_id = k.compartment_id and t.term = k.term
      ${after !== undefined ? sql`and t.code > ${after}` : sql``}
      order by t.code
      limit ${limit}
    ) w
    order by w.code
    limit ${limit}`.execute(db)
  return rows
}

/**
 * How many people the filters match, counting at most `cap` + 1 rows: the list says "25 of 1,204"
 * exactly, and "25 of more than 10,000" rather than counting a million people on every page.
 */
export async function countPeople(
  db: Db,
  filter: Omit<PeopleFilter, 'after' | 'limit' | 'sort'>,
  cap: number,
): Promise<{ total: number; capped: boolean }> {
  if (filter.compartmentIds.length === 0) return { total: 0, capped: false }
  if (filter.terms && [...filter.terms.values()].every((t) => t.length === 0))
    return { total: 0, capped: false }
  if (await surelyMoreThan(db, filter, cap)) return { total: cap, capped: true }
  const counting = (f: PeopleFilter) =>
    db
      .selectFrom(
        orderedPage(db, f, f.compartmentIds, 'index')
          .clearSelect()
          .clearOrderBy()
          .select('people.id')
          .as('matches'),
      )
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
  const all: PeopleFilter = { ...filter, sort: 'code', limit: cap + 1 }
  const shape = pageShape(all)
  const [row] = shape
    ? (
        await db.executeQuery(
          compiledShape(db, `people.count:${shape.key}`, shape.values, (v) =>
            counting(shape.filter(v)),
          ),
        )
      ).rows
    : await counting(all).execute()
  const n = Number(row?.n ?? 0)
  return n > cap ? { total: cap, capped: true } : { total: n, capped: false }
}

/**
 * Whether a name search alone (no other filter) surely matches more than `cap` people, known from
 * its index entries: a person has at most one entry per term searched, and a merged person's
 * entries are deleted, so (cap + 1) × terms entries mean more than `cap` people. Counting the
 * people themselves joined a common surname's 100,000 entries to the people (1.3 s at a million
 * people on PostgreSQL under load); this reads at most a few hundred entries.
 */
async function surelyMoreThan(
  db: Db,
  filter: Omit<PeopleFilter, 'after' | 'limit' | 'sort'>,
  cap: number,
): Promise<boolean> {
  const terms = filter.terms
  if (!terms || filter.codePrefix || filter.situation || filter.tag) return false
  if (filter.caseType || filter.caseStatus) return false
  const perPerson = Math.max(...[...terms.values()].map((t) => t.length))
  const enough = (cap + 1) * perPerson
  return !(await fewMatches(db, { ...filter, sort: 'code', limit: 1 }, enough - 1))
}

/**
 * Whether a name search matches few enough index entries to start from them (a full name: a
 * handful) rather than from the ordered walks (a common surname: a tenth of everyone, where
 * sorting all matches took 0.4–0.8 s at a million people but the walks find a page at once).
 */
async function fewMatches(db: Db, filter: PeopleFilter, few: number): Promise<boolean> {
  const terms = filter.terms
  if (!terms) return false
  const row = await db
    .selectFrom((eb) =>
      eb
        .selectFrom('person_terms')
        .select('person_id')
        .where((w) => termsIn(w, filter.compartmentIds, terms))
        .limit(few + 1)
        .as('matches'),
    )
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n) <= few
}

/** `(compartment_id = c1 AND term IN (c1's terms)) OR …`: one index range per compartment. */
function termsIn(
  eb: ExpressionBuilder<Database, 'person_terms'>,
  compartmentIds: readonly string[],
  terms: ReadonlyMap<string, readonly string[]>,
) {
  return eb.or(
    compartmentIds.flatMap((id) => {
      const own = terms.get(id) ?? []
      return own.length === 0
        ? []
        : [eb.and([eb('person_terms.compartment_id', '=', id), eb('person_terms.term', 'in', own)])]
    }),
  )
}

/**
 * `terms`: a name search tests each person of the walk against the index (`walk`: many matches,
 * the page fills at once) or starts from the index entries (`index`: few matches).
 */
function orderedPage(
  db: Db,
  filter: PeopleFilter,
  compartmentIds: readonly string[],
  terms: 'walk' | 'index',
) {
  let query = db.selectFrom('people').selectAll().where('merged_into_id', 'is', null)
  const [only] = compartmentIds
  query =
    compartmentIds.length === 1 && only !== undefined
      ? query.where('compartment_id', '=', only)
      : query.where('compartment_id', 'in', compartmentIds)
  if (filter.codePrefix)
    query = query.where('code', 'like', `${filter.codePrefix.replace(/[%_\\]/g, '')}%`)
  if (filter.terms) {
    const byCompartment = filter.terms
    // A walk covers one compartment: test each person against its own terms by the primary key
    // (person_id, term); naming the compartment here made SQLite scan every match per person.
    query =
      terms === 'walk'
        ? query.where((eb) =>
            eb.exists(
              eb
                .selectFrom('person_terms')
                .select('person_terms.person_id')
                .whereRef('person_terms.person_id', '=', 'people.id')
                // '' is no term: it keeps the list non-empty for a compartment without terms.
                .where('person_terms.term', 'in', [
                  ...compartmentIds.flatMap((id) => byCompartment.get(id) ?? []),
                  '',
                ]),
            ),
          )
        : query.where('id', 'in', (eb) =>
            eb
              .selectFrom('person_terms')
              .select('person_terms.person_id')
              .where((w) => termsIn(w, compartmentIds, byCompartment)),
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
        // A restricted case (case-restriction.ts) finds nobody, whoever searches.
        .where('cases.restriction', 'is', null)
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

/** Name terms and birth-year terms of one person to match (a registration, a row of an import). */
export interface TermsToMatch {
  names: readonly string[]
  years: readonly string[]
}

/**
 * For each set of terms, the people in these compartments whose name terms match, best first:
 * most matched name terms (the same whole name in more scripts), then a matching birth year, then
 * code; at most `limit` people per set. The ranking is done in the query, so a true duplicate is
 * never cut off behind hundreds of people who merely share one name. Birth-year terms only rank
 * people a name already found (a year alone matches too many to read). One query for all sets.
 */
export async function rankedPeopleByTerms(
  db: Db,
  compartmentIds: readonly string[],
  sets: readonly TermsToMatch[],
  limit: number,
): Promise<{ set: number; id: string; code: string; names: number; year: boolean }[]> {
  const names = sets.flatMap((set, n) => set.names.map((term) => sql`(${n}, ${term})`))
  if (compartmentIds.length === 0 || names.length === 0) return []
  const years = sets.flatMap((set, n) => set.years.map((term) => sql`(${n}, ${term})`))
  // A set with no year still needs a (never matching) row so the CTE is valid SQL.
  const yearRows = years.length > 0 ? years : [sql`(${-1}, ${''})`]
  const result = await sql<{
    n: number | string
    id: string
    code: string
    names: number | string
    year: number | boolean
  }>`
    with wanted(n, term) as (values ${sql.join(names)}),
    years(n, term) as (values ${sql.join(yearRows)}),
    hits as (
      select wanted.n as n, pt.person_id as person_id, count(distinct pt.term) as names
      from wanted
      join person_terms pt on pt.term = wanted.term
      where pt.compartment_id in (${sql.join(compartmentIds)})
      group by wanted.n, pt.person_id
    ),
    scored as (
      select hits.n, people.id, people.code, hits.names,
        case when exists (
          select 1 from years join person_terms y on y.term = years.term
          where years.n = hits.n and y.person_id = hits.person_id
        ) then 1 else 0 end as year
      from hits join people on people.id = hits.person_id
      where people.merged_into_id is null
    ),
    ranked as (
      select scored.*, row_number() over (
        partition by scored.n order by scored.names desc, scored.year desc, scored.code
      ) as place
      from scored
    )
    select n, id, code, names, year from ranked where place <= ${limit} order by n, place
  `.execute(db)
  return result.rows.map((r) => ({
    set: Number(r.n),
    id: r.id,
    code: r.code,
    names: Number(r.names),
    year: Number(r.year) === 1,
  }))
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
  const distinct = [...new Set(ids)]
  const { rows } = await db.executeQuery(
    compiledShape(db, `people.compartment-codes:${distinct.length}`, distinct, (values) =>
      db.selectFrom('compartments').select(['id', 'code']).where('id', 'in', values.map(String)),
    ),
  )
  return new Map(rows.map((r) => [r.id, r.code]))
}

/** Where a per-compartment sequence stands (0 before its first number). */
export async function counterValue(
  db: Db,
  compartmentId: string,
  kind: 'person' | 'case',
): Promise<number> {
  const row = await db
    .selectFrom('compartment_counters')
    .select('value')
    .where('compartment_id', '=', compartmentId)
    .where('kind', '=', kind)
    .executeTakeFirst()
  return Number(row?.value ?? 0)
}

/** Sets a sequence to `value` (after a bulk load that numbered its own records). */
export async function setCounter(
  db: Db,
  compartmentId: string,
  kind: 'person' | 'case',
  value: number,
): Promise<void> {
  await db
    .insertInto('compartment_counters')
    .values({ compartment_id: compartmentId, kind, value })
    .onConflict((oc) =>
      oc.columns(['compartment_id', 'kind']).doUpdateSet({ value: sql`excluded.value` }),
    )
    .execute()
}

/** A bulk load of people, their search terms and cases (the scale generator's batches). */
export async function insertPeopleBatch(
  db: Db,
  batch: {
    people: readonly PeopleTable[]
    terms: readonly PersonTermsTable[]
    cases: readonly CasesTable[]
  },
): Promise<void> {
  // Chunks keep each statement under SQLite's bound-parameter limit.
  for (let i = 0; i < batch.people.length; i += 100)
    await db
      .insertInto('people')
      .values(batch.people.slice(i, i + 100))
      .execute()
  for (let i = 0; i < batch.terms.length; i += 300)
    await db
      .insertInto('person_terms')
      .values(batch.terms.slice(i, i + 300))
      .execute()
  for (let i = 0; i < batch.cases.length; i += 100)
    await db
      .insertInto('cases')
      .values(batch.cases.slice(i, i + 100))
      .execute()
}

/** How many people a compartment holds (merged records included). */
export async function countPeopleIn(db: Db, compartmentId: string): Promise<number> {
  const row = await db
    .selectFrom('people')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('compartment_id', '=', compartmentId)
    .executeTakeFirst()
  return Number(row?.n ?? 0)
}

/** Every search term of a compartment (its index key was shredded: nothing may match again). */
export async function deleteTermsIn(db: Db, compartmentId: string): Promise<void> {
  await db.deleteFrom('person_terms').where('compartment_id', '=', compartmentId).execute()
}

/** Up to `limit` unmerged people after `afterCode`, by code: one page of an export. */
export async function peoplePageAfter(
  db: Db,
  compartmentIds: readonly string[],
  afterCode: string,
  limit: number,
): Promise<PeopleTable[]> {
  return db
    .selectFrom('people')
    .selectAll()
    .where('compartment_id', 'in', compartmentIds)
    .where('merged_into_id', 'is', null)
    .where('code', '>', afterCode)
    .orderBy('code')
    .limit(limit)
    .execute()
}

/** A person's blind-index terms (keyed hashes only; nothing here reads as a name). */
export async function termsOfPerson(db: Db, personId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('person_terms')
    .select('term')
    .where('person_id', '=', personId)
    .execute()
  return rows.map((r) => r.term)
}
