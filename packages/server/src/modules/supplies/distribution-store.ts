import type { Kysely } from 'kysely'
import { insertRows } from '../../db/bulk-insert-store.js'
import type { Db } from '../../db/db-handle.js'
import { isPostgres } from '../../db/dialect.js'
import type {
  AllowancePoliciesTable,
  DistributionDaysTable,
  DistributionsTable,
} from './supplies-tables.js'

export async function listPolicies(
  db: Db,
  compartmentIds: readonly string[],
): Promise<AllowancePoliciesTable[]> {
  if (compartmentIds.length === 0) return []
  return db
    .selectFrom('allowance_policies')
    .selectAll()
    .where('compartment_id', 'in', compartmentIds)
    .orderBy('compartment_id')
    .orderBy('valid_from', 'desc')
    .execute()
}

/** The policy of a compartment in force on `day`, if any. */
export async function policyOn(
  db: Db,
  compartmentId: string,
  day: string,
): Promise<AllowancePoliciesTable | undefined> {
  return db
    .selectFrom('allowance_policies')
    .selectAll()
    .where('compartment_id', '=', compartmentId)
    .where('valid_from', '<=', day)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', day)]))
    .orderBy('valid_from', 'desc')
    .executeTakeFirst()
}

/** Policies of the compartment whose range meets [from, to] (to null: open-ended). */
export async function overlappingPolicies(
  db: Db,
  compartmentId: string,
  from: string,
  to: string | null,
) {
  let query = db
    .selectFrom('allowance_policies')
    .select(['id', 'valid_from', 'valid_to'])
    .where('compartment_id', '=', compartmentId)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', from)]))
  if (to !== null) query = query.where('valid_from', '<=', to)
  return query.execute()
}

export async function insertPolicy(db: Db, row: AllowancePoliciesTable): Promise<void> {
  await db.insertInto('allowance_policies').values(row).execute()
}

type CounterTable = 'distribution_days' | 'distribution_months'
const KEY = { distribution_days: 'day', distribution_months: 'month' } as const

export interface Counter {
  people: number
  spend_minor: number
  cap_spend_minor: number
  rice_grams: number
  overrides: number
}

/**
 * The running totals of a compartment's day or month, created at zero if missing and locked for
 * the rest of the transaction: on PostgreSQL with `for update`, so concurrent distributions to the
 * same shelter and day queue here and each sees the totals the previous one committed; on SQLite
 * the single writer serialises whole transactions already.
 */
export async function lockCounter(
  db: Db,
  table: CounterTable,
  compartmentId: string,
  key: string,
): Promise<Counter> {
  const column = KEY[table]
  const zero = { people: 0, spend_minor: 0, cap_spend_minor: 0, rice_grams: 0, overrides: 0 }
  await db
    .insertInto(table)
    .values({ compartment_id: compartmentId, [column]: key, ...zero } as DistributionDaysTable)
    .onConflict((oc) => oc.columns(['compartment_id', column]).doNothing())
    .execute()
  let query = db
    .selectFrom(table)
    .select(['people', 'spend_minor', 'cap_spend_minor', 'rice_grams', 'overrides'])
    .where('compartment_id', '=', compartmentId)
    .where(column, '=', key)
  if (isPostgres(db as Kysely<unknown>)) query = query.forUpdate()
  const row = await query.executeTakeFirstOrThrow()
  return {
    people: Number(row.people),
    spend_minor: Number(row.spend_minor),
    cap_spend_minor: Number(row.cap_spend_minor),
    rice_grams: Number(row.rice_grams),
    overrides: Number(row.overrides),
  }
}

/** A counter row's key: a compartment and a day (YYYY-MM-DD) or a month (YYYY-MM). */
export interface CounterKey {
  compartmentId: string
  key: string
}

export const counterKey = (k: CounterKey) => `${k.compartmentId} ${k.key}`

/**
 * `lockCounter` for many keys at once (a field device's batch of distributions): the missing rows
 * created at zero in one insert, then all of them read (and on PostgreSQL locked) in one select
 * per compartment, in key order, so two batches meeting the same rows lock them in the same order.
 * Answers by `counterKey`.
 */
