import { sql } from 'kysely'
import type { Db } from '../../db/db-handle.js'
import { isPostgres } from '../../db/dialect.js'
import type {
  CaseEntriesTable,
  CasesTable,
  FollowUpsTable,
  ReferralsTable,
} from './people-tables.js'

/**
 * Who is asking a list of cases, for its restricted ones (case-restriction.ts): such a case is
 * listed only to its assignee and in the compartments `openIn` (where the caller coordinates).
 * `hidden`, when known, is every case of the list's compartments that rule hides from her.
 */
export interface CaseViewer {
  userId: string
  openIn: readonly string[]
  hidden?: readonly string[]
}

/**
 * The viewer's cases only: the unrestricted ones, hers, and any in `openIn`. With `hidden` known
 * (the usual case: a handful, or none) the test is on the case's id alone, which every case index
 * holds, so a list or a count walks its index without opening a row for `restriction`.
 */
export function caseVisibleTo(viewer: CaseViewer, alias = 'cases') {
  const t = sql.table(alias)
  if (viewer.hidden)
    return viewer.hidden.length === 0
      ? sql<boolean>`1 = 1`
      : sql<boolean>`${t}.id not in (${sql.join(viewer.hidden)})`
  const open =
    viewer.openIn.length > 0 ? sql` or ${t}.compartment_id in (${sql.join(viewer.openIn)})` : sql``
  return sql<boolean>`(${t}.restriction is null or ${t}.assignee_id = ${viewer.userId}${open})`
}

/** The restricted cases of these compartments (few: a sensitive flag is rare). */
export async function restrictedCasesIn(
  db: Db,
  compartmentIds: readonly string[],
): Promise<Pick<CasesTable, 'id' | 'compartment_id' | 'assignee_id' | 'restriction'>[]> {
  if (compartmentIds.length === 0) return []
  return db
    .selectFrom('cases')
    .select(['id', 'compartment_id', 'assignee_id', 'restriction'])
    .where('compartment_id', 'in', compartmentIds)
    .where('restriction', 'is not', null)
    .execute()
}

export async function setCaseRestriction(
  db: Db,
  id: string,
  restriction: string | null,
  now: string,
): Promise<void> {
  await db.updateTable('cases').set({ restriction, updated_at: now }).where('id', '=', id).execute()
}

export async function insertCase(db: Db, row: CasesTable): Promise<void> {
  await db.insertInto('cases').values(row).execute()
}

export async function findCase(db: Db, id: string): Promise<CasesTable | undefined> {
  return db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst()
}

/** Case codes by id, for the audit log's "Record" column. */
export async function caseCodes(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map()
  const rows = await db.selectFrom('cases').select(['id', 'code']).where('id', 'in', ids).execute()
  return new Map(rows.map((r) => [r.id, r.code]))
}

