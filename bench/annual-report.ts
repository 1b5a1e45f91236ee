/**
 * The annual report, two ways (see bench/README.md, "Annual report"):
 *
 * - Demo (default): the demo's fiscal year (FY2005–2006), the time to compile it (every figure
 *   the default templates name, computed from the records and passed through the disclosure
 *   engine together, with the differencing guard and the narrative check) and to publish it (the
 *   compile again inside the transaction, the frozen publication, the site's pages in EN and JA).
 *   SQLite always, PostgreSQL when HAVEN_BENCH_PG_URL is set.
 *     node --import tsx bench/annual-report.ts
 * - Scale (HAVEN_BENCH_DATA_DIR set): a year of a database made by `haven generate --people N
 *   --distributions M`, compiled (nothing written) and timed against the same figures as
 *   hand-written raw SQL over the same tables (bench/support/report-floor.ts). Goal ≤ 1.5 ×.
 *     npm run build
 *     HAVEN_BENCH_DATA_DIR=/tmp/r HAVEN_BENCH_PEOPLE=20000 HAVEN_BENCH_DISTRIBUTIONS=200000 \
 *       node --import tsx bench/annual-report.ts
 *   HAVEN_BENCH_DB_URL for PostgreSQL, HAVEN_BENCH_YEAR (2024), HAVEN_BENCH_ROUNDS (10).
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AppContext } from '../packages/server/src/app-context.js'
import { insertUser } from '../packages/server/src/auth/user-store.js'
import { loadConfig, resolveUrls } from '../packages/server/src/config/load-config.js'
import { cryptoContext } from '../packages/server/src/crypto/crypto-context.js'
import { MasterKey } from '../packages/server/src/crypto/master-key.js'
import type { HavenDatabase } from '../packages/server/src/db/database.js'
import { newId } from '../packages/server/src/db/ids.js'
import { allMigrations } from '../packages/server/src/db/migrations/index.js'
import { migrateToLatest } from '../packages/server/src/db/migrator.js'
import { runDemo } from '../packages/server/src/demo/run-demo.js'
import { MODULES } from '../packages/server/src/modules/index.js'
import {
  approveReport,
  createReport,
  figureCatalogue,
  publishReport,
  reviewReport,
  submitReport,
  updateReport,
} from '../packages/server/src/modules/report/index.js'
import { createLogger } from '../packages/server/src/server/logger.js'
import { runAtScale } from './support/annual-report-scale.js'
import { onEachBenchDatabase } from './support/bench-databases.js'
import { percentile, printHeader, table } from './support/bench-env.js'

const YEAR = 2005
const ROUNDS = Number(process.env.HAVEN_BENCH_ROUNDS ?? 10)

async function run(database: HavenDatabase, label: string): Promise<string[]> {
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
  const seeded = Date.now()
  await runDemo(app)
  const seedSeconds = (Date.now() - seeded) / 1000
  const by = (actorId: string | null) => ({ actorId, requestId: null })
  // Three editors: one writes, two others approve (an approver may not be the last editor).
  const [writer, first, second] = ['writer', 'first', 'second'].map(() => newId())
  for (const id of [writer, first, second]) {
    const at = new Date().toISOString()
    await insertUser(database.db, {
      id: id ?? '',
      login_name: `bench-${id}`,
      display_name: 'Bench editor',
      locale: 'en',
      status: 'active',
      password_hash: 'x',
      created_at: at,
      updated_at: at,
    })
  }
  const report = await createReport(app, YEAR, by(writer ?? null))
  // Every figure the modules offer that has data for the year, one line each in both languages.
  let keys = figureCatalogue(app.modules).map((e) => e.figure.key)
  let version = report.version
  for (;;) {
    const body = (lang: 'en' | 'ja') =>
      `# FY{{year}} (${lang})\n\n${keys.map((k) => `- ${k}: {{${k}}}`).join('\n')}\n`
    version = (
      await updateReport(
        app,
        YEAR,
        { version, templateEn: body('en'), templateJa: body('ja') },
        by(writer ?? null),
      )
    ).version
    try {
      await reviewReport(app, YEAR) // warm: the solver loads, the rounding secret is made
      break
    } catch (error) {
      const missing = (error as { details?: { figures?: string } }).details?.figures
      if (!missing) throw error
      const without = new Set(missing.split(', '))
      keys = keys.filter((k) => !without.has(k))
    }
  }
  const times: number[] = []
  let figures = 0
  for (let i = 0; i < ROUNDS; i++) {
    const started = process.hrtime.bigint()
    const { compiled } = await reviewReport(app, YEAR)
    times.push(Number(process.hrtime.bigint() - started) / 1e6)
    figures = compiled.figures.length
  }
  times.sort((a, b) => a - b)
  await submitReport(app, YEAR, { version }, by(writer ?? null))
  version += 1
  let publishMs = Number.NaN
  try {
    await approveReport(app, YEAR, { version }, by(first ?? null))
    await approveReport(app, YEAR, { version }, by(second ?? null))
    const started = process.hrtime.bigint()
    await publishReport(app, YEAR, { version }, by(first ?? null))
    publishMs = Number(process.hrtime.bigint() - started) / 1e6
  } catch (error) {
    console.log(`${label}: not published (${(error as { code?: string }).code ?? error})`)
  }
  return [
    label,
    String(figures),
    seedSeconds.toFixed(1),
    percentile(times, 50).toFixed(0),
    percentile(times, 95).toFixed(0),
    Number.isNaN(publishMs) ? '—' : publishMs.toFixed(0),
  ]
}

if (process.env.HAVEN_BENCH_DATA_DIR) {
  await runAtScale(ROUNDS)
} else {
  printHeader(`Annual report FY${YEAR}–${YEAR + 1} from the demo records (${ROUNDS} compiles)`)
  const rows = await onEachBenchDatabase(run)
  console.log(
    table([
      ['database', 'figures', 'demo seed s', 'compile p50 ms', 'compile p95 ms', 'publish ms'],
      ...rows,
    ]),
  )
}
