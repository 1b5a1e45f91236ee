import type { CompartmentKind } from '@haven/core/auth/roles'
import { compiledShape } from '../db/compiled-shapes.js'
import type { Db } from '../db/db-handle.js'
import type { CompartmentsTable } from './compartment-tables.js'

export async function insertCompartment(db: Db, row: CompartmentsTable): Promise<void> {
  await db.insertInto('compartments').values(row).execute()
}

export async function findCompartment(db: Db, id: string): Promise<CompartmentsTable | undefined> {
  return db.selectFrom('compartments').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function findCompartmentByCode(
  db: Db,
  code: string,
): Promise<CompartmentsTable | undefined> {
  return db.selectFrom('compartments').selectAll().where('code', '=', code).executeTakeFirst()
}

/** Compartments by id, or all of them ('all' comes only from an organisation-wide grant). */
export async function listCompartments(
  db: Db,
  ids: readonly string[] | 'all',
): Promise<CompartmentsTable[]> {
  if (ids !== 'all' && ids.length === 0) return []
  let query = db.selectFrom('compartments').selectAll()
  if (ids !== 'all') query = query.where('id', 'in', ids)
  return query.orderBy('code').execute()
}

export async function updateCompartment(
  db: Db,
  id: string,
  changes: Partial<CompartmentsTable>,
): Promise<void> {
  await db.updateTable('compartments').set(changes).where('id', '=', id).execute()
}

export async function allCompartmentIds(db: Db): Promise<string[]> {
  // Every list request of an organisation-wide role asks this: compiled once.
  const compiled = compiledShape(db, 'compartments.all-ids', [], () =>
    db.selectFrom('compartments').select('id'),
  )
  return (await db.executeQuery(compiled)).rows.map((r) => r.id)
}

/** Compartments of one kind (the inboxes, say). */
export async function compartmentIdsOfKind(db: Db, kind: CompartmentKind): Promise<string[]> {
  return (await db.selectFrom('compartments').select('id').where('kind', '=', kind).execute()).map(
    (r) => r.id,
  )
}

/** The first `limit` active compartments of these kinds, by code (demo steps build on them). */
export async function activeCompartmentsOfKinds(
  db: Db,
  kinds: readonly CompartmentKind[],
  limit: number,
): Promise<CompartmentsTable[]> {
  return db
    .selectFrom('compartments')
    .selectAll()
    .where('kind', 'in', kinds)
    .where('status', '=', 'active')
    .orderBy('code')
    .limit(limit)
    .execute()
}

/** Every compartment's code by its id. */
export async function allCompartmentCodes(db: Db): Promise<Map<string, string>> {
  const rows = await db.selectFrom('compartments').select(['id', 'code']).execute()
  return new Map(rows.map((c) => [c.id, c.code]))
}

/** Marks a compartment restricted: only grants made in it open it. */
export async function markRestricted(db: Db, id: string): Promise<void> {
  await db.updateTable('compartments').set({ restricted: 1 }).where('id', '=', id).execute()
}

/**
 * Every compartment's id and whether organisation-wide grants open it (restricted ones they do
 * not), for a session with an organisation-wide grant: asked on each of its requests, compiled once.
 */
export async function compartmentRestrictions(
  db: Db,
): Promise<{ id: string; restricted: boolean }[]> {
  const compiled = compiledShape(db, 'compartments.restrictions', [], () =>
    db.selectFrom('compartments').select(['id', 'restricted']),
  )
  return (await db.executeQuery(compiled)).rows.map((r) => ({
    id: r.id,
    restricted: Number(r.restricted) === 1,
  }))
}
