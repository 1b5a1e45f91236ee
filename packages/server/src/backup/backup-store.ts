import { type RawBuilder, sql } from 'kysely'
import type { DialectName } from '../db/database.js'
import type { Db } from '../db/db-handle.js'

/**
 * Introspection, ordered reads and bulk inserts over every table, for backups. Table and column
 * names come from the database's own catalogue (and, on restore, must match the target's).
 */
export interface TableInfo {
  name: string
  columns: string[]
  primaryKey: string[]
  /** Columns holding text (ordered byte-wise on PostgreSQL, as SQLite does). */
  textColumns: string[]
  /** Tables this one references by foreign key. */
  references: string[]
}

/** Kysely's migration bookkeeping: recreated by migrating the target, never restored. */
export function isMigrationTable(name: string): boolean {
  return name.startsWith('haven_migrations')
}

export async function listTables(db: Db, dialect: DialectName): Promise<TableInfo[]> {
  return dialect === 'sqlite' ? listSqliteTables(db) : listPostgresTables(db)
}

async function listSqliteTables(db: Db): Promise<TableInfo[]> {
  const names = await sql<{ name: string; sql: string | null }>`
    select name, sql from sqlite_master where type = 'table' and name not like 'sqlite_%'
    order by name`.execute(db)
  // Virtual tables (FTS5 search indexes) and their shadow tables are derived data: a backup
  // leaves them out and a restore rebuilds them (see rebuildDerivedData).
  const virtual = names.rows
    .filter((t) => /^create\s+virtual\s+table/i.test(t.sql ?? ''))
    .map((t) => t.name)
  const derived = (name: string) => virtual.some((v) => name === v || name.startsWith(`${v}_`))
  const tables: TableInfo[] = []
  for (const { name } of names.rows.filter((t) => !derived(t.name))) {
    const columns = await sql<{ name: string; type: string; pk: number }>`
      select name, type, pk from pragma_table_info(${name}) order by cid`.execute(db)
    const fks = await sql<{ table: string }>`
      select "table" from pragma_foreign_key_list(${name})`.execute(db)
    const pk = columns.rows
      .filter((c) => c.pk > 0)
      .sort((a, b) => a.pk - b.pk)
      .map((c) => c.name)
    tables.push({
      name,
      columns: columns.rows.map((c) => c.name),
      primaryKey: pk.length > 0 ? pk : columns.rows.map((c) => c.name),
      textColumns: columns.rows.filter((c) => /char|text|clob/i.test(c.type)).map((c) => c.name),
      references: [...new Set(fks.rows.map((f) => f.table))].filter((t) => t !== name),
    })
  }
  return tables
}

async function listPostgresTables(db: Db): Promise<TableInfo[]> {
  const columns = await sql<{ table_name: string; column_name: string; data_type: string }>`
    select c.table_name, c.column_name, c.data_type
    from information_schema.columns c
    join information_schema.tables t
      on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
    order by c.table_name, c.ordinal_position`.execute(db)
  const keys = await sql<{ table_name: string; column_name: string }>`
    select tc.table_name, kcu.column_name
    from information_schema.table_constraints tc
    join information_schema.key_column_usage kcu
      on kcu.constraint_name = tc.constraint_name and kcu.table_schema = tc.table_schema
    where tc.table_schema = current_schema() and tc.constraint_type = 'PRIMARY KEY'
    order by tc.table_name, kcu.ordinal_position`.execute(db)
  const fks = await sql<{ table_name: string; referenced: string }>`
    select tc.table_name, ccu.table_name as referenced
    from information_schema.table_constraints tc
    join information_schema.constraint_column_usage ccu
      on ccu.constraint_name = tc.constraint_name and ccu.table_schema = tc.table_schema
    where tc.table_schema = current_schema() and tc.constraint_type = 'FOREIGN KEY'`.execute(db)
  const byTable = new Map<string, TableInfo>()
  for (const c of columns.rows) {
    const info = byTable.get(c.table_name) ?? {
      name: c.table_name,
      columns: [],
      primaryKey: [],
      textColumns: [],
      references: [],
    }
    info.columns.push(c.column_name)
    if (/char|text/i.test(c.data_type)) info.textColumns.push(c.column_name)
    byTable.set(c.table_name, info)
  }
  for (const k of keys.rows) byTable.get(k.table_name)?.primaryKey.push(k.column_name)
  for (const f of fks.rows) {
    const info = byTable.get(f.table_name)
    if (info && f.referenced !== f.table_name && !info.references.includes(f.referenced))
      info.references.push(f.referenced)
  }
  const tables = [...byTable.values()].sort((a, b) => (a.name < b.name ? -1 : 1))
  for (const t of tables) if (t.primaryKey.length === 0) t.primaryKey = [...t.columns]
  return tables
}

