import { createReadStream } from 'node:fs'
import { open, rename, rm } from 'node:fs/promises'
import { pipeline, Readable } from 'node:stream'
import { StringDecoder } from 'node:string_decoder'
import { createGunzip, createGzip } from 'node:zlib'
import {
  type AgeProtection,
  type AgeUnlock,
  ageDecryptStream,
  ageEncryptStream,
} from '../crypto/age-file.js'
import type { HavenDatabase } from '../db/database.js'
import type { Db } from '../db/db-handle.js'
import type { Migrations } from '../db/migrations/index.js'
import { migrateTo } from '../db/migrator.js'
import { rebuildSearchIndex } from '../site/search-store.js'
import {
  BACKUP_FORMAT,
  BackupChecker,
  BackupFormatError,
  type BackupHeader,
  type BackupLine,
  decodeCell,
  type Manifest,
  parseBackupLine,
  rowLine,
  TableHasher,
} from './backup-format.js'
import {
  appliedMigrations,
  countRows,
  dependencyOrder,
  insertRows,
  isMigrationTable,
  listTables,
  nonEmptyTables,
  readRows,
  resetSequences,
  type TableInfo,
} from './backup-store.js'

/**
 * Left out of every data backup. `key_store` and `master_seal` hold (wrapped) keys: a data backup
 * alone can never open a sealed field, and a shred reaches every backup ever made because the
 * keys were never in them. `key_jobs` is the state of running key operations, meaningless later.
 */
export const EXCLUDED_TABLES: readonly string[] = Object.freeze([
  'key_store',
  'master_seal',
  'key_jobs',
])

const READ_BATCH = 500

export interface BackupProgress {
  /** Called once the total is known (rows to write, read or restore). */
  onTotal?: (rows: number) => void
  onProgress?: (rowsDone: number) => void
}

export interface BackupSummary {
  header: BackupHeader
  manifest: Manifest
  rows: number
}

/** The tables a backup holds, in dependency order. */
async function backupTables(db: Db, database: HavenDatabase): Promise<TableInfo[]> {
  return dependencyOrder(
    (await listTables(db, database.dialect)).filter(
      (t) => !isMigrationTable(t.name) && !EXCLUDED_TABLES.includes(t.name),
    ),
  )
}

/**
 * Writes a backup of `database` to `out`: one consistent snapshot (a single read transaction;
 * REPEATABLE READ on PostgreSQL, a WAL read snapshot on SQLite) of every table except the key
 * tables, as gzip'd JSON lines in an age file. Sealed values stay sealed; no key is needed to
 * make it. Written to a temporary file first, so `out` is either complete or absent.
 */
export async function createBackup(
  database: HavenDatabase,
  out: string,
  protection: AgeProtection,
  options: BackupProgress & { now: () => Date },
): Promise<BackupSummary> {
  const temporary = `${out}.partial-${process.pid}`
  try {
    // SQLite ignores the settings: its BEGIN in WAL mode already reads one snapshot throughout.
    const summary = await database.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute(async (trx) => {
        const tables = await backupTables(trx, database)
        const counted: (TableInfo & { rows: number })[] = []
        for (const t of tables) counted.push({ ...t, rows: await countRows(trx, t.name) })
        const header: BackupHeader = {
          format: BACKUP_FORMAT,
          createdAt: options.now().toISOString(),
          dialect: database.dialect,
          migrations: await appliedMigrations(trx),
          tables: counted.map((t) => ({
            name: t.name,
            columns: t.columns,
            primaryKey: t.primaryKey,
            rows: t.rows,
          })),
          excluded: [...EXCLUDED_TABLES],
        }
        const total = counted.reduce((n, t) => n + t.rows, 0)
        options.onTotal?.(total)
        const manifest: Manifest = {}
        let done = 0
        async function* lines(): AsyncGenerator<Buffer> {
          yield Buffer.from(`${JSON.stringify(header)}\n`)
          for (const table of counted) {
            yield Buffer.from(`${JSON.stringify({ table: table.name })}\n`)
            const hasher = new TableHasher()
            let after: unknown[] | null = null
            for (;;) {
              const rows = await readRows(trx, database.dialect, table, after, READ_BATCH)
              if (rows.length === 0) break
              const chunk: string[] = []
              for (const row of rows) {
                const line = rowLine(row)
                hasher.add(line)
                chunk.push(line)
              }
              yield Buffer.from(`${chunk.join('\n')}\n`)
              const last = rows.at(-1) ?? []
              after = table.primaryKey.map((k) => last[table.columns.indexOf(k)])
              done += rows.length
              options.onProgress?.(done)
            }
            const digest = hasher.digest()
            manifest[table.name] = digest
            yield Buffer.from(`${JSON.stringify({ end: table.name, ...digest })}\n`)
          }
          yield Buffer.from(`${JSON.stringify({ manifest })}\n`)
        }
        const gzipped = pipeline(Readable.from(lines()), createGzip(), () => {})
        const encrypted = await ageEncryptStream(protection, webStream(gzipped))
        await writeStream(encrypted, temporary)
        return { header, manifest, rows: done }
      })
    await rename(temporary, out)
    return summary
  } catch (error) {
    await rm(temporary, { force: true })
    throw error
  }
}

