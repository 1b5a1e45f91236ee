// The floor for compiling the annual report over a generated database: the same figures as
// hand-written SQL through the raw driver (better-sqlite3 or pg), one query per thing a person
// writing it by hand would ask for, and nothing else — no catalogue, no disclosure engine, no
// narrative check, no template. Its values are compared with the compile's true values, so a
// floor that computes something else is caught rather than timed.
import Database from 'better-sqlite3'
import pg from 'pg'

type Row = Record<string, unknown>

/** A raw driver: `?` placeholders on both databases. */
export interface RawDriver {
  all(text: string, params: readonly unknown[]): Promise<Row[]>
  close(): Promise<void>
}

export function rawDriver(target: { sqliteFile: string } | { postgresUrl: string }): RawDriver {
  if ('sqliteFile' in target) {
    const db = new Database(target.sqliteFile, { readonly: true })
    const cache = new Map<string, Database.Statement>()
    return {
      async all(text, params) {
        let statement = cache.get(text)
        if (!statement) {
          statement = db.prepare(text)
          cache.set(text, statement)
        }
        return statement.all(...params) as Row[]
      },
      async close() {
        db.close()
      },
    }
  }
  const pool = new pg.Pool({ connectionString: target.postgresUrl, max: 2 })
  return {
    async all(text, params) {
      let n = 0
      const numbered = text.replace(/\?/g, () => `$${++n}`)
      return (await pool.query(numbered, [...params])).rows as Row[]
    },
    close: () => pool.end(),
  }
}

/** What the floor computes: a value per figure key, a number or one value per category. */
export type FloorValues = ReadonlyMap<string, number | readonly (readonly [string, number])[]>

/** The figures the floor knows how to compute, the template of the benchmark's report. */
export const FLOOR_KEYS = [
  'shelters.operating',
  'supplies.food.people-per-day.average',
  'supplies.food.people-per-day.peak',
  'supplies.food.person-days',
  'supplies.food.person-days.by-month',
  'supplies.food.tonnes.shelters',
  'supplies.food.tonnes.delivered',
  'supplies.food.spend',
] as const

const num = (v: unknown) => Number(v ?? 0)
const tonnes = (grams: number) => Math.round(grams / 1000) / 1000

/** The twelve months of a fiscal year starting in April of `startYear` (`2024-04` … `2025-03`). */
function fiscalMonths(startYear: number): string[] {
  return Array.from({ length: 12 }, (_, i) => {
    const d = new Date(Date.UTC(startYear, 3 + i, 1))
    return d.toISOString().slice(0, 7)
  })
}

/** The report's figures for a fiscal year, in four queries over the same tables Haven reads. */
export async function floorFigures(
  driver: RawDriver,
  startYear: number,
  from: string,
  to: string,
): Promise<FloorValues> {
  // People and rice per day, all compartments together, in one pass over the day totals.
  const days = await driver.all(
    'select day, sum(people) as people, sum(rice_grams) as grams from distribution_days where day >= ? and day <= ? group by day',
    [from, to],
  )
  const spend = await driver.all(
    `select p.currency as currency, sum(d.spend_minor) as minor
       from distribution_days d
       join allowance_policies p on p.compartment_id = d.compartment_id
        and p.valid_from <= d.day and (p.valid_to is null or p.valid_to >= d.day)
      where d.day >= ? and d.day <= ?
      group by p.currency order by p.currency`,
    [from, to],
  )
  const [shelters] = await driver.all(
    'select count(*) as n from shelters where opened_on <= ? and (closed_on is null or closed_on >= ?)',
    [to, from],
  )
  const [delivered] = await driver.all(
    `select sum(m.quantity) as grams from stock_movements m
       join supply_locations l on l.id = m.to_location_id
       join supply_items i on i.id = m.item_id
      where l.kind = 'delivery' and i.unit = 'kg' and m.occurred_on >= ? and m.occurred_on <= ?`,
    [from, to],
  )
  let people = 0
  let peak = 0
  let fed = 0
  let grams = 0
  const months = new Map(fiscalMonths(startYear).map((m) => [m, 0]))
  for (const d of days) {
    const n = num(d.people)
    grams += num(d.grams)
    if (n <= 0) continue
    fed += 1
    people += n
    peak = Math.max(peak, n)
    const month = String(d.day).slice(0, 7)
    months.set(month, (months.get(month) ?? 0) + n)
  }
  return new Map<string, number | readonly (readonly [string, number])[]>([
    ['shelters.operating', num(shelters?.n)],
    ['supplies.food.people-per-day.average', fed === 0 ? 0 : Math.round((people / fed) * 10) / 10],
    ['supplies.food.people-per-day.peak', peak],
    ['supplies.food.person-days', people],
    ['supplies.food.person-days.by-month', [...months]],
    ['supplies.food.tonnes.shelters', tonnes(grams)],
    ['supplies.food.tonnes.delivered', tonnes(num(delivered?.grams))],
    ['supplies.food.spend', spend.map((r) => [String(r.currency), num(r.minor)] as const)],
  ])
}

/**
 * For reference, not the goal's measure: people and rice per day straight from the distribution
 * rows (every one of them in the year), which the day totals Haven keeps spare a compile.
 * Returns the year's people and grams, which must agree with the day totals.
 */
export async function fromDistributionRows(
  driver: RawDriver,
  from: string,
  to: string,
): Promise<{ people: number; grams: number }> {
  const [row] = await driver.all(
    'select sum(headcount) as people, sum(rice_grams) as grams from distributions where day >= ? and day <= ?',
    [from, to],
  )
  return { people: num(row?.people), grams: num(row?.grams) }
}
