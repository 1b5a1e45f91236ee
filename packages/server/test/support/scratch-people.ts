import { declareIdentifying, undeclareIdentifying } from '@haven/core/privacy/identifying-fields'
import { sql } from 'kysely'
import type { AppContext } from '../../src/app-context.js'
import type { FieldAddress } from '../../src/crypto/field-crypto.js'
import { registerBlindIndex, unregisterBlindIndex } from '../../src/crypto/sealed-registry.js'
import type { Db } from '../../src/db/db-handle.js'
import { newId } from '../../src/db/ids.js'

/**
 * A stand-in for the people module, for key-operation tests until people exist: a table with
 * sealed names and notes, declared identifying in core, with a blind index in a terms table —
 * the same shape a real module uses.
 */
export const SCRATCH_ENTITY = 'ScratchPerson'
export const SCRATCH_TABLE = 'scratch_people'
export const SCRATCH_TERMS = 'scratch_person_terms'

export async function createScratchTables(db: Db): Promise<void> {
  await sql`create table if not exists scratch_people (
    id text primary key,
    compartment_id text not null,
    code text not null,
    names text,
    notes text,
    created_at text not null
  )`.execute(db)
  await sql`create table if not exists scratch_person_terms (
    id text primary key,
    compartment_id text not null,
    record_id text not null,
    field text not null,
    term text not null
  )`.execute(db)
}

export function declareScratchPeople(): () => void {
  declareIdentifying(SCRATCH_ENTITY, {
    table: SCRATCH_TABLE,
    idColumn: 'id',
    compartmentColumn: 'compartment_id',
    fields: [
      { field: 'names', column: 'names', searchable: true },
      { field: 'notes', column: 'notes' },
    ],
  })
  registerBlindIndex(SCRATCH_ENTITY, {
    async reindex(db, { compartmentId, recordId, values, terms }) {
      await sql`delete from scratch_person_terms where record_id = ${recordId}`.execute(db)
      for (const variant of values.names?.split(' / ') ?? [])
        for (const t of await terms(variant))
          await insertTerm(db, compartmentId, recordId, 'names', t.term)
    },
    async purge(db, compartmentId) {
      await sql`delete from scratch_person_terms where compartment_id = ${compartmentId}`.execute(
        db,
      )
    },
  })
  return () => {
    undeclareIdentifying(SCRATCH_ENTITY)
    unregisterBlindIndex(SCRATCH_ENTITY)
  }
}

async function insertTerm(
  db: Db,
  compartmentId: string,
  recordId: string,
  field: string,
  term: string,
) {
  await sql`insert into scratch_person_terms (id, compartment_id, record_id, field, term)
    values (${newId()}, ${compartmentId}, ${recordId}, ${field}, ${term})`.execute(db)
}

export const scratchAddress = (
  compartmentId: string,
  recordId: string,
  column: 'names' | 'notes',
): FieldAddress => ({ table: SCRATCH_TABLE, column, recordId, compartmentId })

/** Inserts a person the way a module would: sealed fields and blind index terms, never plaintext. */
export async function insertScratchPerson(
  app: AppContext,
  compartmentId: string,
  person: { names: string; notes?: string },
  db: Db = app.database.db,
): Promise<string> {
  const id = newId()
  const fields = app.crypto.fields
  const names = await fields.seal(db, scratchAddress(compartmentId, id, 'names'), person.names)
  const notes = person.notes
    ? await fields.seal(db, scratchAddress(compartmentId, id, 'notes'), person.notes)
    : null
  await sql`insert into scratch_people (id, compartment_id, code, names, notes, created_at)
    values (${id}, ${compartmentId}, ${`P-${id.slice(-6)}`}, ${names}, ${notes}, ${app
      .now()
      .toISOString()})`.execute(db)
  // Each script variant separated by " / " is indexed on its own.
  for (const variant of person.names.split(' / '))
    for (const t of await fields.indexTerms(db, compartmentId, variant))
      await insertTerm(db, compartmentId, id, 'names', t.term)
  return id
}

export interface ScratchRow {
  id: string
  compartment_id: string
  names: string | null
  notes: string | null
}

export async function scratchRows(db: Db, compartmentId?: string): Promise<ScratchRow[]> {
  const where = compartmentId ? sql`where compartment_id = ${compartmentId}` : sql``
  return (
    await sql<ScratchRow>`select id, compartment_id, names, notes from scratch_people ${where} order by id`.execute(
      db,
    )
  ).rows
}

/** Record ids whose stored terms match any of the query's terms (what a search does). */
export async function searchScratch(
  app: AppContext,
  compartmentId: string,
  query: string,
): Promise<string[]> {
  const db = app.database.db
  const terms = await app.crypto.fields.queryTerms(db, compartmentId, query)
  if (terms.length === 0) return []
  const rows = await sql<{ record_id: string }>`
    select distinct record_id from scratch_person_terms
    where compartment_id = ${compartmentId} and term in (${sql.join(terms)})`.execute(db)
  return rows.rows.map((r) => r.record_id).sort()
}
