/**
 * Encrypted vs plaintext throughput of a person record: insert and read, on SQLite (and on
 * PostgreSQL when HAVEN_BENCH_PG_URL is set). Goal: encrypted ≥ 0.67 × plaintext.
 *
 *   node --import tsx bench/encryption.ts            (HAVEN_BENCH_N=2000 records by default)
 *
 * Both sides store the same record (four name variants, birth date, notes, two phones) and the
 * same search terms in a terms table, one transaction per record as the API would. The
 * encrypted side seals the five identifying fields (AES-256-GCM under the compartment's key,
 * associated data binding each to its row) and stores blind index terms (HMAC-SHA256); the
 * plaintext side stores the fields and the normalised terms as they are. Reads fetch one record
 * by id (and open its five fields).
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { indexTerms } from '@haven/core/privacy/name-normalize'
import { sql } from 'kysely'
import type { AppContext } from '../packages/server/src/app-context.js'
import { audit } from '../packages/server/src/auth/auth-audit.js'
import { createCompartment } from '../packages/server/src/compartments/compartment-service.js'
import { loadConfig, resolveUrls } from '../packages/server/src/config/load-config.js'
import { cryptoContext } from '../packages/server/src/crypto/crypto-context.js'
import { MasterKey } from '../packages/server/src/crypto/master-key.js'
import type { HavenDatabase } from '../packages/server/src/db/database.js'
import type { Db } from '../packages/server/src/db/db-handle.js'
import { inTransaction } from '../packages/server/src/db/db-handle.js'
import { newId } from '../packages/server/src/db/ids.js'
import { allMigrations } from '../packages/server/src/db/migrations/index.js'
import { migrateToLatest } from '../packages/server/src/db/migrator.js'
import { MODULES } from '../packages/server/src/modules/index.js'
import { createLogger } from '../packages/server/src/server/logger.js'
import { onEachBenchDatabase } from './support/bench-databases.js'

const N = Number(process.env.HAVEN_BENCH_N ?? 2000)
const WARMUP = Math.min(200, Math.max(20, Math.floor(N / 10)))

interface Person {
  names: string
  birthDate: string
  notes: string
  phones: string
}

const SURNAMES = [
  ['김', '金', 'キム', 'Kim'],
  ['박', '朴', 'パク', 'Park'],
  ['이', '李', 'イ', 'Lee'],
  ['최', '崔', 'チェ', 'Choi'],
]
const GIVEN = [
  ['영훈', '永勲', 'ヨンフン', 'Yong-hun'],
  ['지원', '智元', 'チウォン', 'Ji-won'],
  ['민지', '敏智', 'ミンジ', 'Min-ji'],
  ['수진', '秀珍', 'スジン', 'Su-jin'],
]

function person(i: number): Person {
  const s = SURNAMES[i % SURNAMES.length] ?? []
  const g = GIVEN[(i >> 2) % GIVEN.length] ?? []
  return {
    names: [0, 1, 2, 3]
      .map((k) => `${s[k]}${k === 3 ? ' ' : k === 2 ? '・' : ''}${g[k]}`)
      .join(' / '),
    birthDate: `19${60 + (i % 40)}-0${1 + (i % 9)}-1${i % 10}`,
    notes: `Arrived ${i % 28} March through the northern route with ${i % 4} children; needs follow-up on medical care, school enrolment and a safe contact. Case ${i}.`,
    phones: `+86 139 ${String(1000 + (i % 9000))} ${String(2000 + (i % 7000))}; +86 150 ${String(3000 + (i % 6000))} 0${i % 10}00`,
  }
}

const FIELDS = ['names', 'birth_date', 'notes', 'phones'] as const

async function createTables(db: Db): Promise<void> {
  for (const table of ['bench_plain', 'bench_sealed'])
    await sql`create table ${sql.table(table)} (
      id text primary key, compartment_id text not null, code text not null,
      names text, birth_date text, notes text, phones text, created_at text not null)`.execute(db)
  await sql`create table bench_packed (
    id text primary key, compartment_id text not null, code text not null,
    identity text, created_at text not null)`.execute(db)
  for (const table of ['bench_plain_terms', 'bench_sealed_terms', 'bench_packed_terms']) {
    await sql`create table ${sql.table(table)} (
      id text primary key, compartment_id text not null, record_id text not null, term text not null)`.execute(
      db,
    )
    await sql`create index ${sql.id(`${table}_term`)} on ${sql.table(table)} (compartment_id, term)`.execute(
      db,
    )
  }
}

function variants(names: string): string[] {
  return names.split(' / ')
}

async function insertPlain(db: Db, compartmentId: string, p: Person): Promise<string> {
  const id = newId()
  await inTransaction(db, async (trx) => {
    await sql`insert into bench_plain values (${id}, ${compartmentId}, ${`P-${id.slice(-6)}`},
      ${p.names}, ${p.birthDate}, ${p.notes}, ${p.phones}, ${new Date().toISOString()})`.execute(
      trx,
    )
    for (const v of variants(p.names))
      for (const t of indexTerms(v))
        await sql`insert into bench_plain_terms values (${newId()}, ${compartmentId}, ${id}, ${t.term})`.execute(
          trx,
        )
  })
  return id
}

async function insertSealed(app: AppContext, compartmentId: string, p: Person): Promise<string> {
  const id = newId()
  const fields = app.crypto.fields
  await inTransaction(app.database.db, async (trx) => {
    const at = (column: string) => ({ table: 'bench_sealed', column, recordId: id, compartmentId })
    const values = {
      names: await fields.seal(trx, at('names'), p.names),
      birth_date: await fields.seal(trx, at('birth_date'), p.birthDate),
      notes: await fields.seal(trx, at('notes'), p.notes),
      phones: await fields.seal(trx, at('phones'), p.phones),
    }
    await sql`insert into bench_sealed values (${id}, ${compartmentId}, ${`P-${id.slice(-6)}`},
      ${values.names}, ${values.birth_date}, ${values.notes}, ${values.phones}, ${new Date().toISOString()})`.execute(
      trx,
    )
    for (const v of variants(p.names))
      for (const t of await fields.indexTerms(trx, compartmentId, v))
        await sql`insert into bench_sealed_terms values (${newId()}, ${compartmentId}, ${id}, ${t.term})`.execute(
          trx,
        )
  })
  return id
}

/** The packed layout: every identifying field of the record in one sealed value (one AEAD op). */
async function insertPacked(app: AppContext, compartmentId: string, p: Person): Promise<string> {
  const id = newId()
  const fields = app.crypto.fields
  await inTransaction(app.database.db, async (trx) => {
    const identity = await fields.sealFields(
      trx,
      { table: 'bench_packed', column: 'identity', recordId: id, compartmentId },
      { names: p.names, birth_date: p.birthDate, notes: p.notes, phones: p.phones },
    )
    await sql`insert into bench_packed values (${id}, ${compartmentId}, ${`P-${id.slice(-6)}`},
      ${identity}, ${new Date().toISOString()})`.execute(trx)
    for (const v of variants(p.names))
      for (const t of await fields.indexTerms(trx, compartmentId, v))
        await sql`insert into bench_packed_terms values (${newId()}, ${compartmentId}, ${id}, ${t.term})`.execute(
          trx,
        )
  })
  return id
}