export async function updateCaseIfVersion(
  db: Db,
  id: string,
  version: number,
  changes: Partial<CasesTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('cases')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export interface CaseFilter {
  compartmentIds: readonly string[]
  viewer: CaseViewer
  personId?: string | undefined
  type?: string | undefined
  status?: string | undefined
  assigneeId?: string | undefined
  /** Only cases not closed (counting a work queue). */
  openOnly?: boolean | undefined
  after?: readonly [string | number, string] | undefined
  limit: number
}

/**
 * Cases, most recently active first, keyset-paged. Over several compartments, one ordered walk of
 * `cases_compartment_activity_idx` (or, filtered by status and type, of
 * `cases_compartment_status_type_activity_idx`) per compartment, joined and cut to the page: the
 * cost follows compartments × page, not the number of cases (see searchPeople).
 */
export async function listCases(db: Db, filter: CaseFilter): Promise<CasesTable[]> {
  if (filter.compartmentIds.length === 0) return []
  if (filter.personId || filter.compartmentIds.length === 1)
    return orderedCases(db, filter, filter.compartmentIds).execute()
  if (isPostgres(db)) return casePageLateral(db, filter)
  const ids = walksInOrder(filter)
    ? await casePageIdsInList(db, filter)
    : await casePageIdsUnion(db, filter)
  if (ids.length === 0) return []
  const rows = new Map(
    (await db.selectFrom('cases').selectAll().where('id', 'in', ids).execute()).map((r) => [
      r.id,
      r,
    ]),
  )
  return ids.flatMap((id) => rows.get(id) ?? [])
}

/**
 * Whether an index walks each compartment's cases in the list's order: the compartment's whole
 * list (`cases_compartment_activity_idx`), or one status and type
 * (`cases_compartment_status_type_activity_idx`). With one of the two given, neither index does.
 */
function walksInOrder(filter: CaseFilter): boolean {
  return (filter.status === undefined) === (filter.type === undefined)
}

/**
 * SQLite, when an index walks each compartment in order (walksInOrder): one statement over the
 * compartments as a list. SQLite walks each compartment's part of the index in order and stops it
 * once its next case could not enter the page (its ORDER BY … LIMIT optimisation for IN), so
 * this costs what the union costs, compartments × page, in one small statement: at a million
 * people 0.37 against 0.63 ms for open medical cases of 40 compartments, 0.23 against 12.7 ms
 * with hidden cases named, 0.23 against 1.7 ms past a cursor (bench/RESULTS.md). With one of
 * status and type the in-list form would sort every match (24 ms for all open cases): the union.
 */
async function casePageIdsInList(db: Db, filter: CaseFilter): Promise<string[]> {
  const rows = await orderedCases(db, filter, filter.compartmentIds)
    .clearSelect()
    .select('id')
    .execute()
  return rows.map((r) => r.id)
}

/**
 * SQLite: one walk per compartment, written out as a union. Sort keys only in the walks; the
 * page's rows come after (see searchPeople).
 */
async function casePageIdsUnion(db: Db, filter: CaseFilter): Promise<string[]> {
  const [first, ...rest] = filter.compartmentIds.map((id, i) =>
    db
      .selectFrom(
        orderedCases(db, filter, [id]).clearSelect().select(['id', 'last_activity_at']).as(`c${i}`),
      )
      .selectAll(),
  )
  if (!first) return []
  const union = rest.reduce((all, branch) => all.unionAll(branch), first)
  const rows = await db
    .selectFrom(union.as('page'))
    .select('id')
    .orderBy('last_activity_at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit)
    .execute()
  return rows.map((r) => r.id)
}

/**
 * PostgreSQL: the same walks as one `LATERAL` join over the compartments, passed as one array,
 * and the page's rows joined to it in the same statement (one round trip, not two). The union's
 * text grew with the compartments and PostgreSQL planned its 40 branches on every request (most
 * of a 22.6 ms case search at a million people, bench/RESULTS.md); this statement is the same
 * whatever the compartments, and small to plan.
 */
async function casePageLateral(db: Db, filter: CaseFilter): Promise<CasesTable[]> {
  const where = caseConditions(filter, 'c')
  if (filter.after) {
    const [at, id] = filter.after
    where.push(
      sql`(c.last_activity_at < ${String(at)} or (c.last_activity_at = ${String(at)} and c.id < ${id}))`,
    )
  }
  const { rows } = await sql<CasesTable>`
    select r.* from (
      select w.id, w.last_activity_at from unnest(${[...new Set(filter.compartmentIds)]}::text[]) as k(id)
      cross join lateral (
        select c.id, c.last_activity_at from cases c
        where c.compartment_id = k.id and ${sql.join(where, sql` and `)}
        order by c.last_activity_at desc, c.id desc
        limit ${filter.limit}
      ) w
      order by w.last_activity_at desc, w.id desc
      limit ${filter.limit}
    ) page
    join cases r on r.id = page.id
    order by page.last_activity_at desc, page.id desc`.execute(db)
  return rows
}

/** The list's filters but the compartment, as conditions on the case table `alias`. */
function caseConditions(filter: Omit<CaseFilter, 'after' | 'limit'>, alias: string) {
  const t = sql.table(alias)
  const where = [caseVisibleTo(filter.viewer, alias)]
  if (filter.status) where.push(sql`${t}.status = ${filter.status}`)
  if (filter.type) where.push(sql`${t}.type = ${filter.type}`)
  if (filter.assigneeId) where.push(sql`${t}.assignee_id = ${filter.assigneeId}`)
  if (filter.openOnly) where.push(sql`${t}.status <> 'closed'`)
  return where
}

/**
 * How many cases the list's filters match, over all its pages (the list's count), counting at
 * most `cap` + 1: "25 of more than 1,000" rather than counting 20,000 open medical cases of 40
 * compartments on every page (15 ms at a million people, most of a case search).
 */
export async function countCases(
  db: Db,
  filter: Omit<CaseFilter, 'after' | 'limit'>,
  cap = Number.POSITIVE_INFINITY,
): Promise<{ total: number; capped: boolean }> {
  if (filter.compartmentIds.length === 0) return { total: 0, capped: false }
  if (isPostgres(db) && !filter.personId && filter.compartmentIds.length > 1)
    return countCasesLateral(db, filter, cap)
  let matches = db
    .selectFrom('cases')
    .select('id')
    .where('compartment_id', 'in', filter.compartmentIds)
  if (filter.personId) matches = matches.where('person_id', '=', filter.personId)
  if (filter.status) matches = matches.where('status', '=', filter.status)
  if (filter.type) matches = matches.where('type', '=', filter.type)
  if (filter.assigneeId) matches = matches.where('assignee_id', '=', filter.assigneeId)
  if (filter.openOnly) matches = matches.where('status', '!=', 'closed')
  matches = matches.where(caseVisibleTo(filter.viewer))
  if (Number.isFinite(cap)) matches = matches.limit(cap + 1)
  const row = await db
    .selectFrom(matches.as('matches'))
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirst()
  const n = Number(row?.n ?? 0)
  return n > cap ? { total: cap, capped: true } : { total: n, capped: false }
}

/**
 * PostgreSQL: the count as walks of each compartment's index, each stopping at the cap. Over all
 * of an organisation's compartments the planner chose to scan the table for `compartment_id IN
 * (…)` until 1,001 matches (12 ms for open medical cases at a million people, alone); each walk
 * reads at most cap + 1 index entries.
 */
async function countCasesLateral(
  db: Db,
  filter: Omit<CaseFilter, 'after' | 'limit'>,
  cap: number,
): Promise<{ total: number; capped: boolean }> {
  const where = caseConditions(filter, 'c')
  const limit = Number.isFinite(cap) ? sql`limit ${cap + 1}` : sql``
  const { rows } = await sql<{ n: number | string }>`
    select count(*) as n from (
      select 1 from unnest(${[...new Set(filter.compartmentIds)]}::text[]) as k(id)
      cross join lateral (
        select 1 from cases c
        where c.compartment_id = k.id and ${sql.join(where, sql` and `)}
        ${limit}
      ) w
      ${limit}
    ) matches`.execute(db)
  const n = Number(rows[0]?.n ?? 0)
  return n > cap ? { total: cap, capped: true } : { total: n, capped: false }
}

function orderedCases(db: Db, filter: CaseFilter, compartmentIds: readonly string[]) {
  let query = db.selectFrom('cases').selectAll()
  const [only] = compartmentIds
  query =
    compartmentIds.length === 1 && only !== undefined
      ? query.where('compartment_id', '=', only)
      : query.where('compartment_id', 'in', compartmentIds)
  if (filter.personId) query = query.where('person_id', '=', filter.personId)
  if (filter.status) query = query.where('status', '=', filter.status)
  if (filter.type) query = query.where('type', '=', filter.type)
  if (filter.assigneeId) query = query.where('assignee_id', '=', filter.assigneeId)
  query = query.where(caseVisibleTo(filter.viewer))
  if (filter.after) {
    const [at, id] = filter.after
    query = query.where((eb) =>
      eb.or([
        eb('last_activity_at', '<', String(at)),
        eb.and([eb('last_activity_at', '=', String(at)), eb('id', '<', id)]),
      ]),
    )
  }
  return query.orderBy('last_activity_at', 'desc').orderBy('id', 'desc').limit(filter.limit)
}

export async function insertEntry(db: Db, row: CaseEntriesTable): Promise<void> {
  await db.insertInto('case_entries').values(row).execute()
}

export async function entriesOf(db: Db, caseId: string): Promise<CaseEntriesTable[]> {
  return db
    .selectFrom('case_entries')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('at')
    .orderBy('id')
    .execute()
}

export async function insertReferral(db: Db, row: ReferralsTable): Promise<void> {
  await db.insertInto('referrals').values(row).execute()
}

export async function referralsOf(db: Db, caseId: string): Promise<ReferralsTable[]> {
  return db
    .selectFrom('referrals')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('created_at')
    .execute()
}

export async function insertFollowUp(db: Db, row: FollowUpsTable): Promise<void> {
  await db.insertInto('follow_ups').values(row).execute()
}

/** The cases with these ids (ids and compartments). */
export async function findCases(
  db: Db,
  ids: readonly string[],
): Promise<Pick<CasesTable, 'id' | 'compartment_id'>[]> {
  if (ids.length === 0) return []
  return db.selectFrom('cases').select(['id', 'compartment_id']).where('id', 'in', ids).execute()
}

/** The codes of the cases with these ids. */
export async function casesCodes(
  db: Db,
  ids: readonly string[],
): Promise<Pick<CasesTable, 'id' | 'code'>[]> {
  if (ids.length === 0) return []
  return db.selectFrom('cases').select(['id', 'code']).where('id', 'in', ids).execute()
}

export async function findFollowUp(db: Db, id: string): Promise<FollowUpsTable | undefined> {
  return db.selectFrom('follow_ups').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function followUpsOf(db: Db, caseId: string) {
  return db
    .selectFrom('follow_ups')
    .innerJoin('cases', 'cases.id', 'follow_ups.case_id')
    .selectAll('follow_ups')
    .select('cases.code as case_code')
    .where('follow_ups.case_id', '=', caseId)
    .orderBy('follow_ups.due_on')
    .execute()
}

/** Open follow-ups due before `today` in these compartments, oldest first. */
export async function overdueFollowUps(
  db: Db,
  compartmentIds: readonly string[],
  viewer: CaseViewer,
  today: string,
  limit: number,
) {
  if (compartmentIds.length === 0) return []
  return db
    .selectFrom('follow_ups')
    .innerJoin('cases', 'cases.id', 'follow_ups.case_id')
    .selectAll('follow_ups')
    .select('cases.code as case_code')
    .where('follow_ups.compartment_id', 'in', compartmentIds)
    .where('follow_ups.done_at', 'is', null)
    .where('follow_ups.due_on', '<', today)
    .where(caseVisibleTo(viewer))
    .orderBy('follow_ups.due_on')
    .limit(limit)
    .execute()
}

/**
 * A caseworker's own open cases, urgent first, then high, then by latest activity: the head of
 * her work queue.
 */
export async function openCasesOf(
  db: Db,
  compartmentIds: readonly string[],
  userId: string,
  limit: number,
): Promise<CasesTable[]> {
  if (compartmentIds.length === 0) return []
  return db
    .selectFrom('cases')
    .selectAll()
    .where('compartment_id', 'in', compartmentIds)
    .where('assignee_id', '=', userId)
    .where('status', '!=', 'closed')
    .orderBy((eb) =>
      eb
        .case()
        .when('priority', '=', 'urgent')
        .then(0)
        .when('priority', '=', 'high')
        .then(1)
        .when('priority', '=', 'normal')
        .then(2)
        .else(3)
        .end(),
    )
    .orderBy('last_activity_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute()
}

/**
 * Open follow-ups due by `until` (overdue ones included) that are the caller's: assigned to her,
 * or unassigned on a case that is hers. Soonest first.
 */
export async function followUpsDueFor(
  db: Db,
  compartmentIds: readonly string[],
  viewer: CaseViewer,
  until: string,
  limit: number,
) {
  if (compartmentIds.length === 0) return []
  return db
    .selectFrom('follow_ups')
    .innerJoin('cases', 'cases.id', 'follow_ups.case_id')
    .selectAll('follow_ups')
    .select('cases.code as case_code')
    .where('follow_ups.compartment_id', 'in', compartmentIds)
    .where('follow_ups.done_at', 'is', null)
    .where('follow_ups.due_on', '<=', until)
    .where((eb) =>
      eb.or([
        eb('follow_ups.assignee_id', '=', viewer.userId),
        eb.and([
          eb('follow_ups.assignee_id', 'is', null),
          eb('cases.assignee_id', '=', viewer.userId),
        ]),
      ]),
    )
    .where(caseVisibleTo(viewer))
    .orderBy('follow_ups.due_on')
    .orderBy('follow_ups.id')
    .limit(limit)
    .execute()
}

/** The roles that work cases: who may be assigned one. */
const CASE_ROLES = ['coordinator', 'caseworker'] as const

/**
 * Active users who work cases in a compartment (a role there or organisation-wide), by name:
 * the people a case there may be assigned to.
 */
export async function caseWorkersIn(
  db: Db,
  compartmentId: string,
): Promise<{ id: string; display_name: string }[]> {
  return db
    .selectFrom('users')
    .select(['users.id', 'users.display_name'])
    .where('users.status', '=', 'active')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('grants')
          .select('grants.id')
          .whereRef('grants.user_id', '=', 'users.id')
          .where('grants.role', 'in', CASE_ROLES)
          .where((g) =>
            g.or([
              g('grants.compartment_id', '=', compartmentId),
              g('grants.compartment_id', 'is', null),
            ]),
          ),
      ),
    )
    .orderBy('users.display_name')
    .orderBy('users.id')
    .execute()
}

/** Whether a user may be assigned a case in the compartment (see `caseWorkersIn`). */
export async function worksCasesIn(
  db: Db,
  userId: string,
  compartmentId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('grants')
    .innerJoin('users', 'users.id', 'grants.user_id')
    .select('grants.id')
    .where('grants.user_id', '=', userId)
    .where('users.status', '=', 'active')
    .where('grants.role', 'in', CASE_ROLES)
    .where((g) =>
      g.or([
        g('grants.compartment_id', '=', compartmentId),
        g('grants.compartment_id', 'is', null),
      ]),
    )
    .executeTakeFirst()
  return row !== undefined
}

/**
 * Open cases per compartment and assignee (unassigned under `null`), with the urgent ones: a
 * coordinator of several shelters sees each shelter's load apart.
 */
export async function caseload(
  db: Db,
  compartmentIds: readonly string[],
): Promise<{ compartmentId: string; assigneeId: string | null; open: number; urgent: number }[]> {
  if (compartmentIds.length === 0) return []
  const rows = await db
    .selectFrom('cases')
    .select((eb) => [
      'compartment_id',
      'assignee_id',
      eb.fn.countAll<number | string>().as('open'),
      eb.fn
        .sum<number | string | null>(
          eb.case().when('priority', '=', 'urgent').then(1).else(0).end(),
        )
        .as('urgent'),
    ])
    .where('compartment_id', 'in', compartmentIds)
    .where('status', '!=', 'closed')
    .groupBy(['compartment_id', 'assignee_id'])
    .execute()
  return rows.map((r) => ({
    compartmentId: r.compartment_id,
    assigneeId: r.assignee_id,
    open: Number(r.open),
    urgent: Number(r.urgent ?? 0),
  }))
}

export async function userNames(
  db: Db,
  ids: readonly (string | null)[],
): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))]
  if (wanted.length === 0) return new Map()
  const rows = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('id', 'in', wanted)
    .execute()
  return new Map(rows.map((r) => [r.id, r.display_name]))
}

