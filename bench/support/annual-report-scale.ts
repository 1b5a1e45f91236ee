// The annual report compiled over a generated database (`haven generate --people N
// --distributions M`), against the same figures as hand-written raw SQL over the same tables.
// Nothing is written: the compile reads the records and the published reports, protects the
// figures with the organisation's settings and a rounding secret made for the run, and fills the
// templates; no report row, no publication. See bench/README.md, "Annual report".
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { fiscalYear } from '@haven/core/site/fiscal-year'
import { type HavenDatabase, openDatabase } from '../../packages/server/src/db/database.js'
import { MODULES } from '../../packages/server/src/modules/index.js'
import {
  compileReport,
  readDisclosureSettings,
} from '../../packages/server/src/modules/report/index.js'
import { percentile, printHeader, table } from './bench-env.js'
import {
  FLOOR_KEYS,
  type FloorValues,
  floorFigures,
  fromDistributionRows,
  rawDriver,
} from './report-floor.js'
import { prepareDataset } from './scale-haven.js'

type Compiled = Awaited<ReturnType<typeof compileReport>>

/** The compile's true values in the floor's shape (numbers as the engine was given them). */
function compiledValues(compiled: Compiled): FloorValues {
  const values = new Map<string, number | readonly (readonly [string, number])[]>()
  for (const { entry, table: t } of compiled.figures) {
    const dimension = t.table.dimensions[0]
    if (t.table.dimensions.length === 1 && dimension?.name === 'all') {
      const total = t.cells.find((c) => c.coordinates.every((x) => x === null))
      values.set(entry.figure.key, total?.explanation.trueValue ?? Number.NaN)
    } else
      values.set(
        entry.figure.key,
        t.cells
          .filter((c) => c.level === 0)
          .map((c) => [dimension?.labels[c.coordinates[0] ?? -1] ?? '', c.explanation.trueValue]),
      )
  }
  return values
}

/**
 * The compile gives the engine whole numbers of people (an average of 20.3 a day is protected as
 * 20); tonnes keep their kilograms. The floor's values, made comparable.
 */
const asEngineGets = (key: string, v: number) => (key.includes('.tonnes.') ? v : Math.round(v))

function differences(compiled: FloorValues, floor: FloorValues): string[] {
  const out: string[] = []
  for (const key of FLOOR_KEYS) {
    const a = compiled.get(key)
    const b = floor.get(key)
    const same =
      typeof a === 'number' && typeof b === 'number'
        ? Math.abs(a - asEngineGets(key, b)) < 1e-9
        : Array.isArray(a) &&
          Array.isArray(b) &&
          a.length === b.length &&
          a.every(
            ([label, v], i) =>
              label === b[i]?.[0] &&
              Math.abs(v - asEngineGets(key, b[i]?.[1] ?? Number.NaN)) < 1e-9,
          )
    if (!same) out.push(`${key}: compile ${JSON.stringify(a)}, raw SQL ${JSON.stringify(b)}`)
  }
  return out
}

const show = (v: number | readonly (readonly [string, number])[] | undefined) =>
  v === undefined
    ? '—'
    : typeof v === 'number'
      ? v.toLocaleString('en')
      : v.map(([l, n]) => `${l} ${n.toLocaleString('en')}`).join(', ')

const timed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
  const started = process.hrtime.bigint()
  const result = await work()
  return [result, Number(process.hrtime.bigint() - started) / 1e6]
}

