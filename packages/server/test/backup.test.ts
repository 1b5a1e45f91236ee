import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseSearchQuery } from '@haven/core/site/search-query'
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest'
import type { AppContext } from '../src/app-context.js'
import { audit } from '../src/auth/auth-audit.js'
import {
  createBackup,
  hashDatabase,
  restoreBackup,
  verifyBackup,
} from '../src/backup/backup-service.js'
import type { AgeProtection } from '../src/crypto/age-file.js'
import { importKeyExport, parseKeyExport, prepareKeyExport } from '../src/crypto/key-export.js'
import { shredCompartment } from '../src/crypto/shred.js'
import type { HavenDatabase } from '../src/db/database.js'
import { publishedReader } from '../src/site/published-db.js'
import { searchPublished } from '../src/site/search-store.js'
import {
  describeEachDialect,
  HAS_POSTGRES,
  openEmptyDatabase,
  type TestDialect,
} from './support/dialects.js'
import { buildCompartment, buildUser } from './support/factories.js'
import { MIGRATIONS } from './support/migrations.js'
import {
  createScratchTables,
  declareScratchPeople,
  insertScratchPerson,
  scratchAddress,
  scratchRows,
} from './support/scratch-people.js'
import { buildEntry } from './support/site-factories.js'
import { testAppContext } from './support/test-app.js'

const PASS: AgeProtection = { kind: 'passphrase', passphrase: 'backup river lantern', logN: 10 }
const UNLOCK = { passphrase: 'backup river lantern' }

let undeclare: () => void
beforeAll(() => {
  undeclare = declareScratchPeople()
})
afterAll(() => undeclare())

