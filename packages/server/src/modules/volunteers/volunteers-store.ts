import type { Db } from '../../db/db-handle.js'
import type {
  VolunteerAssignmentsTable,
  VolunteerHoursTable,
  VolunteersTable,
} from './volunteers-tables.js'

export async function nextVolunteerSeq(db: Db): Promise<number> {
  const row = await db
    .selectFrom('volunteers')
    .select((eb) => eb.fn.max('seq').as('last'))
    .executeTakeFirst()
  return Number(row?.last ?? 0) + 1
}

export async function insertVolunteer(db: Db, row: VolunteersTable): Promise<void> {
  await db.insertInto('volunteers').values(row).execute()
}

export async function findVolunteer(db: Db, id: string): Promise<VolunteersTable | undefined> {
  return db.selectFrom('volunteers').selectAll().where('id', '=', id).executeTakeFirst()
}

export interface VolunteerFilter {
  status?: string | undefined
  language?: string | undefined
}

/** A page of the volunteers in the given compartments, by code. */
export async function listVolunteers(
  db: Db,
  compartmentIds: readonly string[],
  filter: VolunteerFilter,
  paging: { page: number; pageSize: number },
): Promise<{ total: number; rows: VolunteersTable[] }> {
  if (compartmentIds.length === 0) return { total: 0, rows: [] }
  let query = db.selectFrom('volunteers').where('compartment_id', 'in', compartmentIds)
  if (filter.status) query = query.where('status', '=', filter.status)
  // Languages are stored as JSON written by this module alone, so the entry's text is exact.
  if (filter.language) query = query.where('languages', 'like', `%"language":"${filter.language}"%`)
  const count = await query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst()
  const rows = await query
    .selectAll()
    .orderBy('seq')
    .limit(paging.pageSize)
    .offset((paging.page - 1) * paging.pageSize)
    .execute()
  return { total: Number(count?.n ?? 0), rows }
}

/** Applies changes only if the row is still at `version`; false means someone saved first. */
export async function updateVolunteerIfVersion(
  db: Db,
  id: string,
  version: number,
  changes: Partial<VolunteersTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('volunteers')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function insertAssignment(db: Db, row: VolunteerAssignmentsTable): Promise<void> {
  await db.insertInto('volunteer_assignments').values(row).execute()
}

export async function assignmentsOf(
  db: Db,
  volunteerId: string,
): Promise<VolunteerAssignmentsTable[]> {
  return db
    .selectFrom('volunteer_assignments')
    .selectAll()
    .where('volunteer_id', '=', volunteerId)
    .orderBy('starts_on', 'desc')
    .orderBy('id')
    .execute()
}

export async function insertHours(db: Db, row: VolunteerHoursTable): Promise<void> {
  await db.insertInto('volunteer_hours').values(row).execute()
}

export async function hoursOf(db: Db, volunteerId: string): Promise<VolunteerHoursTable[]> {
  const rows = await db
    .selectFrom('volunteer_hours')
    .selectAll()
    .where('volunteer_id', '=', volunteerId)
    .orderBy('on_date', 'desc')
    .orderBy('id')
    .execute()
  return rows.map((r) => ({ ...r, minutes: Number(r.minutes) }))
}

/** Minutes logged per volunteer, for the volunteers of a page. */
export async function minutesByVolunteer(
  db: Db,
  volunteerIds: readonly string[],
): Promise<Map<string, number>> {
  if (volunteerIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('volunteer_hours')
    .select(['volunteer_id', (eb) => eb.fn.sum<number>('minutes').as('minutes')])
    .where('volunteer_id', 'in', volunteerIds)
    .groupBy('volunteer_id')
    .execute()
  return new Map(rows.map((r) => [r.volunteer_id, Number(r.minutes)]))
}

/** Each volunteer's minutes in a period, with their languages (the annual report's figures). */
export async function minutesInPeriod(
  db: Db,
  from: string,
  to: string,
): Promise<{ volunteer_id: string; languages: string; minutes: number }[]> {
  const rows = await db
    .selectFrom('volunteer_hours as h')
    .innerJoin('volunteers as v', 'v.id', 'h.volunteer_id')
    .select(['h.volunteer_id', 'v.languages', (eb) => eb.fn.sum<number>('h.minutes').as('minutes')])
    .where('h.on_date', '>=', from)
    .where('h.on_date', '<=', to)
    .groupBy(['h.volunteer_id', 'v.languages'])
    .execute()
  return rows.map((r) => ({ ...r, minutes: Number(r.minutes) }))
}

/** How many volunteers a compartment holds (the demo adds its own only to an empty one). */
export async function countVolunteersIn(db: Db, compartmentId: string): Promise<number> {
  const row = await db
    .selectFrom('volunteers')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('compartment_id', '=', compartmentId)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
