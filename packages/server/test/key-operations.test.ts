import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { sql } from 'kysely'
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest'
import type { AppContext } from '../src/app-context.js'
import { openTotpSecret, sealTotpSecret } from '../src/auth/totp-secrets.js'
import { cryptoContext } from '../src/crypto/crypto-context.js'
import { FieldDestroyedError, KeyOperationError } from '../src/crypto/crypto-errors.js'
import { FieldCrypto } from '../src/crypto/field-crypto.js'
import { importKeyExport, parseKeyExport, prepareKeyExport } from '../src/crypto/key-export.js'
import { resumeRotation, runRotation, startRotation } from '../src/crypto/key-rotation.js'
import { ownerKeys } from '../src/crypto/key-store.js'
import { MasterKey } from '../src/crypto/master-key.js'
import { sealedTablesOf } from '../src/crypto/sealed-registry.js'
import { compareAndSetSealed } from '../src/crypto/sealed-store.js'
import { shredCompartment } from '../src/crypto/shred.js'
import { describeEachDialect } from './support/dialects.js'
import { buildCompartment, buildUser } from './support/factories.js'
import {
  createScratchTables,
  declareScratchPeople,
  insertScratchPerson,
  scratchAddress,
  scratchRows,
  searchScratch,
} from './support/scratch-people.js'
import { testAppContext } from './support/test-app.js'

const KIM = '김영훈 / 金永勲 / キム・ヨンフン / Kim Yong-hun'
const PARK = '박지원 / 朴智元 / パク・チウォン / Park Ji-won'
const LEE = '이민지 / 李敏智 / イ・ミンジ / Lee Min-ji'

let undeclare: () => void
beforeAll(() => {
  undeclare = declareScratchPeople()
})
afterAll(() => undeclare())

