import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import pg from 'pg'
import { afterAll, beforeAll, describe, it } from 'vitest'
import type { HavenDatabase } from '../../src/db/database.js'
import { openDatabase } from '../../src/db/database.js'
import { migrateToLatest } from '../../src/db/migrator.js'
import { MIGRATIONS } from './migrations.js'

export type TestDialect = 'sqlite' | 'postgres'

export interface DialectContext {
  dialect: TestDialect
  /** The open, migrated database of this suite (valid inside tests and hooks). */
  database(): HavenDatabase
  /** Deletes every row of every table (keeps the schema), for tests that need an empty database. */
  reset(): Promise<void>
}

const PG_URL = process.env.HAVEN_TEST_PG_URL
const IN_CI = process.env.CI === 'true'
let warned = false

/**
 * Runs `body` once per database: SQLite in a temporary folder, and PostgreSQL in a fresh schema
 * at HAVEN_TEST_PG_URL. Without that variable the PostgreSQL half is skipped and says so, except
 * under CI=true, where it fails.
 */
export function describeEachDialect(title: string, body: (ctx: DialectContext) => void): void {
  describeDialect('sqlite', title, body)
  if (PG_URL) {
    describeDialect('postgres', title, body)
  } else if (IN_CI) {
    describe(`${title} [postgres]`, () => {
      it('needs HAVEN_TEST_PG_URL under CI', () => {
        throw new Error(
          'CI=true but HAVEN_TEST_PG_URL is not set: the PostgreSQL suite must run in CI.',
        )
      })
    })
  } else {
    if (!warned) {
      warned = true
      console.warn(
        'PostgreSQL suites SKIPPED: set HAVEN_TEST_PG_URL=postgres://postgres@127.0.0.1:5432/test to run them.',
      )
    }
    describe.skip(`${title} [postgres] (skipped: HAVEN_TEST_PG_URL is not set)`, () =>
      body(unreachable('postgres')))
  }
}

function unreachable(dialect: TestDialect): DialectContext {
  const fail = () => {
    throw new Error('skipped suite')
  }
  return { dialect, database: fail, reset: async () => fail() }
}

function describeDialect(
  dialect: TestDialect,
  title: string,
  body: (ctx: DialectContext) => void,
): void {
  describe(`${title} [${dialect}]`, () => {
    let database: HavenDatabase | undefined
    let cleanup: (() => Promise<void>) | undefined
    beforeAll(async () => {
      const opened = dialect === 'sqlite' ? await openSqliteForTest() : await openPostgresForTest()
      database = opened.database
      cleanup = opened.cleanup
      await migrateToLatest(database, MIGRATIONS)
    })
    afterAll(async () => {
      await database?.close()
      await cleanup?.()
    })
    body({
      dialect,
      database: () => {
        if (!database) throw new Error('database used outside a test')
        return database
      },
      reset: async () => {
        if (!database) throw new Error('database used outside a test')
        await truncateAll(database)
      },
    })
  })
}

async function openSqliteForTest() {
  const dir = mkdtempSync(join(tmpdir(), 'haven-test-'))
  const database = await openDatabase(
    { kind: 'sqlite', file: join(dir, 'haven.db') },
    { sqliteStartupCheck: 'off' },
  )
  return { database, cleanup: async () => rmSync(dir, { recursive: true, force: true }) }
}

/** A fresh, empty schema at HAVEN_TEST_PG_URL, dropped again by `cleanup`. */
export async function openPostgresForTest() {
  if (!PG_URL) throw new Error('HAVEN_TEST_PG_URL is not set')
  const schema = `haven_t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`
  const admin = new pg.Client({ connectionString: PG_URL })
  await admin.connect().catch((error: Error) => {
    throw new Error(`HAVEN_TEST_PG_URL is set but PostgreSQL is unreachable: ${error.message}`)
  })
  await admin.query(`create schema ${schema}`)
  await admin.end()
  const database = await openDatabase({ kind: 'postgres', url: PG_URL, poolSize: 5 }, { schema })
  return {
    database,
    cleanup: async () => {
      const c = new pg.Client({ connectionString: PG_URL })
      await c.connect()
      await c.query(`drop schema ${schema} cascade`)
      await c.end()
    },
  }
}

/**
 * A second, empty (unmigrated) database of a dialect, e.g. the target of a restore. The caller
 * closes it with `cleanup()`.
 */
export async function openEmptyDatabase(
  dialect: TestDialect,
): Promise<{ database: HavenDatabase; cleanup: () => Promise<void> }> {
  const opened = dialect === 'sqlite' ? await openSqliteForTest() : await openPostgresForTest()
  return {
    database: opened.database,
    cleanup: async () => {
      await opened.database.close()
      await opened.cleanup()
    },
  }
}

/** Whether PostgreSQL suites run (HAVEN_TEST_PG_URL is set). */
export const HAS_POSTGRES = PG_URL !== undefined && PG_URL !== ''

/** This suite's tables: introspection sees every schema on PostgreSQL, so keep to our own. */
export async function ownTables(database: HavenDatabase): Promise<string[]> {
  return (await database.db.introspection.getTables())
    .filter((t) => database.dialect === 'sqlite' || t.schema === database.schema)
    .map((t) => t.name)
}

/** Empties every Haven table, leaving the migration bookkeeping alone. */
export async function truncateAll(database: HavenDatabase): Promise<void> {
  const tables = (await ownTables(database)).filter((n) => !n.startsWith('haven_migrations'))
  if (tables.length === 0) return
  if (database.dialect === 'postgres') {
    await sql`truncate table ${sql.join(tables.map((t) => sql.id(t)))} cascade`.execute(database.db)
  } else {
    // SQLite runs DELETE triggers (the audit log refuses deletion): drop them and put them back.
    const triggers = await sql<{
      name: string
      sql: string
    }>`select name, sql from sqlite_master where type = 'trigger'`.execute(database.db)
    for (const t of triggers.rows) await sql`drop trigger ${sql.id(t.name)}`.execute(database.db)
    // A full-text table keeps its index in shadow tables (name_data, name_idx…): emptying the
    // virtual table empties them, and deleting from them directly would corrupt it.
    const virtual = await sql<{
      name: string
    }>`select name from sqlite_master where type = 'table' and sql like 'CREATE VIRTUAL TABLE%'`.execute(
      database.db,
    )
    const shadow = (t: string) => virtual.rows.some((v) => t.startsWith(`${v.name}_`))
    await sql`pragma foreign_keys = off`.execute(database.db)
    for (const t of tables.filter((t) => !shadow(t)))
      await sql`delete from ${sql.id(t)}`.execute(database.db)
    await sql`pragma foreign_keys = on`.execute(database.db)
    for (const t of triggers.rows) await sql.raw(t.sql).execute(database.db)
  }
}