export async function lockCounters(
  db: Db,
  table: CounterTable,
  keys: readonly CounterKey[],
): Promise<Map<string, Counter>> {
  const column = KEY[table]
  const zero = { people: 0, spend_minor: 0, cap_spend_minor: 0, rice_grams: 0, overrides: 0 }
  const byCompartment = new Map<string, Set<string>>()
  for (const k of keys) {
    const set = byCompartment.get(k.compartmentId) ?? new Set<string>()
    set.add(k.key)
    byCompartment.set(k.compartmentId, set)
  }
  const found = new Map<string, Counter>()
  for (const compartmentId of [...byCompartment.keys()].sort()) {
    const wanted = [...(byCompartment.get(compartmentId) ?? [])].sort()
    for (let at = 0; at < wanted.length; at += 1000) {
      const slice = wanted.slice(at, at + 1000)
      await db
        .insertInto(table)
        .values(
          slice.map(
            (key) =>
              ({ compartment_id: compartmentId, [column]: key, ...zero }) as DistributionDaysTable,
          ),
        )
        .onConflict((oc) => oc.columns(['compartment_id', column]).doNothing())
        .execute()
      let query = db
        .selectFrom(table)
        .select([column, 'people', 'spend_minor', 'cap_spend_minor', 'rice_grams', 'overrides'])
        .where('compartment_id', '=', compartmentId)
        .where(column, 'in', slice)
        .orderBy(column)
      if (isPostgres(db as Kysely<unknown>)) query = query.forUpdate()
      for (const row of await query.execute()) {
        const key = (row as unknown as Record<string, string>)[column] ?? ''
        found.set(counterKey({ compartmentId, key }), {
          people: Number(row.people),
          spend_minor: Number(row.spend_minor),
          cap_spend_minor: Number(row.cap_spend_minor),
          rice_grams: Number(row.rice_grams),
          overrides: Number(row.overrides),
        })
      }
    }
  }
  return found
}

export async function addToCounter(
  db: Db,
  table: CounterTable,
  compartmentId: string,
  key: string,
  add: Counter,
): Promise<void> {
  await db
    .updateTable(table)
    .set((eb) => ({
      people: eb('people', '+', add.people),
      spend_minor: eb('spend_minor', '+', add.spend_minor),
      cap_spend_minor: eb('cap_spend_minor', '+', add.cap_spend_minor),
      rice_grams: eb('rice_grams', '+', add.rice_grams),
      overrides: eb('overrides', '+', add.overrides),
    }))
    .where('compartment_id', '=', compartmentId)
    .where(KEY[table], '=', key)
    .execute()
}

/**
 * Adds many days' (or months') totals at once, creating the rows that are missing: one upsert
 * per thousand keys. For bulk loads that already hold the totals; recording one distribution
 * locks its counters instead (lockCounter), because it must check them first.
 */
export async function addToCounters(
  db: Db,
  table: CounterTable,
  compartmentId: string,
  totals: ReadonlyMap<string, Counter>,
): Promise<void> {
  const column = KEY[table]
  const rows = [...totals].map(([key, c]) => ({
    compartment_id: compartmentId,
    [column]: key,
    ...c,
  }))
  for (let at = 0; at < rows.length; at += 1000) {
    await db
      .insertInto(table)
      .values(rows.slice(at, at + 1000) as DistributionDaysTable[])
      .onConflict((oc) =>
        oc.columns(['compartment_id', column]).doUpdateSet((eb) => ({
          people: eb(`${table}.people`, '+', eb.ref('excluded.people')),
          spend_minor: eb(`${table}.spend_minor`, '+', eb.ref('excluded.spend_minor')),
          cap_spend_minor: eb(`${table}.cap_spend_minor`, '+', eb.ref('excluded.cap_spend_minor')),
          rice_grams: eb(`${table}.rice_grams`, '+', eb.ref('excluded.rice_grams')),
          overrides: eb(`${table}.overrides`, '+', eb.ref('excluded.overrides')),
        })),
      )
      .execute()
  }
}

export async function insertDistribution(db: Db, row: DistributionsTable): Promise<void> {
  await db.insertInto('distributions').values(row).execute()
}

/** Many rows in one statement (the synthetic generator's bulk path; totals are added by the caller). */
export async function insertDistributions(db: Db, rows: DistributionsTable[]): Promise<void> {
  // 1,000 rows × 15 columns stays under SQLite's 32,766 bound values per statement.
  await insertRows(db, 'distributions', rows, 1000)
}

/** Which of these ids are distributions already (a replayed field entry). */
export async function existingDistributionIds(
  db: Db,
  ids: readonly string[],
): Promise<Set<string>> {
  const found = new Set<string>()
  for (let at = 0; at < ids.length; at += 1000) {
    const rows = await db
      .selectFrom('distributions')
      .select('id')
      .where('id', 'in', ids.slice(at, at + 1000))
      .execute()
    for (const r of rows) found.add(r.id)
  }
  return found
}