export async function runAtScale(rounds: number): Promise<void> {
  const startYear = Number(process.env.HAVEN_BENCH_YEAR ?? 2024)
  const year = fiscalYear(startYear)
  const dataset = prepareDataset()
  printHeader(
    `Annual report FY${year.label} over a generated database, against raw SQL of the same figures (${rounds} rounds)`,
  )
  if (dataset.generatorReport)
    console.log(`generator: ${dataset.generatorReport.replace(/\n/g, '\n           ')}`)
  const database: HavenDatabase = await openDatabase(
    dataset.databaseUrl
      ? { kind: 'postgres', url: dataset.databaseUrl, poolSize: 2 }
      : { kind: 'sqlite', file: join(dataset.dataDir, 'haven.db') },
    { sqliteStartupCheck: 'off' },
  )
  const driver = rawDriver(
    dataset.databaseUrl
      ? { postgresUrl: dataset.databaseUrl }
      : { sqliteFile: join(dataset.dataDir, 'haven.db') },
  )
  try {
    const db = database.db
    const counted = async (t: 'people' | 'distributions') =>
      Number(
        (
          await db
            .selectFrom(t)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirst()
        )?.n ?? 0,
      )
    const body = (lang: string) =>
      `# FY{{year}} (${lang})\n\n${FLOOR_KEYS.map((k) => `- ${k}: {{${k}}}`).join('\n')}\n`
    const report = { fiscal_year: startYear, template_en: body('en'), template_ja: body('ja') }
    const protection = {
      settings: (await readDisclosureSettings(db)).settings,
      roundingSecret: randomBytes(32),
    }
    const compile = () =>
      compileReport(MODULES, db, report, new Date().toISOString().slice(0, 10), protection)
    const floor = () => floorFigures(driver, startYear, year.from, year.to)
    // Warm: HiGHS loads, statements are prepared, pages are cached, for both.
    const first = await compile()
    const raw = await floor()
    const wrong = differences(compiledValues(first), raw)
    if (wrong.length > 0) {
      console.error(`The compile and the raw SQL disagree:\n  ${wrong.join('\n  ')}`)
      process.exitCode = 1
      return
    }
    const compileMs: number[] = []
    const floorMs: number[] = []
    // Alternating, so neither profits from a quieter moment of a shared machine.
    for (let i = 0; i < rounds; i++) {
      compileMs.push((await timed(compile))[1])
      floorMs.push((await timed(floor))[1])
    }
    const [rows, rowsMs] = await timed(() => fromDistributionRows(driver, year.from, year.to))
    compileMs.sort((a, b) => a - b)
    floorMs.sort((a, b) => a - b)
    const p50 = { compile: percentile(compileMs, 50), floor: percentile(floorMs, 50) }
    const dayPeople = raw.get('supplies.food.person-days')
    console.log(
      `database: ${database.describe}; ${(await counted('people')).toLocaleString('en')} people, ${(await counted('distributions')).toLocaleString('en')} distribution rows`,
    )
    console.log(`the compile's figures (true values, before protection), equal to the raw SQL's:`)
    console.log(table([['figure', 'value'], ...FLOOR_KEYS.map((k) => [k, show(raw.get(k))])]))
    console.log('')
    console.log(
      table([
        ['', 'p50 ms', 'p95 ms', 'min ms'],
        ...(
          [
            ['compile (catalogue, engine, narrative checks)', compileMs],
            ['raw SQL, same figures, same tables', floorMs],
          ] as const
        ).map(([label, times]) => [
          label,
          percentile(times, 50).toFixed(1),
          percentile(times, 95).toFixed(1),
          (times[0] ?? Number.NaN).toFixed(1),
        ]),
        ['reference: people and rice from the distribution rows', rowsMs.toFixed(1), '', ''],
      ]),
    )
    console.log('')
    console.log(
      `compile / raw SQL over the same tables (p50): ${(p50.compile / p50.floor).toFixed(2)} × (goal ≤ 1.5 ×)`,
    )
    console.log(
      `compile / one raw aggregate over the year's distribution rows: ${(p50.compile / rowsMs).toFixed(2)} ×; ` +
        `the rows give ${rows.people.toLocaleString('en')} people-days (day totals: ${show(dayPeople)})`,
    )
    if (rows.people !== dayPeople) {
      console.error('The distribution rows and the day totals disagree.')
      process.exitCode = 1
    }
  } finally {
    await driver.close()
    await database.close()
    dataset.dispose()
  }
}
