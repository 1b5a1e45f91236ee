import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, expect, it } from 'vitest'
import type { AppContext } from '../src/app-context.js'
import { setIatiSettings } from '../src/modules/exchange/iati-service.js'
import { postManual } from '../src/modules/finance/ledger-service.js'
import { createPolicy } from '../src/modules/supplies/distribution-service.js'
import { createItem, createLocation } from '../src/modules/supplies/stock-service.js'
import { describeEachDialect } from './support/dialects.js'
import { buildCompartment } from './support/factories.js'
import { TEST_MASTER_KEY, testAppContext } from './support/test-app.js'

const ROOT = join(import.meta.dirname, '../../..')
const IATI = join(ROOT, 'standards/iati/schemas')
const SHIFT_JIS_CSV = readFileSync(new URL('./fixtures/people-shift-jis.csv', import.meta.url))
// A fourth row (ASCII, the same bytes in Shift_JIS): no name, 令和1年4月 (before 令和 began), sex "x".
const WITH_ERRORS = Buffer.concat([SHIFT_JIS_CSV, Buffer.from('Y-4,,,,R1.4.1,x,in_shelter\r\n')])
const DISTRIBUTIONS_CSV = readFileSync(
  new URL('./fixtures/distributions-shift-jis.csv', import.meta.url),
)
const BY = { actorId: null, requestId: null }

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

/**
 * Runs `haven …` as its own process (Node with tsx, as `npm run haven` does from the sources)
 * against this suite's database: the SQLite file, or the PostgreSQL schema via search_path.
 */
function haven(app: AppContext, args: readonly string[]): Promise<Run> {
  const database = app.database
  const url =
    database.dialect === 'sqlite'
      ? (database.file ?? '')
      : `${process.env.HAVEN_TEST_PG_URL}?options=${encodeURIComponent(`-c search_path=${database.schema}`)}`
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      '--import',
      join(import.meta.dirname, 'support/raw-imports.mjs'),
      join(ROOT, 'packages/server/src/index.ts'),
      ...args,
    ],
    {
      // From the project folder, where tsx resolves; the data folder is the test's own.
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        DATA_DIR: mkdtempSync(join(tmpdir(), 'haven-cli-data-')),
        DATABASE_URL: url,
        HAVEN_MASTER_KEY: TEST_MASTER_KEY.toString('hex'),
        ORG_NAME: 'Example Refugee Aid',
        LOG_LEVEL: 'error',
      },
    },
  )
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString('utf-8')
  })
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString('utf-8')
  })
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

// Every run is a fresh Node process compiling the sources with tsx: tens of seconds on a busy machine.
const CLI_TIMEOUT = 900_000

