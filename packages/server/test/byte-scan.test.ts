import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { sql } from 'kysely'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { AppContext } from '../src/app-context.js'
import { audit } from '../src/auth/auth-audit.js'
import { createBackup } from '../src/backup/backup-service.js'
import { ageDecryptBytes, ageEncryptBytes } from '../src/crypto/age-file.js'
import { prepareKeyExport } from '../src/crypto/key-export.js'
import { createLogger } from '../src/server/logger.js'
import {
  describeFindings,
  type Finding,
  needlesFor,
  pgDumpDataOnly,
  scanBytes,
  scanFiles,
} from './support/byte-scan.js'
import { describeEachDialect } from './support/dialects.js'
import { buildCompartment } from './support/factories.js'
import {
  createScratchTables,
  declareScratchPeople,
  insertScratchPerson,
  scratchAddress,
  scratchRows,
  searchScratch,
} from './support/scratch-people.js'
import { testAppContext, testApps } from './support/test-app.js'

/** Names in Hangul, Hanzi/kanji, katakana and Latin, and notes: none may appear anywhere at rest. */
const PEOPLE = [
  { names: '김영훈 / 金永勲 / キム・ヨンフン / Kim Yong-hun', notes: '장백현 출신, 두만강을 건넘' },
  {
    names: '박지원 / 朴智元 / パク・チウォン / Park Ji-won',
    notes: 'Arrived from Hyesan in March',
  },
  { names: '山田花子 / やまだ はなこ / Yamada Hanako', notes: '延吉の協力者宅に滞在' },
]
const NAMES = PEOPLE.flatMap((p) => p.names.split(' / '))
const NOTES = PEOPLE.map((p) => p.notes)
const SECRETS = [...NAMES, ...NOTES]
const allNeedles = () => [...needlesFor(NAMES, { parts: true }), ...needlesFor(NOTES)]
const PASSPHRASE = 'scan lantern harbour'

let undeclare: () => void
beforeAll(() => {
  undeclare = declareScratchPeople()
})
afterAll(() => undeclare())

