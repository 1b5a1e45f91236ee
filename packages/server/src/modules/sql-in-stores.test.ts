import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

/**
 * "SQL only in stores", checked on every server source file: a query is built or written only in
 * a `*-store.ts` (plain functions taking `Db`), a migration, or a test. Services, routes, demo and
 * scale steps call store functions, so every statement can be found, reviewed and tested in one
 * place per area.
 */
const SERVER_SRC = resolve(dirname(fileURLToPath(import.meta.url)), '..')

/**
 * Files that build SQL without being stores, each because it is the database layer itself rather
 * than a reader or writer of tables. Keep this list short; anything that reads or writes a table
 * belongs in a store.
 */
const INFRASTRUCTURE: Readonly<Record<string, string>> = {
  // Column types that differ by dialect (bigserial / integer), used by migrations' schema builder.
  'db/dialect.ts': 'dialect-specific column types for migrations',
  // Opening a PostgreSQL pool asks the driver for its schema before any Kysely instance exists.
  'db/database.ts': 'the connection asks the driver which schema it is in',
}

/** Query-builder calls and SQL text: what a file that is not a store must not contain. */
const QUERY_PATTERNS: readonly RegExp[] = [
  /\.(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto|selectNoFrom)\s*\(/g,
  /\bsql\s*(<[^>]*>\s*)?`/g,
  /\bsql\.(raw|ref|id|lit|table|join|val)\s*\(/g,
  /\bimport\s*\{[^}]*\bsql\b[^}]*\}\s*from\s*'kysely'/g,
  /['"`]\s*(select|insert into|update \w+ set|delete from|with \w+ as)\s/g,
]

/** The query-building expressions in a file's text, comments left out. */
export function queriesIn(text: string): string[] {
  const code = text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
  return QUERY_PATTERNS.flatMap((pattern) => [...code.matchAll(pattern)].map((m) => m[0].trim()))
}

/** Where SQL may be written: stores, migrations and tests. */
export function mayHoldSql(path: string): boolean {
  return (
    path.endsWith('-store.ts') ||
    /(^|\/)migrations\//.test(path) ||
    /\.test\.tsx?$/.test(path) ||
    path in INFRASTRUCTURE
  )
}

function sourceFiles(dir: string): string[] {
  const out: string[] = []
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path))
    else if (/\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts')) out.push(path)
  }
  return out
}

describe('SQL only in stores', () => {
  const files = sourceFiles(SERVER_SRC).map((path) => ({
    path: relative(SERVER_SRC, path).split('\\').join('/'),
    text: readFileSync(path, 'utf8'),
  }))

  it('finds the stores it allows and their queries', () => {
    const stores = files.filter((f) => f.path.endsWith('-store.ts'))
    expect(stores.length).toBeGreaterThan(20)
    expect(stores.flatMap((f) => queriesIn(f.text)).length).toBeGreaterThan(300)
  })

  it('has no query outside a store, a migration, a test or the database layer', () => {
    const outside = files
      .filter((f) => !mayHoldSql(f.path))
      .flatMap((f) => queriesIn(f.text).map((q) => `${f.path}: ${q}`))
    expect(outside).toEqual([])
  })

  it('allows only infrastructure files that still build SQL', () => {
    for (const path of Object.keys(INFRASTRUCTURE)) {
      const file = files.find((f) => f.path === path)
      expect(file, path).toBeDefined()
      expect(queriesIn(file?.text ?? ''), path).not.toEqual([])
    }
  })

  it('would catch a service, route or demo step that builds a query', () => {
    expect(mayHoldSql('modules/people/person-service.ts')).toBe(false)
    expect(mayHoldSql('modules/people/person-store.ts')).toBe(true)
    expect(mayHoldSql('modules/people/migrations/2026-12-06-1200-x.ts')).toBe(true)
    expect(mayHoldSql('db/migrations/2026-11-26-0006-people.ts')).toBe(true)
    expect(queriesIn("await trx\n  .updateTable('people')\n  .set({ has_photo: 1 })")).toEqual([
      '.updateTable(',
    ])
    expect(queriesIn('await sql`select 1`.execute(db)')).toHaveLength(2)
    expect(queriesIn("import { type Kysely, sql } from 'kysely'")).toHaveLength(1)
    expect(queriesIn("client.query('select current_schema() as schema')")).toHaveLength(1)
    expect(
      queriesIn("// db.selectFrom('people') in a comment\nconst label = 'Select a shelter'"),
    ).toEqual([])
  })
})