export async function countDistributions(db: Db, compartmentId: string): Promise<number> {
  const row = await db
    .selectFrom('distributions')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('compartment_id', '=', compartmentId)
    .executeTakeFirst()
  return Number(row?.n ?? 0)
}

export async function listDistributions(
  db: Db,
  compartmentIds: readonly string[],
  filter: { day?: string | undefined; limit: number },
) {
  if (compartmentIds.length === 0) return []
  let query = db
    .selectFrom('distributions')
    .selectAll()
    .where('compartment_id', 'in', compartmentIds)
  if (filter.day) query = query.where('day', '=', filter.day)
  return query.orderBy('day', 'desc').orderBy('id', 'desc').limit(filter.limit).execute()
}

/** People served on one day in each of the compartments (those with none are left out). */
export async function peopleOnDay(
  db: Db,
  compartmentIds: readonly string[],
  day: string,
): Promise<Map<string, number>> {
  if (compartmentIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('distribution_days')
    .select(['compartment_id', 'people'])
    .where('compartment_id', 'in', compartmentIds)
    .where('day', '=', day)
    .execute()
  return new Map(rows.map((r) => [r.compartment_id, Number(r.people)]))
}

/** The policies in force on `day` in each of the compartments, latest first. */
export async function policiesOn(
  db: Db,
  compartmentIds: readonly string[],
  day: string,
): Promise<AllowancePoliciesTable[]> {
  if (compartmentIds.length === 0) return []
  return db
    .selectFrom('allowance_policies')
    .selectAll()
    .where('compartment_id', 'in', compartmentIds)
    .where('valid_from', '<=', day)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', day)]))
    .orderBy('valid_from', 'desc')
    .execute()
}

/** The day counters of a compartment over a date range: one row per day that had distributions. */
export async function dayTotals(db: Db, compartmentId: string, from: string, to: string) {
  return db
    .selectFrom('distribution_days')
    .selectAll()
    .where('compartment_id', '=', compartmentId)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .where('people', '>', 0)
    .orderBy('day')
    .execute()
}

export async function monthTotals(db: Db, compartmentId: string, from: string, to: string) {
  return db
    .selectFrom('distribution_months')
    .selectAll()
    .where('compartment_id', '=', compartmentId)
    .where('month', '>=', from)
    .where('month', '<=', to)
    .where('people', '>', 0)
    .orderBy('month')
    .execute()
}

/**
 * People fed and grams of rice handed out per day over a date range, every compartment together:
 * one row per day the day totals hold (a day may count rice and no people). One pass over the
 * day totals gives every supplies figure of the annual report but the spend.
 */
export async function peopleAndRicePerDay(
  db: Db,
  from: string,
  to: string,
): Promise<{ day: string; people: number; riceGrams: number }[]> {
  const rows = await db
    .selectFrom('distribution_days')
    .select([
      'day',
      (eb) => eb.fn.sum<number | string>('people').as('people'),
      (eb) => eb.fn.sum<number | string | null>('rice_grams').as('grams'),
    ])
    .where('day', '>=', from)
    .where('day', '<=', to)
    .groupBy('day')
    .orderBy('day')
    .execute()
  return rows.map((r) => ({
    day: r.day,
    people: Number(r.people),
    riceGrams: Number(r.grams ?? 0),
  }))
}

/**
 * Spending on distributions over a date range, by the currency of the allowance policy in force
 * each day (policies of a compartment never overlap, so each day has one).
 */
export async function spendByCurrency(
  db: Db,
  from: string,
  to: string,
): Promise<{ currency: string; minor: number }[]> {
  const rows = await db
    .selectFrom('distribution_days as d')
    .innerJoin('allowance_policies as p', (join) =>
      join
        .onRef('p.compartment_id', '=', 'd.compartment_id')
        .onRef('p.valid_from', '<=', 'd.day')
        .on((eb) => eb.or([eb('p.valid_to', 'is', null), eb('p.valid_to', '>=', eb.ref('d.day'))])),
    )
    .select(['p.currency', (eb) => eb.fn.sum<number | string>('d.spend_minor').as('minor')])
    .where('d.day', '>=', from)
    .where('d.day', '<=', to)
    .groupBy('p.currency')
    .orderBy('p.currency')
    .execute()
  return rows.map((r) => ({ currency: r.currency, minor: Number(r.minor) }))
}
