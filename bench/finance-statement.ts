/**
 * Finance: a fiscal year's income and expenditure statement (what `/finance/reports/
 * income-expenditure` answers) over HAVEN_BENCH_POSTINGS ledger postings (default 1 000 000),
 * against the one raw SQL aggregate over the same rows. SQLite always, PostgreSQL when
 * HAVEN_BENCH_PG_URL is set. Goal: Haven / raw SQL ≤ 1.5.
 *   node --import tsx bench/finance-statement.ts
 * The postings are synthetic: pairs (a programme's expense against the yuan held in China, or a
 * donation into the bank) spread over three fiscal years, written in batches.
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PROGRAMMES } from '@haven/core/money/programmes'
import { sql } from 'kysely'
import type { AppContext } from '../packages/server/src/app-context.js'
import { loadConfig, resolveUrls } from '../packages/server/src/config/load-config.js'
import { cryptoContext } from '../packages/server/src/crypto/crypto-context.js'
import { MasterKey } from '../packages/server/src/crypto/master-key.js'
import type { HavenDatabase } from '../packages/server/src/db/database.js'
import { allMigrations } from '../packages/server/src/db/migrations/index.js'
import { migrateToLatest } from '../packages/server/src/db/migrator.js'
import { incomeAndExpenditure } from '../packages/server/src/modules/finance/index.js'
import { MODULES } from '../packages/server/src/modules/index.js'
import { createLogger } from '../packages/server/src/server/logger.js'
import { onEachBenchDatabase } from './support/bench-databases.js'
import { percentile, printHeader, table } from './support/bench-env.js'

const POSTINGS = Number(process.env.HAVEN_BENCH_POSTINGS ?? 1_000_000)
const ROUNDS = 15
// Two postings of 14 columns per transaction: 1000 keeps a batch under SQLite's 32,766 variables.
const BATCH = 1000
const EXPENSE: Record<string, string> = {
  food: '5100',
  shelters: '5200',
  education: '5300',
  medical: '5400',
  resettlement: '5500',
  advocacy: '5600',
  administration: '5700',
}

async function timed(work: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  await work()
  const times: number[] = []
  for (let i = 0; i < ROUNDS; i += 1) {
    const started = process.hrtime.bigint()
    await work()
    times.push(Number(process.hrtime.bigint() - started) / 1e6)
  }
  times.sort((a, b) => a - b)
  return { p50: percentile(times, 50), p95: percentile(times, 95) }
}

/** Writes the synthetic ledger: POSTINGS / 2 balanced transactions of two lines each. */
async function fill(database: HavenDatabase): Promise<void> {
  const db = database.db
  const start = Date.UTC(2019, 3, 1)
  const days = 3 * 365
  for (let done = 0; done < POSTINGS / 2; done += BATCH) {
    const transactions = []
    const postings = []
    for (let i = done; i < Math.min(done + BATCH, POSTINGS / 2); i += 1) {
      const id = `bench-${String(i).padStart(9, '0')}`
      const day = new Date(start + (i % days) * 86_400_000).toISOString().slice(0, 10)
      const programme = PROGRAMMES[i % PROGRAMMES.length] ?? 'food'
      const income = i % 10 === 0
      const fen = 1000 + (i % 5000) * 20 // multiples of 20 fen are whole yen at 15
      transactions.push({
        id,
        occurred_on: day,
        memo: '',
        kind: 'manual',
        source_module: null,
        source_kind: null,
        source_id: null,
        compartment_id: null,
        reverses_id: null,
        reversed_by_id: null,
        created_at: day,
        created_by: null,
      })
      const line = (n: number, account: string, currency: string, minor: number, yen: number) => ({
        id: `${id}-${n}`,
        transaction_id: id,
        occurred_on: day,
        month: day.slice(0, 7),
        account_code: account,
        programme,
        currency,
        minor,
        report_currency: 'JPY',
        report_minor: yen,
        rate: currency === 'JPY' ? '1' : '15',
        rate_date: null,
        counterparty_kind: null,
        counterparty_code: null,
      })
      if (income)
        postings.push(line(1, '1200', 'JPY', fen, fen), line(2, '4100', 'JPY', -fen, -fen))
      else
        postings.push(
          line(1, EXPENSE[programme] ?? '5700', 'CNY', fen, (fen * 15) / 100),
          line(2, '1110', 'CNY', -fen, (-fen * 15) / 100),
        )
    }
    await db.insertInto('finance_transactions').values(transactions).execute()
    await db.insertInto('finance_postings').values(postings).execute()
  }
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
  await fill(database)
  console.log(
    `${label}: ${POSTINGS.toLocaleString('en')} postings in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  )
  const haven = await timed(() => incomeAndExpenditure(app, 2020))
  const raw = await timed(() =>
    sql`select account_code, sum(report_minor) as minor from finance_postings
        where occurred_on >= '2020-04-01' and occurred_on <= '2021-03-31'
        group by account_code`.execute(database.db),
  )
  rmSync(dataDir, { recursive: true, force: true })
  return [
    [
      label,
      'FY income and expenditure statement',
      `${haven.p50.toFixed(1)} ms (${haven.p95.toFixed(1)})`,
      `${raw.p50.toFixed(1)} ms (${raw.p95.toFixed(1)})`,
      (haven.p50 / raw.p50).toFixed(2),
    ],
  ]
}

printHeader(`Finance statement over ${POSTINGS.toLocaleString('en')} postings: Haven vs raw SQL`)
const rows: string[][] = [['database', 'figure', 'Haven p50 (p95)', 'raw SQL p50 (p95)', 'ratio']]
for (const part of await onEachBenchDatabase(run)) rows.push(...part)
console.log(table(rows))
console.log('Goal: ratio ≤ 1.5.')
