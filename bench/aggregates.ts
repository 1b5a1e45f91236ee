/**
 * Aggregates: the dashboard's figures for a year (per day and month, from the running totals the
 * caps keep) and a whole fiscal year's distribution totals per shelter, side by side with the one
 * raw SQL aggregate over the distribution rows that answers the same question. SQLite always,
 * PostgreSQL when HAVEN_BENCH_PG_URL is set. Goal: Haven / raw SQL ≤ 1.5.
 *   node --import tsx bench/aggregates.ts     (HAVEN_BENCH_DISTRIBUTIONS=1000000 by default)
 * The rows come from the generator's distributions step (`haven generate --distributions`).
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import type { AppContext } from '../packages/server/src/app-context.js'
import { loadConfig, resolveUrls } from '../packages/server/src/config/load-config.js'
import { cryptoContext } from '../packages/server/src/crypto/crypto-context.js'
import { MasterKey } from '../packages/server/src/crypto/master-key.js'
import type { HavenDatabase } from '../packages/server/src/db/database.js'
import { allMigrations } from '../packages/server/src/db/migrations/index.js'
import { migrateToLatest } from '../packages/server/src/db/migrator.js'
import { MODULES } from '../packages/server/src/modules/index.js'
import { distributionFigures } from '../packages/server/src/modules/supplies/index.js'
import { createLogger } from '../packages/server/src/server/logger.js'
import { generateScale } from '../packages/server/src/synthetic/generate-scale.js'
import { onEachBenchDatabase } from './support/bench-databases.js'
import { percentile, printHeader, table } from './support/bench-env.js'

const DISTRIBUTIONS = Number(process.env.HAVEN_BENCH_DISTRIBUTIONS ?? 1_000_000)
const ROUNDS = 30

async function median(work: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  await work() // warm caches and statement plans
  const times: number[] = []
  for (let i = 0; i < ROUNDS; i += 1) {
    const started = process.hrtime.bigint()
    await work()
    times.push(Number(process.hrtime.bigint() - started) / 1e6)
  }
  times.sort((a, b) => a - b)
  return { p50: percentile(times, 50), p95: percentile(times, 95) }
}

async function run(database: HavenDatabase, label: string): Promise<string[][]> {
  await migrateToLatest(database, allMigrations(MODULES))
  const dataDir = mkdtempSync(join(tmpdir(), 'haven-bench-'))
  const config = loadConfig({ env: { DATA_DIR: dataDir }, cwd: dataDir })
  const app: AppContext = {
    config,
    urls: resolveUrls(config, { public: 3000, staff: 3000 }),
    database,
    logger: createLogger('silent'),
    crypto: cryptoContext(new MasterKey(randomBytes(32), 'test'), () => new Date()),
    now: () => new Date(),
    modules: MODULES,
  }
  const started = Date.now()
  // Few people (the people step is measured elsewhere); 40 compartments like the 1 M run.
  const made = await generateScale(app, {
    people: 400,
    peoplePerCompartment: 10,
    distributions: DISTRIBUTIONS,
    batchSize: 5000,
  })
  console.log(
    `${label}: ${made.rows.distributions} distributions in ${made.compartments} compartments, ${((Date.now() - started) / 1000).toFixed(1)} s`,
  )
  const db = database.db
  const first = await db
    .selectFrom('compartments')
    .select('id')
    .where('code', '=', 'SYN-01')
    .executeTakeFirstOrThrow()

  // 1. The dashboard's month figures for one shelter and year, against the raw per-month aggregate.
  const dashboard = await median(() => distributionFigures(app, first.id, '2020'))
  const rawMonths = await median(() =>
    sql`select substr(day, 1, 7) as month, sum(headcount) as people, sum(rice_grams) as rice,
          sum(amount_minor) as spend, sum(cap_amount_minor) as cap_spend
        from distributions where compartment_id = ${first.id}
          and day >= '2020-01-01' and day <= '2020-12-31'
        group by substr(day, 1, 7)`.execute(db),
  )
  // 2. A fiscal year's totals per shelter (April–March), from the month totals vs the raw rows.
  const fiscal = await median(() =>
    db
      .selectFrom('distribution_months')
      .select((eb) => [
        'compartment_id',
        eb.fn.sum<number>('people').as('people'),
        eb.fn.sum<number>('rice_grams').as('rice'),
        eb.fn.sum<number>('spend_minor').as('spend'),
      ])
      .where('month', '>=', '2020-04')
      .where('month', '<=', '2021-03')
      .groupBy('compartment_id')
      .execute(),
  )
  const rawFiscal = await median(() =>
    sql`select compartment_id, sum(headcount) as people, sum(rice_grams) as rice,
          sum(amount_minor) as spend
        from distributions where day >= '2020-04-01' and day <= '2021-03-31'
        group by compartment_id`.execute(db),
  )
  rmSync(dataDir, { recursive: true, force: true })
  const row = (
    what: string,
    haven: { p50: number; p95: number },
    raw: { p50: number; p95: number },
  ) => [
    label,
    what,
    `${haven.p50.toFixed(2)} ms (${haven.p95.toFixed(2)})`,
    `${raw.p50.toFixed(2)} ms (${raw.p95.toFixed(2)})`,
    (haven.p50 / raw.p50).toFixed(2),
  ]
  return [
    row('dashboard figures, one shelter-year', dashboard, rawMonths),
    row('fiscal-year totals per shelter', fiscal, rawFiscal),
  ]
}

printHeader(`Aggregates over ${DISTRIBUTIONS.toLocaleString('en')} distributions: Haven vs raw SQL`)
const rows: string[][] = [['database', 'figure', 'Haven p50 (p95)', 'raw SQL p50 (p95)', 'ratio']]
for (const part of await onEachBenchDatabase(run)) rows.push(...part)
console.log(table(rows))
console.log(
  'Goal: ratio ≤ 1.5 (Haven reads the day and month totals that recording keeps up to date).',
)