describeEachDialect('encrypted backups', (ctx) => {
  let app: AppContext
  let dir: string
  const targets: (() => Promise<void>)[] = []
  beforeAll(async () => {
    await createScratchTables(ctx.database().db)
  })
  beforeEach(async () => {
    await ctx.reset()
    app = testAppContext(ctx.database())
    dir = mkdtempSync(join(tmpdir(), 'haven-backup-'))
  })
  afterEach(async () => {
    for (const cleanup of targets.splice(0)) await cleanup()
  })

  async function emptyTarget(dialect: TestDialect = ctx.dialect): Promise<HavenDatabase> {
    const opened = await openEmptyDatabase(dialect)
    targets.push(opened.cleanup)
    // The scratch entity stands in for a module's tables, which its migrations would create.
    await createScratchTables(opened.database.db)
    return opened.database
  }

  async function populate() {
    const shelter = await buildCompartment(app)
    const region = await buildCompartment(app)
    await buildUser(app, { grants: [{ role: 'caseworker', compartmentId: shelter.id }] })
    const people = {
      kim: await insertScratchPerson(app, shelter.id, {
        names: '김영훈 / 金永勲 / Kim Yong-hun',
        notes: 'Arrived with two children',
      }),
      park: await insertScratchPerson(app, region.id, { names: '박지원 / Park Ji-won' }),
    }
    await audit(app, app.database.db, { actorId: null, action: 'test.populated' })
    return { shelter, region, people }
  }

  const openNames = async (a: AppContext, compartmentId: string) =>
    Promise.all(
      (await scratchRows(a.database.db, compartmentId)).map((r) =>
        a.crypto.fields.openOrDestroyed(
          a.database.db,
          scratchAddress(compartmentId, r.id, 'names'),
          r.names ?? '',
        ),
      ),
    )

  it('backs up, verifies and restores with identical row hashes; with the key export every sealed field opens again', async () => {
    const { shelter } = await populate()
    // Keys are exported on their own; the export is recorded (a row, an audit entry) in the data.
    const keys = Buffer.from(
      JSON.stringify(
        (await prepareKeyExport(app, { actorId: null, requestId: null, protection: 'test' }))
          .payload,
      ),
    )
    const out = join(dir, 'haven.backup.age')
    const totals: number[] = []
    const made = await createBackup(ctx.database(), out, PASS, {
      now: () => new Date(),
      onTotal: (n) => totals.push(n),
    })
    expect(made.rows).toBe(totals[0])
    expect(made.header.excluded).toContain('key_store')
    expect(made.header.tables.map((t) => t.name)).not.toContain('key_store')
    expect(readFileSync(out).subarray(0, 21).toString()).toBe('age-encryption.org/v1')

    const verified = await verifyBackup(out, UNLOCK)
    expect(verified.manifest).toEqual(made.manifest)
    // users before grants: each table comes after the tables it references.
    const order = verified.header.tables.map((t) => t.name)
    expect(order.indexOf('users')).toBeLessThan(order.indexOf('grants'))

    const target = await emptyTarget()
    const restored = await restoreBackup(out, UNLOCK, target, MIGRATIONS)
    expect(restored.rows).toBe(made.rows)
    expect(await hashDatabase(target)).toEqual(await hashDatabase(ctx.database()))

    const there = testAppContext(target)
    // Without the keys nothing opens: a data backup alone reveals no sealed field.
    await expect(openNames(there, shelter.id)).rejects.toThrow(/no data key/)
    await importKeyExport(there, parseKeyExport(keys), { actorId: null })
    expect(await openNames(there, shelter.id)).toEqual([
      { destroyed: false, value: '김영훈 / 金永勲 / Kim Yong-hun' },
    ])
  })

  it('restores the public site whole: search finds its pages again and publishing goes on', async () => {
    await buildEntry(app, {
      title: '避難所の報告 Shelter report',
      body: 'Rice and clothes.',
      stage: 'published',
    })
    const out = join(dir, 'site.age')
    await createBackup(ctx.database(), out, PASS, { now: () => new Date() })
    const target = await emptyTarget()
    await restoreBackup(out, UNLOCK, target, MIGRATIONS)
    const there = testAppContext(target)
    const search = async (q: string) =>
      (
        await searchPublished(publishedReader(there.database), {
          terms: parseSearchQuery(q).terms,
          locale: null,
          limit: 10,
          offset: 0,
        })
      ).hits.map((h) => h.title)
    // SQLite's FTS5 table is left out of backups and rebuilt; both indexes find the page.
    expect(await search('避難所')).toEqual(['避難所の報告 Shelter report'])
    expect(await search('shelter')).toEqual(['避難所の報告 Shelter report'])
    // PostgreSQL's id sequences were moved past the restored rows: a new publication fits.
    await buildEntry(there, { title: 'After the restore', stage: 'published' })
    expect(await search('restore')).toEqual(['After the restore'])
  })

  it('refuses a target that holds data, a wrong passphrase, and a damaged or truncated file', async () => {
    await populate()
    const out = join(dir, 'b.age')
    await createBackup(ctx.database(), out, PASS, { now: () => new Date() })
    await expect(restoreBackup(out, UNLOCK, ctx.database(), MIGRATIONS)).rejects.toThrow(
      /target database is not empty/,
    )
    await expect(verifyBackup(out, { passphrase: 'wrong' })).rejects.toThrow(
      /does not open this file/,
    )
    const bytes = readFileSync(out)
    const flipped = Buffer.from(bytes)
    const at = bytes.length - 40
    flipped[at] = (flipped[at] ?? 0) ^ 1
    writeFileSync(join(dir, 'flipped.age'), flipped)
    await expect(verifyBackup(join(dir, 'flipped.age'), UNLOCK)).rejects.toThrow(
      /damaged or cut short/,
    )
    writeFileSync(join(dir, 'cut.age'), bytes.subarray(0, bytes.length - 100))
    await expect(verifyBackup(join(dir, 'cut.age'), UNLOCK)).rejects.toThrow(
      /damaged or cut short|incomplete/,
    )
    // A failed restore leaves the target empty, ready for another try.
    const target = await emptyTarget()
    await expect(restoreBackup(join(dir, 'cut.age'), UNLOCK, target, MIGRATIONS)).rejects.toThrow()
    expect((await hashDatabase(target)).users?.rows ?? 0).toBe(0)
  })

  it('after a shred, a backup taken before it opens no field of that compartment, with any key store made since', async () => {
    const { shelter, region } = await populate()
    const out = join(dir, 'before-shred.age')
    await createBackup(ctx.database(), out, PASS, { now: () => new Date() })
    await shredCompartment(app, shelter, { actorId: null, requestId: null, via: 'cli' })
    const after = Buffer.from(
      JSON.stringify(
        (await prepareKeyExport(app, { actorId: null, requestId: null, protection: 'test' }))
          .payload,
      ),
    )
    const target = await emptyTarget()
    await restoreBackup(out, UNLOCK, target, MIGRATIONS)
    const there = testAppContext(target)
    const result = await importKeyExport(there, parseKeyExport(after), { actorId: null })
    expect(result.refusedShredded).toEqual([])
    expect(await openNames(there, shelter.id)).toEqual([{ destroyed: true }])
    expect(await openNames(there, region.id)).toEqual([
      { destroyed: false, value: '박지원 / Park Ji-won' },
    ])
    // And the live database, whose key store lost the keys, reads the old backup's rows the same way.
    const live = testAppContext(ctx.database())
    const oldRows = await scratchRows(target.db, shelter.id)
    expect(
      await live.crypto.fields.openOrDestroyed(
        target.db,
        scratchAddress(shelter.id, oldRows[0]?.id ?? '', 'names'),
        oldRows[0]?.names ?? '',
      ),
    ).toEqual({ destroyed: true })
  })

  it.runIf(HAS_POSTGRES)(
    'restores across databases (SQLite ⇄ PostgreSQL) with identical hashes',
    async () => {
      await populate()
      const out = join(dir, 'cross.age')
      await createBackup(ctx.database(), out, PASS, { now: () => new Date() })
      const other = ctx.dialect === 'sqlite' ? 'postgres' : 'sqlite'
      const target = await emptyTarget(other)
      await restoreBackup(out, UNLOCK, target, MIGRATIONS)
      expect(await hashDatabase(target)).toEqual(await hashDatabase(ctx.database()))
    },
  )
})