/** Reads a backup through: decrypts, decompresses and checks every table against its hash. */
export async function verifyBackup(
  file: string,
  unlock: AgeUnlock,
  options: BackupProgress = {},
): Promise<BackupSummary> {
  const checker = new BackupChecker()
  let done = 0
  for await (const line of backupLines(file, unlock)) {
    checker.accept(line)
    if (line.kind === 'header') options.onTotal?.(totalRows(line.header))
    if (line.kind === 'row') {
      done += 1
      if (done % READ_BATCH === 0) options.onProgress?.(done)
    }
  }
  options.onProgress?.(done)
  return { ...checker.finish(), rows: done }
}

/**
 * Restores a backup into an empty database: refuses a target holding any row, migrates it to the
 * backup's migrations, inserts every table in dependency order in batches, then re-reads each
 * table and checks its hash against the manifest — all in one transaction, so a failed restore
 * leaves the target as empty as it was. Keys are not in a backup: import a key export after.
 * `migrations` is every migration this Haven knows (`allMigrations(modules)`).
 */
export async function restoreBackup(
  file: string,
  unlock: AgeUnlock,
  target: HavenDatabase,
  migrations: Migrations,
  options: BackupProgress = {},
): Promise<BackupSummary> {
  const occupied = await nonEmptyTables(target.db, target.dialect)
  if (occupied.length > 0)
    throw new BackupFormatError(
      `the target database is not empty (${occupied.slice(0, 5).join(', ')}${occupied.length > 5 ? ', …' : ''} hold rows): restore into a new data folder or an empty database`,
    )
  const lines = backupLines(file, unlock)[Symbol.asyncIterator]()
  const first = await lines.next()
  if (first.done || first.value.kind !== 'header')
    throw new BackupFormatError('the backup does not start with its header')
  const header = first.value.header
  const known = Object.keys(migrations).sort()
  const unknown = header.migrations.filter((m) => !known.includes(m))
  if (unknown.length > 0)
    throw new BackupFormatError(
      `the backup was made by a newer Haven (migration ${unknown[0]} is unknown here): upgrade Haven, then restore`,
    )
  const last = header.migrations.at(-1)
  if (!last) throw new BackupFormatError('the backup lists no migrations')
  await migrateTo(target, migrations, last)

  const targetTables = new Map(
    (await listTables(target.db, target.dialect)).map((t) => [t.name, t]),
  )
  for (const t of header.tables) {
    const there = targetTables.get(t.name)
    if (!there || [...there.columns].sort().join() !== [...t.columns].sort().join())
      throw new BackupFormatError(
        `table ${t.name} of the backup does not match the target's schema after migrating`,
      )
  }
  options.onTotal?.(totalRows(header))

  return target.db.transaction().execute(async (trx) => {
    const checker = new BackupChecker()
    checker.accept(first.value)
    let done = 0
    let pending: { table: string; columns: string[]; rows: unknown[][] } | null = null
    const flush = async () => {
      if (!pending || pending.rows.length === 0) return
      await insertRows(trx, pending.table, pending.columns, pending.rows)
      done += pending.rows.length
      pending.rows = []
      options.onProgress?.(done)
    }
    for (;;) {
      const next = await lines.next()
      if (next.done) break
      const line = next.value
      checker.accept(line)
      if (line.kind === 'table') {
        const columns = header.tables.find((t) => t.name === line.table)?.columns ?? []
        pending = { table: line.table, columns, rows: [] }
      } else if (line.kind === 'row' && pending) {
        if (line.values.length !== pending.columns.length)
          throw new BackupFormatError(`a row of ${pending.table} has the wrong number of values`)
        pending.rows.push(line.values.map(decodeCell))
        if (pending.rows.length >= insertBatch(pending.columns.length)) await flush()
      } else if (line.kind === 'end') {
        await flush()
        pending = null
      }
    }
    const { manifest } = checker.finish()
    await resetSequences(trx, target.dialect)
    await rebuildSearchIndex(trx, target.dialect)
    // Read back what the target now holds, the way a backup reads, and compare hashes.
    for (const t of header.tables) {
      const info = targetTables.get(t.name)
      if (!info) continue
      const digest = await hashTable(trx, target, { ...info, columns: t.columns })
      const expected = manifest[t.name]
      if (digest.sha256 !== expected?.sha256 || digest.rows !== expected.rows)
        throw new BackupFormatError(
          `table ${t.name} does not read back as backed up (${digest.rows} rows, ${expected?.rows ?? 0} expected): nothing was restored`,
        )
    }
    return { header, manifest, rows: done }
  })
}