describeEachDialect('no identifying text at rest', (ctx) => {
  let logLines: string[]
  let app: AppContext
  beforeAll(async () => {
    await ctx.reset()
    await createScratchTables(ctx.database().db)
    logLines = []
    app = testAppContext(ctx.database(), {
      logger: createLogger('trace', { write: (line: string) => logLines.push(line) }),
    })
  })

  it('finds none of the names in the database files, a dump, the logs, a backup (as written and decrypted) or a key export', async () => {
    const db = ctx.database().db
    const needles = allNeedles()
    const shelter = await buildCompartment(app, 'JRL-01')
    const ids: string[] = []
    for (const person of PEOPLE) {
      const id = await insertScratchPerson(app, shelter.id, person)
      ids.push(id)
      // What a module does around a change: an audit entry with facts only, a log line.
      await audit(app, db, {
        actorId: null,
        action: 'person.created',
        entityType: 'ScratchPerson',
        entityId: id,
        compartmentId: shelter.id,
        details: { fields: ['names', 'notes'] },
      })
      app.logger.info({ entityId: id }, 'person created')
    }
    // The second line of defence: a careless log call with identity fields is censored.
    app.logger.warn({ names: PEOPLE[0]?.names, person: { notes: PEOPLE[1]?.notes } }, 'careless')
    // Searches travel in query strings and bodies; the access log keeps neither.
    const apps = testApps(app)
    for (const q of ['Kim Yong-hun', '山田花子', '김영훈'])
      await apps.staff.request(`/api/v1/compartments?q=${encodeURIComponent(q)}`)
    await apps.staff.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'http://localhost:3000' },
      body: JSON.stringify({ loginName: 'Park Ji-won', password: 'Yamada Hanako 2026' }),
    })
    // The data is really there and usable: sealed values open, blind indexes find each script.
    const rows = await scratchRows(db, shelter.id)
    expect(rows).toHaveLength(3)
    const first = rows.find((r) => r.id === ids[0])
    expect(
      await app.crypto.fields.open(
        db,
        scratchAddress(shelter.id, ids[0] ?? '', 'names'),
        first?.names ?? '',
      ),
    ).toBe(PEOPLE[0]?.names)
    for (const q of ['김영훈', '金永勲', 'キム・ヨンフン', 'kim yong-hun'])
      expect(await searchScratch(app, shelter.id, q), q).toEqual([ids[0]])
    expect(await searchScratch(app, shelter.id, 'Kim Young-hoon')).toEqual([])

    const dir = mkdtempSync(join(tmpdir(), 'haven-scan-'))
    const findings: Finding[] = []
    const scanned: string[] = []

    // The database at rest: SQLite's file and write-ahead log, or a PostgreSQL data dump.
    if (ctx.dialect === 'sqlite') {
      await sql`pragma wal_checkpoint(passive)`.execute(db)
      const file = ctx.database().describe.replace(/^SQLite /, '')
      const result = scanFiles([file, `${file}-wal`], needles)
      findings.push(...result.findings)
      scanned.push(...result.scanned.map((s) => s.path))
      expect(result.scanned.length).toBeGreaterThanOrEqual(1)
    } else {
      const schema = (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s
      const dump = pgDumpDataOnly(process.env.HAVEN_TEST_PG_URL ?? '', schema ?? 'public')
      if (dump) {
        // The dump really holds the sealed rows (so an empty dump cannot pass).
        expect(dump.toString('utf8')).toContain(ids[0])
        findings.push(...scanBytes('pg_dump --data-only', dump, needles))
        scanned.push('pg_dump --data-only')
      }
    }

    // The logs, as written.
    const log = Buffer.from(logLines.join(''))
    expect(log.toString()).toContain('person created')
    expect(log.toString()).toContain('[redacted]')
    findings.push(...scanBytes('log', log, needles))

    // A backup, as written and decrypted; and a key export.
    const backup = join(dir, 'backup.age')
    await createBackup(
      ctx.database(),
      backup,
      { kind: 'passphrase', passphrase: PASSPHRASE, logN: 10 },
      { now: () => new Date() },
    )
    findings.push(...scanFiles([backup], needles).findings)
    const plain = gunzipSync(
      await ageDecryptBytes({ passphrase: PASSPHRASE }, readFileSync(backup)),
    )
    expect(plain.toString('utf8')).toContain(ids[0])
    findings.push(...scanBytes('backup (decrypted)', plain, needles))
    const { payload } = await prepareKeyExport(app, {
      actorId: null,
      requestId: null,
      protection: 'test',
    })
    const exportFile = join(dir, 'keys.age')
    writeFileSync(
      exportFile,
      await ageEncryptBytes(
        { kind: 'passphrase', passphrase: PASSPHRASE, logN: 10 },
        Buffer.from(JSON.stringify(payload)),
      ),
    )
    findings.push(...scanFiles([exportFile], needles).findings)
    findings.push(
      ...scanBytes('key export (decrypted)', Buffer.from(JSON.stringify(payload)), needles),
    )

    expect(describeFindings(findings)).toBe('')
    expect(scanned.length).toBeGreaterThan(0)

    // A control: the same scan does see a name written in the clear (it reads the right bytes).
    await db
      .insertInto('settings')
      .values({ key: 'canary', value: 'Kim Yong-hun', updated_at: new Date().toISOString() })
      .execute()
    if (ctx.dialect === 'sqlite') {
      const file = ctx.database().describe.replace(/^SQLite /, '')
      expect(scanFiles([file, `${file}-wal`], needles).findings.length).toBeGreaterThan(0)
    } else if (scanned.includes('pg_dump --data-only')) {
      const schema = (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s
      const dump = pgDumpDataOnly(process.env.HAVEN_TEST_PG_URL ?? '', schema ?? 'public')
      expect(scanBytes('dump', dump ?? Buffer.alloc(0), needles).length).toBeGreaterThan(0)
    }
    await db.deleteFrom('settings').where('key', '=', 'canary').execute()

    // The master key is in none of them either.
    const master = needlesFor([]).concat([
      {
        secret: 'master key',
        encoding: 'base64',
        bytes: Buffer.from(app.crypto.master.bytes().toString('base64')),
      },
      { secret: 'master key', encoding: 'raw', bytes: app.crypto.master.bytes() },
    ])
    expect(
      describeFindings([
        ...scanBytes('backup (decrypted)', plain, master),
        ...scanBytes('log', log, master),
      ]),
    ).toBe('')
  })

  it('the scanner itself finds each script in each encoding (it is not blind)', () => {
    const needles = allNeedles()
    for (const secret of SECRETS) {
      for (const encoding of ['utf8', 'utf16le'] as const) {
        const haystack = Buffer.concat([
          Buffer.from('xx'),
          Buffer.from(secret, encoding),
          Buffer.from('yy'),
        ])
        expect(
          scanBytes('test', haystack, needles).some((f) => f.secret === secret),
          `${secret} ${encoding}`,
        ).toBe(true)
      }
    }
    expect(scanBytes('test', Buffer.from('pak chiwon, KIMYONGHUN'), needles)).toEqual([])
    expect(scanBytes('test', Buffer.from('{"n":"kimyonghun"}'), needles).length).toBeGreaterThan(0)
  })
})