async function readPacked(app: AppContext, id: string): Promise<Person> {
  const db = app.database.db
  const row = (
    await sql<{ compartment_id: string; identity: string }>`
      select compartment_id, identity from bench_packed where id = ${id}`.execute(db)
  ).rows[0]
  if (!row) throw new Error('missing row')
  const f = await app.crypto.fields.openFields(
    db,
    { table: 'bench_packed', column: 'identity', recordId: id, compartmentId: row.compartment_id },
    row.identity,
  )
  return {
    names: f.names ?? '',
    birthDate: f.birth_date ?? '',
    notes: f.notes ?? '',
    phones: f.phones ?? '',
  }
}

type Row = Record<(typeof FIELDS)[number] | 'id' | 'compartment_id', string>

async function readPlain(db: Db, id: string): Promise<Person> {
  const row = (await sql<Row>`select * from bench_plain where id = ${id}`.execute(db)).rows[0]
  if (!row) throw new Error('missing row')
  return { names: row.names, birthDate: row.birth_date, notes: row.notes, phones: row.phones }
}

async function readSealed(app: AppContext, id: string): Promise<Person> {
  const db = app.database.db
  const row = (await sql<Row>`select * from bench_sealed where id = ${id}`.execute(db)).rows[0]
  if (!row) throw new Error('missing row')
  const open = (column: (typeof FIELDS)[number]) =>
    app.crypto.fields.open(
      db,
      { table: 'bench_sealed', column, recordId: id, compartmentId: row.compartment_id },
      row[column],
    )
  return {
    names: await open('names'),
    birthDate: await open('birth_date'),
    notes: await open('notes'),
    phones: await open('phones'),
  }
}

async function timed(count: number, work: (i: number) => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint()
  for (let i = 0; i < count; i += 1) await work(i)
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  return count / seconds
}

interface Rates {
  plain: number
  sealed: number
  packed: number
}
interface Result {
  database: string
  insert: Rates
  read: Rates
  /** A read as the API does it: identifying fields are never shown without an audit entry. */
  auditedRead: Rates
}