/** A table's row count and hash, read as a backup reads it (for checks and tests). */
export async function hashTable(
  db: Db,
  database: HavenDatabase,
  table: TableInfo,
): Promise<{ rows: number; sha256: string }> {
  const hasher = new TableHasher()
  let after: unknown[] | null = null
  for (;;) {
    const rows = await readRows(db, database.dialect, table, after, READ_BATCH)
    if (rows.length === 0) break
    for (const row of rows) hasher.add(rowLine(row))
    const last = rows.at(-1) ?? []
    after = table.primaryKey.map((k) => last[table.columns.indexOf(k)])
  }
  return hasher.digest()
}

/** Row counts and hashes of every table a backup would hold, read live. */
export async function hashDatabase(database: HavenDatabase): Promise<Manifest> {
  const out: Manifest = {}
  for (const t of await backupTables(database.db, database))
    out[t.name] = await hashTable(database.db, database, t)
  return out
}

function totalRows(header: BackupHeader): number {
  return header.tables.reduce((n, t) => n + t.rows, 0)
}

/** Rows per INSERT: well under SQLite's and PostgreSQL's limits on bound values. */
function insertBatch(columns: number): number {
  return Math.max(1, Math.min(500, Math.floor(30_000 / Math.max(1, columns))))
}

/** The lines of a backup file: age-decrypted, gunzipped, split and parsed as they stream. */
async function* backupLines(file: string, unlock: AgeUnlock): AsyncGenerator<BackupLine> {
  const decrypted = await ageDecryptStream(unlock, webStream(createReadStream(file)))
  const gunzip = pipeline(Readable.from(iterateWeb(decrypted)), createGunzip(), () => {})
  const decoder = new StringDecoder('utf8')
  let buffered = ''
  let lineNumber = 0
  try {
    for await (const chunk of gunzip) {
      buffered += decoder.write(chunk as Buffer)
      let newline = buffered.indexOf('\n')
      while (newline >= 0) {
        lineNumber += 1
        yield parseBackupLine(buffered.slice(0, newline), lineNumber)
        buffered = buffered.slice(newline + 1)
        newline = buffered.indexOf('\n')
      }
    }
  } catch (error) {
    if (error instanceof BackupFormatError) throw error
    throw new BackupFormatError(
      `the backup is damaged or cut short (${error instanceof Error ? error.message : String(error)})`,
    )
  }
  buffered += decoder.end()
  if (buffered.trim() !== '') {
    lineNumber += 1
    yield parseBackupLine(buffered, lineNumber)
  }
}

/** A Node stream (or any async iterable of bytes) as a web ReadableStream, for the age library. */
function webStream(
  source: AsyncIterable<Buffer | Uint8Array | string>,
): ReadableStream<Uint8Array> {
  const iterator = source[Symbol.asyncIterator]()
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next()
      if (next.done) controller.close()
      else
        controller.enqueue(
          typeof next.value === 'string' ? Buffer.from(next.value) : new Uint8Array(next.value),
        )
    },
    async cancel() {
      await iterator.return?.()
    },
  })
}

async function* iterateWeb(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader()
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) return
      yield value
    }
  } finally {
    reader.releaseLock()
  }
}

/** Writes a web stream to a new file, readable by its owner only. */
async function writeStream(stream: ReadableStream<Uint8Array>, path: string): Promise<void> {
  const handle = await open(path, 'wx', 0o600)
  try {
    for await (const chunk of iterateWeb(stream)) await handle.write(chunk)
    await handle.sync()
  } finally {
    await handle.close()
  }
}
