import { type Insertable, sql } from 'kysely'
import type { Db } from './db-handle.js'
import { isPostgres } from './dialect.js'
import type { Database } from './schema.js'

type Plain = string | number | boolean | null

/**
 * Inserts many rows of one table. On PostgreSQL the rows travel as one JSON parameter that
 * `json_populate_recordset` spreads into the table's own column types: a multi-row VALUES with
 * thousands of bound parameters costs PostgreSQL more to parse and bind than to write (a field
 * push of 200 distributions wrote some 8,000 parameters a statement), and the driver more to
 * send. On SQLite, and for rows this cannot carry exactly (a column left out of some row, which
 * VALUES would give its default, or a value that is not a plain string, number, boolean or null),
 * the ordinary multi-row insert, `perStatement` rows at a time (under SQLite's bound-value limit).
 */
export async function insertRows<T extends keyof Database & string>(
  db: Db,
  table: T,
  rows: readonly Insertable<Database[T]>[],
  perStatement: number,
): Promise<void> {
  if (rows.length === 0) return
  const columns = Object.keys(rows[0] as object)
  if (isPostgres(db) && rows.every((row) => carriesExactly(row as object, columns))) {
    const list = sql.join(columns.map((c) => sql.ref(c)))
    await sql`insert into ${sql.table(table)} (${list}) select ${list} from json_populate_recordset(null::${sql.table(table)}, ${JSON.stringify(rows)}::json)`.execute(
      db,
    )
    return
  }
  for (let at = 0; at < rows.length; at += perStatement)
    await db
      .insertInto(table)
      .values(rows.slice(at, at + perStatement) as never)
      .execute()
}

/** The row has exactly these columns, each a value JSON carries as the table's type reads it. */
function carriesExactly(row: object, columns: readonly string[]): boolean {
  const entries = Object.entries(row) as [string, unknown][]
  if (entries.length !== columns.length) return false
  for (const [column, value] of entries) {
    if (!columns.includes(column)) return false
    if (!isPlain(value)) return false
  }
  return true
}

function isPlain(value: unknown): value is Plain {
  return (
    value === null ||
    typeof value === 'string' ||
    (typeof value === 'number' && Number.isFinite(value)) ||
    typeof value === 'boolean'
  )
}