async function run(database: HavenDatabase, label: string): Promise<Result> {
  await migrateToLatest(database, allMigrations(MODULES))
  await createTables(database.db)
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
  const compartment = await createCompartment(
    app,
    database.db,
    { code: 'BENCH-01', name: 'Bench', kind: 'shelter' },
    { actorId: null, requestId: null },
  )
  const c = compartment.id
  // Warm up both paths (JIT, key cache, statement caches), then measure in alternating rounds so
  // neither side profits from a quieter moment of the machine.
  for (let i = 0; i < WARMUP; i += 1) {
    await insertPlain(database.db, c, person(i))
    await insertSealed(app, c, person(i))
    await insertPacked(app, c, person(i))
  }
  const ids: Record<keyof Rates, string[]> = { plain: [], sealed: [], packed: [] }
  const rounds = 4
  const per = Math.ceil(N / rounds)
  const zero = (): Rates => ({ plain: 0, sealed: 0, packed: 0 })
  const sums = { insert: zero(), read: zero(), auditedRead: zero() }
  const insert: Record<keyof Rates, (p: Person) => Promise<string>> = {
    plain: (p) => insertPlain(database.db, c, p),
    sealed: (p) => insertSealed(app, c, p),
    packed: (p) => insertPacked(app, c, p),
  }
  const read: Record<keyof Rates, (id: string) => Promise<Person>> = {
    plain: (id) => readPlain(database.db, id),
    sealed: (id) => readSealed(app, id),
    packed: (id) => readPacked(app, id),
  }
  const layouts = ['plain', 'sealed', 'packed'] as const
  for (let r = 0; r < rounds; r += 1)
    for (const layout of layouts)
      sums.insert[layout] += await timed(per, async (i) =>
        ids[layout].push(await insert[layout](person(r * per + i))),
      )
  const pick = (list: string[], i: number) => list[(i * 7919) % list.length] ?? ''
  for (let r = 0; r < rounds; r += 1)
    for (const layout of layouts) {
      sums.read[layout] += await timed(per, (i) => read[layout](pick(ids[layout], r * per + i)))
      sums.auditedRead[layout] += await timed(per, async (i) => {
        const id = pick(ids[layout], r * per + i)
        await read[layout](id)
        await audit(app, database.db, {
          actorId: null,
          action: 'person.identified',
          entityType: 'Person',
          entityId: id,
          compartmentId: c,
          details: { fields: ['names', 'birthDate', 'notes', 'phones'] },
        })
      })
    }
  // The sealed records really open to what went in.
  for (const layout of ['sealed', 'packed'] as const)
    if ((await read[layout](ids[layout][0] ?? '')).names !== person(0).names)
      throw new Error('a sealed record did not read back')
  rmSync(dataDir, { recursive: true, force: true })
  const avg = (x: Rates): Rates => ({
    plain: x.plain / rounds,
    sealed: x.sealed / rounds,
    packed: x.packed / rounds,
  })
  return {
    database: label,
    insert: avg(sums.insert),
    read: avg(sums.read),
    auditedRead: avg(sums.auditedRead),
  }
}

function print(results: Result[]): void {
  const cpu = cpus()
  console.log(
    `Haven encryption bench — ${new Date().toISOString()} — ${cpu.length} × ${cpu[0]?.model ?? 'CPU'} — Node ${process.version} — ${N} records per layout — load average ${loadavg()[0]?.toFixed(1)}`,
  )
  const f = (n: number) => n.toFixed(0).padStart(9)
  const ratio = (a: number, b: number) => (a / b).toFixed(2).padStart(6)
  console.log('database     operation     plaintext/s  per-field/s  ratio   packed/s  ratio')
  for (const r of results)
    for (const [name, x] of [
      ['insert', r.insert],
      ['read', r.read],
      ['read+audit', r.auditedRead],
    ] as const)
      console.log(
        `${r.database.padEnd(12)} ${name.padEnd(12)} ${f(x.plain)}    ${f(x.sealed)} ${ratio(x.sealed, x.plain)}  ${f(x.packed)} ${ratio(x.packed, x.plain)}`,
      )
  const lowest = (layout: 'sealed' | 'packed', ops: ('insert' | 'read' | 'auditedRead')[]) =>
    Math.min(...results.flatMap((r) => ops.map((op) => r[op][layout] / r[op].plain)))
  for (const layout of ['sealed', 'packed'] as const) {
    const raw = lowest(layout, ['insert', 'read'])
    const api = lowest(layout, ['insert', 'auditedRead'])
    console.log(
      `${layout === 'sealed' ? 'per-field' : 'packed   '}: lowest ratio ${raw.toFixed(2)} bare, ${api.toFixed(2)} with the audit entry of every read — goal 0.67 ${raw >= 0.67 ? 'met' : api >= 0.67 ? 'met as the API reads' : 'NOT met'}`,
    )
  }
}

const results: Result[] = await onEachBenchDatabase(run)
print(results)
