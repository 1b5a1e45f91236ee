import { closeSync, mkdirSync, openSync } from 'node:fs'
import { dirname } from 'node:path'
import SQLite from 'better-sqlite3'
import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import type { DatabaseConfig } from '../config/load-config.js'
import type { Database } from './schema.js'
import { cachingStatements } from './sqlite-statement-cache.js'
import { SqliteWriteTransactionsDialect } from './sqlite-write-transactions.js'

export type DialectName = 'sqlite' | 'postgres'

/** An open database: the Kysely instance and what the rest of Haven needs to know about it. */
export interface HavenDatabase {
  db: Kysely<Database>
  dialect: DialectName
  /** SQLite only: the database file (its WAL is the same path with -wal). */
  file?: string
  /** PostgreSQL schema in use, when not the default (tests use one per file). */
  schema?: string
  /** Human description without credentials, for logs and `haven doctor`. */
  describe: string
  close(): Promise<void>
}

/**
 * SQLite's page cache per connection, in MiB, by what the process does (SQLite's default is 2).
 * - `bulk` (generate, demo, the command-line imports): blind-index terms are keyed hashes, so new
 *   ones land on random pages of a large index; a small cache re-reads and spills those pages on
 *   every insert (an import of 30,000 people: 35 terms each).
 * - `serving` (the server and each of its workers): a request reads a few index pages per
 *   compartment; the operating system's file cache, shared by every worker, holds the rest. A
 *   64 MiB cache per worker made each one 285–319 MiB at a million people (bench/RESULTS.md).
 */
export const SQLITE_CACHE_MIB = { bulk: 64, serving: 16 } as const
export type SqliteCache = keyof typeof SQLITE_CACHE_MIB

export interface OpenOptions {
  /** PostgreSQL only: the schema to use (tests use a fresh one per file). */
  schema?: string
  sqliteStartupCheck?: 'full' | 'quick' | 'off'
  /** SQLite only: the page cache's size (default `serving`). */
  sqliteCache?: SqliteCache
}

// int8 (COUNT(*), SUM of bigint) comes back from pg as a string; our amounts are minor units far
// below 2^53, so numbers are safe and keep both dialects returning the same types.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => {
  const n = Number(value)
  if (!Number.isSafeInteger(n)) throw new RangeError(`integer ${value} is beyond safe range`)
  return n
})
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value))

export async function openDatabase(
  config: DatabaseConfig,
  options: OpenOptions = {},
): Promise<HavenDatabase> {
  return config.kind === 'sqlite' ? openSqlite(config.file, options) : openPostgres(config, options)
}

function openSqlite(file: string, options: OpenOptions): HavenDatabase {
  if (file !== ':memory:') {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 })
    // Create the file private to its owner before SQLite does (it would use the umask, often 644);
    // SQLite gives its -wal and -shm files the same mode as the database.
    closeSync(openSync(file, 'a', 0o600))
  }
  const sqlite = new SQLite(file)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  sqlite.pragma('synchronous = NORMAL')
  // Negative: in KiB. The cache grows only as it is used.
  sqlite.pragma(`cache_size = -${SQLITE_CACHE_MIB[options.sqliteCache ?? 'serving'] * 1024}`)
  // Deleted rows are overwritten with zeros, not left in free pages: a shredded compartment's
  // wrapped keys (and any deleted identifying value) must not be recoverable from the file.
  sqlite.pragma('secure_delete = ON')
  const check = options.sqliteStartupCheck ?? 'full'
  if (check !== 'off') {
    const rows = sqlite.pragma(check === 'full' ? 'integrity_check' : 'quick_check') as Record<
      string,
      string
    >[]
    const problems = rows.map((row) => Object.values(row)[0]).filter((v) => v !== 'ok')
    if (problems.length > 0) {
      sqlite.close()
      throw new Error(
        `SQLite integrity check of ${file} failed: ${problems.slice(0, 5).join('; ')}. Restore from a backup.`,
      )
    }
  }
  const db = new Kysely<Database>({
    dialect: new SqliteWriteTransactionsDialect({ database: cachingStatements(sqlite) }),
  })
  return {
    db,
    dialect: 'sqlite',
    file,
    describe: `SQLite ${file}`,
    close: () => db.destroy(),
  }
}

async function openPostgres(
  config: Extract<DatabaseConfig, { kind: 'postgres' }>,
  options: OpenOptions,
): Promise<HavenDatabase> {
  const pool = new pg.Pool({
    connectionString: config.url,
    max: config.poolSize,
    ...(options.schema ? { options: `-c search_path=${quoteIdent(options.schema)}` } : {}),
  })
  // A pooled client that errors while idle must not crash the process.
  pool.on('error', () => {})
  const client = await pool.connect().catch(async (error: Error) => {
    await pool.end()
    throw new Error(`Cannot reach PostgreSQL at ${redactUrl(config.url)}: ${error.message}`)
  })
  // The schema tables go to (search_path's first), so migrations and introspection keep to it even
  // when the database holds other schemas with tables of the same names.
  const current = await client.query<{ schema: string | null }>('select current_schema() as schema')
  client.release()
  const schema = options.schema ?? current.rows[0]?.schema ?? 'public'
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  return {
    db,
    dialect: 'postgres',
    schema,
    describe: `PostgreSQL ${redactUrl(config.url)}${options.schema ? ` (schema ${options.schema})` : ''}`,
    close: () => db.destroy(),
  }
}

function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`invalid schema name ${name}`)
  return name
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = '***'
    return parsed.toString()
  } catch {
    return 'postgres://(unparseable URL)'
  }
}