describeEachDialect('the haven command: import and iati, as a separate process', (ctx) => {
  let app: AppContext
  let dir: string

  beforeEach(async () => {
    await ctx.reset()
    app = testAppContext(ctx.database())
    dir = mkdtempSync(join(tmpdir(), 'haven-cli-files-'))
  })

  const peopleIn = (compartmentId: string) =>
    app.database.db
      .selectFrom('people')
      .select(['identity'])
      .where('compartment_id', '=', compartmentId)
      .execute()

  it(
    'haven import people: a dry run lists each problem in Japanese and writes nothing; the fixed file imports; a second run adds nothing',
    async () => {
      const shelter = await buildCompartment(app)
      const bad = join(dir, '名簿.csv')
      const good = join(dir, 'meibo.csv')
      writeFileSync(bad, WITH_ERRORS)
      writeFileSync(good, SHIFT_JIS_CSV)
      const args = ['--compartment', shelter.code, '--source', 'Yanji register']

      const dry = await haven(app, ['import', 'people', bad, ...args, '--dry-run', '--lang', 'ja'])
      expect(dry.code, dry.stderr).toBe(0)
      expect(dry.stdout).toContain(
        'CSV (shift_jis): 4 rows, 3 ready, 0 imported before, 1 with problems',
      )
      expect(dry.stdout).toContain(
        'row 5 · 生年月日: その年は元号の範囲外です（平成は 2019-04-30 まで、令和は 2019-05-01 から）。',
      )
      expect(dry.stdout).toContain('row 5 · 性別:')
      expect(dry.stdout).toContain('この行にはどの文字の名前もありません。')
      expect(await peopleIn(shelter.id)).toEqual([])

      // Without --dry-run, a file with a bad row imports nothing at all.
      const refused = await haven(app, ['import', 'people', bad, ...args])
      expect(refused.code).not.toBe(0)
      expect(refused.stderr).toContain('Nothing was imported')
      expect(await peopleIn(shelter.id)).toEqual([])

      const done = await haven(app, ['import', 'people', good, ...args])
      expect(done.code, done.stderr).toBe(0)
      expect(done.stdout).toContain('Imported 3 people; 0 rows were imported before and skipped.')
      const people = await peopleIn(shelter.id)
      expect(people).toHaveLength(3)
      // Sealed through registration: no name in the clear.
      expect(people.map((p) => p.identity).join()).not.toContain('髙')

      const again = await haven(app, ['import', 'people', good, ...args])
      expect(again.code, again.stderr).toBe(0)
      expect(again.stdout).toContain('Imported 0 people; 3 rows were imported before and skipped.')
      expect(await peopleIn(shelter.id)).toHaveLength(3)
    },
    CLI_TIMEOUT,
  )

  it(
    'haven import distributions and donations: a cap refuses a row in Japanese, nothing is written; the fixed file imports once',
    async () => {
      const shelter = await buildCompartment(app)
      await createPolicy(
        app,
        {
          compartmentId: shelter.id,
          validFrom: '2026-01-01',
          validTo: null,
          amount: '20',
          currency: 'CNY',
          buysGrams: 10_000,
          dailyCap: 20,
          monthlyCap: '100000',
          monthlyCapCurrency: 'CNY',
          rationGrams: 500,
        },
        BY,
      )
      const distributions = () =>
        app.database.db
          .selectFrom('distributions')
          .select('headcount')
          .where('compartment_id', '=', shelter.id)
          .execute()
      const over = join(dir, 'haifu.csv')
      // A fourth row on 令和8年5月1日 again: 12 + 9 people is past the daily cap of 20.
      writeFileSync(over, Buffer.concat([DISTRIBUTIONS_CSV, Buffer.from('A-4,2026-05-01,9\r\n')]))
      const good = join(dir, 'haifu-ok.csv')
      writeFileSync(good, DISTRIBUTIONS_CSV)
      const args = ['--compartment', shelter.code, '--source', 'Yanji office']

      const dry = await haven(app, [
        'import',
        'distributions',
        over,
        ...args,
        '--dry-run',
        '--lang',
        'ja',
      ])
      expect(dry.code, dry.stderr).toBe(0)
      expect(dry.stdout).toContain(
        'CSV (shift_jis): 4 rows, 3 ready, 0 imported before, 1 with problems',
      )
      expect(dry.stdout).toMatch(/row 5: .*20/)
      const refused = await haven(app, ['import', 'distributions', over, ...args])
      expect(refused.code).not.toBe(0)
      expect(refused.stderr).toContain('Nothing was imported')
      expect(await distributions()).toEqual([])

      const done = await haven(app, ['import', 'distributions', good, ...args])
      expect(done.code, done.stderr).toBe(0)
      expect(done.stdout).toContain('Imported 3 distributions; 0 rows were imported before')
      const again = await haven(app, ['import', 'distributions', good, ...args])
      expect(again.stdout).toContain('Imported 0 distributions; 3 rows were imported before')
      expect(await distributions()).toHaveLength(3)

      const gifts = join(dir, 'kifu.csv')
      writeFileSync(gifts, '受領日,金額,通貨,事業\n令和8年5月2日,5000,円,food\n')
      const posted = await haven(app, ['import', 'donations', gifts, '--source', 'bank'])
      expect(posted.code, posted.stderr).toBe(0)
      expect(posted.stdout).toContain('Imported 1 donations')
      const twice = await haven(app, ['import', 'donations', gifts, '--source', 'bank'])
      expect(twice.stdout).toContain('Imported 0 donations; 1 rows were imported before')
    },
    CLI_TIMEOUT,
  )

  it(
    'haven import supplies: an unknown item is refused in Japanese, nothing is written; the fixed file imports once',
    async () => {
      await createItem(app, { name: 'Rice', nameJa: '米', kind: 'rice', unit: 'kg' }, BY)
      await createLocation(
        app,
        { name: 'Yanji warehouse', nameJa: '延吉倉庫', kind: 'warehouse', compartmentId: null },
        BY,
      )
      const received = () =>
        app.database.db.selectFrom('stock_movements').select('quantity').execute()
      const bad = join(dir, 'nyuko-ng.csv')
      writeFileSync(
        bad,
        '品目,保管場所,数量,入庫日\n米,延吉倉庫,50,令和8年5月1日\n毛布,延吉倉庫,5,令和8年5月1日\n',
      )
      const good = join(dir, 'nyuko.csv')
      writeFileSync(good, '品目,保管場所,数量,入庫日\n米,延吉倉庫,50,令和8年5月1日\n')
      const args = ['--source', 'Yanji warehouse']

      const dry = await haven(app, [
        'import',
        'supplies',
        bad,
        ...args,
        '--dry-run',
        '--lang',
        'ja',
      ])
      expect(dry.code, dry.stderr).toBe(0)
      expect(dry.stdout).toContain('2 rows, 1 ready, 0 imported before, 1 with problems')
      expect(dry.stdout).toContain('「毛布」という品目はありません')
      const refused = await haven(app, ['import', 'supplies', bad, ...args])
      expect(refused.code).not.toBe(0)
      expect(await received()).toEqual([])

      const done = await haven(app, ['import', 'supplies', good, ...args])
      expect(done.code, done.stderr).toBe(0)
      expect(done.stdout).toContain('Imported 1 supplies; 0 rows were imported before')
      const again = await haven(app, ['import', 'supplies', good, ...args])
      expect(again.stdout).toContain('Imported 0 supplies; 1 rows were imported before')
      expect((await received()).map((m) => Number(m.quantity))).toEqual([50_000])
    },
    CLI_TIMEOUT,
  )

  it(
    'haven iati: writes the year’s files, valid against the IATI 2.03 schemas, and says why when it cannot',
    async () => {
      await setIatiSettings(
        app,
        {
          orgRef: 'JP-CN-1234567890123',
          orgType: '22',
          nameEn: 'Haven',
          nameJa: 'ヘイブン',
          countries: [{ code: 'CN', percentage: 100 }],
        },
        BY,
      )
      await postManual(
        app,
        {
          on: '2026-05-02',
          direction: 'out',
          amount: '1000',
          currency: 'JPY',
          programme: 'food',
          memo: '',
        },
        BY,
      )
      for (const kind of ['activities', 'organisation'] as const) {
        const out = join(dir, `${kind}.xml`)
        const run = await haven(app, ['iati', kind, '--fiscal-year', '2026', '--out', out])
        expect(run.code, run.stderr).toBe(0)
        expect(run.stdout).toContain(`Wrote ${out}`)
        const lint = await new Promise<number | null>((resolve) => {
          const schema =
            kind === 'activities' ? 'iati-activities-schema.xsd' : 'iati-organisations-schema.xsd'
          const x = spawn('xmllint', ['--nonet', '--noout', '--schema', join(IATI, schema), out])
          x.on('close', resolve)
        })
        expect(lint).toBe(0)
        const xml = readFileSync(out, 'utf-8')
        expect(xml).toContain(
          kind === 'activities'
            ? '<iati-identifier>JP-CN-1234567890123-food</iati-identifier>'
            : '<organisation-identifier>JP-CN-1234567890123</organisation-identifier>',
        )
      }

      const empty = await haven(app, [
        'iati',
        'activities',
        '--fiscal-year',
        '2040',
        '--out',
        join(dir, 'b.xml'),
      ])
      expect(empty.code).not.toBe(0)
      expect(empty.stderr).toContain('no activity to publish')
    },
    CLI_TIMEOUT,
  )
})
