import { type RawBuilder, sql } from 'kysely'
import type { Db } from '../db/db-handle.js'
import type { SealedTable } from './sealed-registry.js'

/**
 * Reads and compare-and-sets sealed columns of any declared table. The tables are known only at
 * run time (each module declares its own), hence raw SQL with quoted identifiers: every name
 * comes from a declaration in code, never from input.
 */
export type SealedRow = { id: string } & Record<string, string | null>

function ownerFilter(t: SealedTable, ownerId: string): RawBuilder<unknown> {
  return 'column' in t.owner ? sql`${sql.ref(t.owner.column)} = ${ownerId}` : sql`1 = 1`
}

function selection(t: SealedTable): RawBuilder<unknown> {
  return sql.join([
    sql`${sql.ref(t.idColumn)} as id`,
    ...t.columns.map((c) => sql`${sql.ref(c.column)} as ${sql.ref(c.column)}`),
  ])
}

export async function countOwnedRows(db: Db, t: SealedTable, ownerId: string): Promise<number> {
  const result = await sql<{ n: number | string }>`
    select count(*) as n from ${sql.table(t.table)} where ${ownerFilter(t, ownerId)}`.execute(db)
  return Number(result.rows[0]?.n ?? 0)
}

/** The owner's rows after id `after` (all from the start when null), in id order. */
export async function ownedRowsAfter(
  db: Db,
  t: SealedTable,
  ownerId: string,
  after: string | null,
  limit: number,
): Promise<SealedRow[]> {
  const from = after === null ? sql`1 = 1` : sql`${sql.ref(t.idColumn)} > ${after}`
  const result = await sql<SealedRow>`
    select ${selection(t)} from ${sql.table(t.table)}
    where ${ownerFilter(t, ownerId)} and ${from}
    order by ${sql.ref(t.idColumn)} limit ${limit}`.execute(db)
  return result.rows
}

/** The owner's rows with at least one sealed value not under data key `version`. */
export async function rowsNotAtVersion(
  db: Db,
  t: SealedTable,
  ownerId: string,
  version: number,
  limit: number,
): Promise<SealedRow[]> {
  const prefix = `v1.${version}.%`
  const stale = sql.join(
    t.columns.map(
      (c) => sql`(${sql.ref(c.column)} is not null and ${sql.ref(c.column)} not like ${prefix})`,
    ),
    sql` or `,
  )
  const result = await sql<SealedRow>`
    select ${selection(t)} from ${sql.table(t.table)}
    where ${ownerFilter(t, ownerId)} and (${stale})
    order by ${sql.ref(t.idColumn)} limit ${limit}`.execute(db)
  return result.rows
}

/**
 * Writes re-sealed values only if the row still holds exactly what was read: a person editing the
 * record meanwhile wins, and the rotation picks the row up again in its final sweep.
 */
export async function compareAndSetSealed(
  db: Db,
  t: SealedTable,
  id: string,
  before: Readonly<Record<string, string | null>>,
  after: Readonly<Record<string, string | null>>,
): Promise<boolean> {
  const columns = Object.keys(after)
  if (columns.length === 0) return true
  const sets = sql.join(columns.map((c) => sql`${sql.ref(c)} = ${after[c] ?? null}`))
  const same = columns.map((c) => {
    const value = before[c] ?? null
    return value === null ? sql`${sql.ref(c)} is null` : sql`${sql.ref(c)} = ${value}`
  })
  const result = await sql`
    update ${sql.table(t.table)} set ${sets}
    where ${sql.ref(t.idColumn)} = ${id} and ${sql.join(same, sql` and `)}`.execute(db)
  return Number(result.numAffectedRows ?? 0) === 1
}