describeEachDialect('key operations', (ctx) => {
  let app: AppContext
  beforeAll(async () => {
    await createScratchTables(ctx.database().db)
  })
  beforeEach(async () => {
    await ctx.reset()
    app = testAppContext(ctx.database())
  })

  const openAll = async (a: AppContext, compartmentId: string) => {
    const out: Record<string, { names: string; notes: string | null }> = {}
    for (const row of await scratchRows(a.database.db, compartmentId)) {
      const db = a.database.db
      out[row.id] = {
        names: await a.crypto.fields.open(
          db,
          scratchAddress(compartmentId, row.id, 'names'),
          row.names ?? '',
        ),
        notes: row.notes
          ? await a.crypto.fields.open(
              db,
              scratchAddress(compartmentId, row.id, 'notes'),
              row.notes,
            )
          : null,
      }
    }
    return out
  }

  it('rotation re-seals every value under the new key, keeps them readable and searchable, and leaves other compartments alone', async () => {
    const c = await buildCompartment(app)
    const other = await buildCompartment(app)
    const kim = await insertScratchPerson(app, c.id, { names: KIM, notes: 'Arrived in March' })
    const park = await insertScratchPerson(app, c.id, { names: PARK })
    const lee = await insertScratchPerson(app, other.id, { names: LEE, notes: 'Needs insulin' })
    const before = await openAll(app, c.id)
    const otherBefore = await scratchRows(ctx.database().db, other.id)

    const { job } = await startRotation(app, c.id, { actorId: null, requestId: null })
    expect([job.data_version, job.index_version, job.total]).toEqual([2, 2, 2])
    // Between start and finish, old values open and searches find records under either key.
    expect(await openAll(app, c.id)).toEqual(before)
    expect(await searchScratch(app, c.id, 'Kim Yong-hun')).toEqual([kim])
    const seen: number[] = []
    const done = await runRotation(app, job.id, {
      batchSize: 1,
      settleMs: 0,
      onProgress: (j) => seen.push(j.done),
    })
    expect(done.status).toBe('done')
    expect(seen).toContain(1)
    expect(seen.at(-1)).toBe(2)

    const rows = await scratchRows(ctx.database().db, c.id)
    for (const row of rows) {
      expect(FieldCrypto.versionOf(row.names ?? '')).toBe(2)
      if (row.notes) expect(FieldCrypto.versionOf(row.notes)).toBe(2)
    }
    expect(await openAll(app, c.id)).toEqual(before)
    // The old key versions are retired, not destroyed: older backups still open.
    const keys = await ownerKeys(ctx.database().db, c.id)
    expect(keys.map((k) => [k.purpose, k.version, k.retired_at !== null])).toEqual([
      ['data', 1, true],
      ['data', 2, false],
      ['index', 1, true],
      ['index', 2, false],
    ])
    // Every stored term is now under index key 2, and each script variant still finds the person.
    const terms = await sql<{
      term: string
    }>`select term from scratch_person_terms where compartment_id = ${c.id}`.execute(
      ctx.database().db,
    )
    expect(terms.rows.every((t) => t.term.startsWith('2:'))).toBe(true)
    for (const q of ['김영훈', '金永勲', 'きむよんふん', 'kim yong-hun', 'Park Ji-won'])
      expect((await searchScratch(app, c.id, q)).length, q).toBe(1)
    expect(await searchScratch(app, c.id, 'Kim Young-hoon')).toEqual([])
    expect(await searchScratch(app, c.id, '박지원')).toEqual([park])
    // The other compartment was not touched at all.
    expect(await scratchRows(ctx.database().db, other.id)).toEqual(otherBefore)
    expect(await searchScratch(app, other.id, 'Lee Min-ji')).toEqual([lee])
    // A new value is sealed under the new version at once.
    const fresh = await insertScratchPerson(app, c.id, { names: 'Choi Su-jin' })
    const freshRow = (await scratchRows(ctx.database().db, c.id)).find((r) => r.id === fresh)
    expect(FieldCrypto.versionOf(freshRow?.names ?? '')).toBe(2)
  })

  it('resumes after an interruption and is idempotent', async () => {
    const c = await buildCompartment(app)
    for (let i = 0; i < 5; i += 1)
      await insertScratchPerson(app, c.id, { names: `Person ${i} / 사람${i}` })
    const before = await openAll(app, c.id)
    const { job } = await startRotation(app, c.id, { actorId: null, requestId: null })
    await expect(
      runRotation(app, job.id, {
        batchSize: 2,
        settleMs: 0,
        // Cut during the second batch of this compartment's rows (other sealed tables are empty
        // here); the report runs inside the batch's transaction, so that batch rolls back.
        onProgress: (progress) => {
          if (progress.done >= 4) throw new Error('power cut')
        },
      }),
    ).rejects.toThrow('power cut')
    const mixed = (await scratchRows(ctx.database().db, c.id)).map((r) =>
      FieldCrypto.versionOf(r.names ?? ''),
    )
    expect(mixed).toContain(1)
    expect(mixed).toContain(2)
    expect(await openAll(app, c.id)).toEqual(before)
    // Starting again hands back the unfinished job rather than rotating twice.
    const again = await startRotation(app, c.id, { actorId: null, requestId: null })
    expect(again.resumed).toBe(true)
    expect(again.job.id).toBe(job.id)
    const finished = await resumeRotation(app, job.id, { batchSize: 2, settleMs: 0 })
    expect(finished.status).toBe('done')
    expect(
      (await scratchRows(ctx.database().db, c.id)).every(
        (r) => FieldCrypto.versionOf(r.names ?? '') === 2,
      ),
    ).toBe(true)
    expect(await openAll(app, c.id)).toEqual(before)
    expect((await runRotation(app, job.id, { settleMs: 0 })).status).toBe('done')
  })

  it('stops, naming the record, at a tampered value, and finishes once it is dealt with', async () => {
    const c = await buildCompartment(app)
    const good = await insertScratchPerson(app, c.id, { names: 'Han Ye-jin' })
    const bad = await insertScratchPerson(app, c.id, { names: 'Yoon Seo-yeon' })
    const db = ctx.database().db
    // A ciphertext copied from another row does not belong here.
    const goodRow = (await scratchRows(db, c.id)).find((r) => r.id === good)
    await sql`update scratch_people set names = ${goodRow?.names ?? ''} where id = ${bad}`.execute(
      db,
    )
    const { job } = await startRotation(app, c.id, { actorId: null, requestId: null })
    await expect(runRotation(app, job.id, { settleMs: 0 })).rejects.toThrow(
      new RegExp(`scratch_people.names of record ${bad} does not open .*run the rotation again`),
    )
    await sql`update scratch_people set names = null where id = ${bad}`.execute(db)
    expect((await resumeRotation(app, job.id, { settleMs: 0 })).status).toBe('done')
  })

  it('compare-and-set leaves a record a person changed meanwhile alone', async () => {
    const c = await buildCompartment(app)
    const id = await insertScratchPerson(app, c.id, { names: 'Jung Da-eun' })
    const db = ctx.database().db
    const [table] = sealedTablesOf(c.id).filter((t) => t.table === 'scratch_people')
    if (!table) throw new Error('scratch table not declared')
    const row = (await scratchRows(db, c.id))[0]
    expect(
      await compareAndSetSealed(db, table, id, { names: 'not what is there' }, { names: 'x' }),
    ).toBe(false)
    expect((await scratchRows(db, c.id))[0]).toEqual(row)
    expect(
      await compareAndSetSealed(
        db,
        table,
        id,
        { names: row?.names ?? null },
        { names: row?.names ?? null },
      ),
    ).toBe(true)
  })

  it('rotates Haven’s own key too: authenticator seeds stay usable', async () => {
    const user = await buildUser(app)
    const db = ctx.database().db
    const sealed = await sealTotpSecret(app, db, user.id, 'JBSWY3DPEHPK3PXP')
    await db
      .insertInto('totp_factors')
      .values({
        user_id: user.id,
        secret: sealed,
        confirmed_at: null,
        last_time_step: null,
        created_at: new Date().toISOString(),
      })
      .execute()
    const { job } = await startRotation(app, 'system', { actorId: null, requestId: null })
    await runRotation(app, job.id, { settleMs: 0 })
    const row = await db.selectFrom('totp_factors').selectAll().executeTakeFirstOrThrow()
    expect(FieldCrypto.versionOf(row.secret)).toBe(2)
    expect(await openTotpSecret(app, db, user.id, row.secret)).toBe('JBSWY3DPEHPK3PXP')
  })

  it('a shred destroys one compartment for good — even with the master key — and names the key exports that still hold it', async () => {
    const raided = await buildCompartment(app)
    const safe = await buildCompartment(app)
    const a = await insertScratchPerson(app, raided.id, { names: KIM, notes: 'Shelter JRL-01' })
    await insertScratchPerson(app, safe.id, { names: PARK })
    const safeBefore = await openAll(app, safe.id)
    const early = await prepareKeyExport(app, {
      actorId: null,
      requestId: null,
      protection: 'passphrase',
    })
    const { job } = await startRotation(app, raided.id, { actorId: null, requestId: null })

    const result = await shredCompartment(app, raided, {
      actorId: null,
      requestId: null,
      via: 'cli',
    })
    expect(result.destroyedKeys).toBe(4)
    expect(result.exportsToDestroy.map((e) => e.key_set_fingerprint)).toEqual([
      early.record.key_set_fingerprint,
    ])
    const db = ctx.database().db
    const row = (await scratchRows(db, raided.id)).find((r) => r.id === a)
    expect(row?.names).toMatch(/^v1\./) // the row stays: codes, dates, counts
    for (const context of [app, testAppContext(ctx.database())]) {
      expect(
        await context.crypto.fields.openOrDestroyed(
          db,
          scratchAddress(raided.id, a, 'names'),
          row?.names ?? '',
        ),
      ).toEqual({ destroyed: true })
      await expect(
        context.crypto.fields.open(db, scratchAddress(raided.id, a, 'notes'), row?.notes ?? ''),
      ).rejects.toThrow(FieldDestroyedError)
    }
    // Its blind index is gone, its rotation stopped, and the other compartment is untouched.
    const terms = await sql<{
      n: number
    }>`select count(*) as n from scratch_person_terms where compartment_id = ${raided.id}`.execute(
      db,
    )
    expect(Number(terms.rows[0]?.n)).toBe(0)
    expect(
      (await db.selectFrom('key_jobs').selectAll().where('id', '=', job.id).executeTakeFirst())
        ?.status,
    ).toBe('failed')
    expect(await openAll(app, safe.id)).toEqual(safeBefore)
    await expect(
      shredCompartment(app, raided, { actorId: null, requestId: null, via: 'cli' }),
    ).rejects.toThrow(/already shredded/)
    const entry = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'compartment.shredded')
      .executeTakeFirstOrThrow()
    expect(JSON.parse(entry.details)).toMatchObject({
      code: raided.code,
      keysDestroyed: 4,
      keyExportsStillHoldingKeys: [early.record.key_set_fingerprint],
    })
  })

  it('leaves no copy of a shredded compartment’s wrapped keys in the database files', async () => {
    const raided = await buildCompartment(app)
    await insertScratchPerson(app, raided.id, { names: KIM })
    const db = ctx.database().db
    const wrapped = (await ownerKeys(db, raided.id)).map((k) => Buffer.from(k.wrapped))
    const files = () => {
      const file = ctx.database().describe.replace(/^SQLite /, '')
      return [file, `${file}-wal`].filter(existsSync).map((f) => readFileSync(f))
    }
    const found = () => wrapped.filter((w) => files().some((bytes) => bytes.includes(w))).length
    const fileNode = async () =>
      (
        await sql<{ node: string }>`select pg_relation_filenode('key_store')::text as node`.execute(
          db,
        )
      ).rows[0]?.node
    if (ctx.dialect === 'sqlite') expect(found()).toBe(wrapped.length) // the control: they are there
    const nodeBefore = ctx.dialect === 'postgres' ? await fileNode() : undefined
    await shredCompartment(app, raided, { actorId: null, requestId: null, via: 'cli' })
    if (ctx.dialect === 'sqlite') expect(found()).toBe(0)
    else {
      // PostgreSQL's files are not ours to read: VACUUM FULL wrote the table to a new file, so the
      // old one (with the dead tuples) is gone. (Dead-tuple statistics lag under load.)
      expect(await fileNode()).not.toBe(nodeBefore)
    }
  })

  it('exports and imports the key store: wrapped keys only, refusing a wrong master, an altered file and shredded keys', async () => {
    const c = await buildCompartment(app)
    const gone = await buildCompartment(app)
    await insertScratchPerson(app, c.id, { names: KIM })
    const before = await openAll(app, c.id)
    const { payload, record } = await prepareKeyExport(app, {
      actorId: null,
      requestId: null,
      protection: 'passphrase',
    })
    expect(payload.masterFingerprint).toBe(app.crypto.master.fingerprint())
    expect(payload.compartments.map((x) => x.code).sort()).toEqual([c.code, gone.code].sort())
    const bytes = Buffer.from(JSON.stringify(payload))
    expect(bytes.toString()).not.toContain(app.crypto.master.bytes().toString('base64'))
    expect(bytes.toString()).not.toContain(app.crypto.master.bytes().toString('base64url'))
    expect(record.key_count).toBe(payload.keys.length)

    // The key store is lost (a restore into a new database): the import brings every field back.
    const db = ctx.database().db
    await db.deleteFrom('key_store').execute()
    await shredCompartment(app, gone, { actorId: null, requestId: null, via: 'cli' })
    const fresh = testAppContext(ctx.database())
    await expect(openAll(fresh, c.id)).rejects.toThrow(/no data key version 1/)

    const stranger = {
      ...fresh,
      crypto: cryptoContext(new MasterKey(randomBytes(32), 'test'), () => new Date()),
    }
    await expect(
      importKeyExport(stranger, parseKeyExport(bytes), { actorId: null }),
    ).rejects.toThrow(/wrapped by master key .* but this server's master key is/)
    const altered = { ...payload, keys: payload.keys.slice(1) }
    expect(() => parseKeyExport(Buffer.from(JSON.stringify(altered)))).toThrow(/altered/)
    expect(() => parseKeyExport(Buffer.from('{"hello":1}'))).toThrow(KeyOperationError)

    const result = await importKeyExport(fresh, parseKeyExport(bytes), { actorId: null })
    expect(result.refusedShredded).toEqual([gone.id])
    expect(result.imported).toBe(payload.keys.length - 2)
    expect(await openAll(fresh, c.id)).toEqual(before)
    expect((await ownerKeys(db, gone.id)).length).toBe(0)
    // Importing again changes nothing.
    expect((await importKeyExport(fresh, parseKeyExport(bytes), { actorId: null })).imported).toBe(
      0,
    )
  })

  it('re-wraps every key under a new master key without touching a sealed value', async () => {
    const c = await buildCompartment(app)
    await insertScratchPerson(app, c.id, { names: KIM, notes: 'x' })
    const before = await openAll(app, c.id)
    const rowsBefore = await scratchRows(ctx.database().db, c.id)
    const next = randomBytes(32)
    await ctx
      .database()
      .db.transaction()
      .execute((trx) => app.crypto.keyring.rewrapAll(trx, next))
    expect(await scratchRows(ctx.database().db, c.id)).toEqual(rowsBefore)
    const withNew = testAppContext(ctx.database(), { masterKey: next })
    expect(await openAll(withNew, c.id)).toEqual(before)
    const withOld = testAppContext(ctx.database())
    await expect(openAll(withOld, c.id)).rejects.toThrow(/does not open with this master key/)
  })
})