/** Tables ordered so each comes after the tables it references (for inserting). */
export function dependencyOrder(tables: readonly TableInfo[]): TableInfo[] {
  const byName = new Map(tables.map((t) => [t.name, t]))
  const done = new Set<string>()
  const out: TableInfo[] = []
  const visit = (t: TableInfo, path: Set<string>) => {
    if (done.has(t.name)) return
    if (path.has(t.name)) throw new Error(`foreign keys form a cycle through ${t.name}`)
    path.add(t.name)
    for (const r of t.references) {
      const ref = byName.get(r)
      if (ref) visit(ref, path)
    }
    path.delete(t.name)
    done.add(t.name)
    out.push(t)
  }
  for (const t of tables) visit(t, new Set())
  return out
}

export async function countRows(db: Db, table: string): Promise<number> {
  const result = await sql<{ n: number | string }>`
    select count(*) as n from ${sql.table(table)}`.execute(db)
  return Number(result.rows[0]?.n ?? 0)
}

/**
 * The next `limit` rows of a table after the key `after` (from the start when null), in primary
 * key order — byte order for text on both databases, so both give the same sequence.
 */
export async function readRows(
  db: Db,
  dialect: DialectName,
  table: TableInfo,
  after: readonly unknown[] | null,
  limit: number,
): Promise<unknown[][]> {
  const key = (column: string): RawBuilder<unknown> =>
    dialect === 'postgres' && table.textColumns.includes(column)
      ? sql`${sql.ref(column)} collate "C"`
      : sql`${sql.ref(column)}`
  const keyColumns = sql.join(table.primaryKey.map(key))
  const where =
    after === null ? sql`1 = 1` : sql`(${keyColumns}) > (${sql.join(after.map((v) => sql`${v}`))})`
  const result = await sql<Record<string, unknown>>`
    select ${sql.join(table.columns.map((c) => sql.ref(c)))} from ${sql.table(table.name)}
    where ${where} order by ${keyColumns} limit ${limit}`.execute(db)
  return result.rows.map((row) => table.columns.map((c) => row[c] ?? null))
}

/** Inserts rows (values in `columns` order) into a table. */
export async function insertRows(
  db: Db,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
): Promise<void> {
  if (rows.length === 0) return
  const values = sql.join(rows.map((row) => sql`(${sql.join(row.map((v) => sql`${v}`))})`))
  await sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))})
    values ${values}`.execute(db)
}

/** Tables (other than migration bookkeeping) that hold at least one row. */
export async function nonEmptyTables(db: Db, dialect: DialectName): Promise<string[]> {
  const out: string[] = []
  for (const t of await listTables(db, dialect)) {
    if (isMigrationTable(t.name)) continue
    if ((await countRows(db, t.name)) > 0) out.push(t.name)
  }
  return out
}

/** Names of the migrations applied, in order (read inside the backup's snapshot). */
export async function appliedMigrations(db: Db): Promise<string[]> {
  const result = await sql<{ name: string }>`
    select name from haven_migrations order by name`.execute(db)
  return result.rows.map((r) => r.name)
}

/**
 * After rows were inserted with their own ids: PostgreSQL's sequences still start at 1, so each
 * is moved past the highest id restored; otherwise the next insert would collide.
 */
export async function resetSequences(db: Db, dialect: DialectName): Promise<void> {
  if (dialect !== 'postgres') return
  const serials = await sql<{ table_name: string; column_name: string }>`
    select table_name, column_name from information_schema.columns
    where table_schema = current_schema() and column_default like 'nextval(%'`.execute(db)
  for (const { table_name, column_name } of serials.rows) {
    await sql`select setval(pg_get_serial_sequence(${table_name}, ${column_name}),
      coalesce((select max(${sql.ref(column_name)}) from ${sql.table(table_name)}), 0) + 1, false)`.execute(
      db,
    )
  }
}