/** Closed cases in compartments that set a retention period, with that period, oldest first. */
export async function closedCasesWithRetention(db: Db, compartmentIds: readonly string[]) {
  return db
    .selectFrom('cases')
    .innerJoin('compartments', 'compartments.id', 'cases.compartment_id')
    .select([
      'cases.id',
      'cases.code',
      'cases.compartment_id',
      'cases.closed_on',
      'compartments.retention_days',
    ])
    .where('cases.status', '=', 'closed')
    .where('compartments.retention_days', 'is not', null)
    .where('cases.compartment_id', 'in', compartmentIds)
    .orderBy('cases.closed_on')
    .execute()
}

/**
 * Deletes a case with its files (its timeline, referrals and follow-ups go with it by foreign
 * key); incidents that named it keep their record without it. Returns whose case it was.
 */
export async function deleteCaseAndFiles(db: Db, caseId: string): Promise<string | undefined> {
  await db
    .deleteFrom('attachments')
    .where('owner_type', '=', 'case')
    .where('owner_id', '=', caseId)
    .execute()
  await db.updateTable('incidents').set({ case_id: null }).where('case_id', '=', caseId).execute()
  const kase = await db
    .selectFrom('cases')
    .select('person_id')
    .where('id', '=', caseId)
    .executeTakeFirst()
  await db.deleteFrom('cases').where('id', '=', caseId).execute()
  return kase?.person_id
}

/** What a version conflict shows of the case as it is now (no sealed field). */
export async function caseConflictState(db: Db, id: string) {
  return db
    .selectFrom('cases')
    .select(['version', 'status', 'priority', 'assignee_id'])
    .where('id', '=', id)
    .executeTakeFirst()
}

/** Something happened on the case: it moves up in lists sorted by activity. */
export async function touchCase(db: Db, id: string, now: string): Promise<void> {
  await db.updateTable('cases').set({ last_activity_at: now }).where('id', '=', id).execute()
}

export async function setFollowUpDone(db: Db, id: string, doneAt: string | null): Promise<void> {
  await db.updateTable('follow_ups').set({ done_at: doneAt }).where('id', '=', id).execute()
}

/** The columns of the case export, for every case in these compartments, by code. */
export async function casesForExport(
  db: Db,
  compartmentIds: readonly string[],
  viewer: CaseViewer,
) {
  if (compartmentIds.length === 0) return []
  return db
    .selectFrom('cases')
    .innerJoin('people', 'people.id', 'cases.person_id')
    .select([
      'cases.code',
      'people.code as person_code',
      'cases.type',
      'cases.status',
      'cases.priority',
      'cases.opened_on',
      'cases.closed_on',
      'cases.outcome',
    ])
    .where('cases.compartment_id', 'in', compartmentIds)
    .where(caseVisibleTo(viewer))
    .orderBy('cases.code')
    .execute()
}
