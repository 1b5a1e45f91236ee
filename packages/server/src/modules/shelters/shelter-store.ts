import type { Db } from '../../db/db-handle.js'
import type { ShelterLogTable, ShelterResidentsTable, SheltersTable } from './shelters-tables.js'

export async function insertShelter(db: Db, row: SheltersTable): Promise<void> {
  await db.insertInto('shelters').values(row).execute()
}

export async function findShelter(db: Db, id: string): Promise<SheltersTable | undefined> {
  return db.selectFrom('shelters').selectAll().where('compartment_id', '=', id).executeTakeFirst()
}

export async function findShelterByCode(db: Db, code: string): Promise<SheltersTable | undefined> {
  return db.selectFrom('shelters').selectAll().where('code', '=', code).executeTakeFirst()
}

export async function listShelters(
  db: Db,
  compartmentIds: readonly string[],
  status?: string,
): Promise<SheltersTable[]> {
  if (compartmentIds.length === 0) return []
  let query = db.selectFrom('shelters').selectAll().where('compartment_id', 'in', compartmentIds)
  if (status) query = query.where('status', '=', status)
  return query.orderBy('code').execute()
}

/** Applies changes only if the row is still at `version`; false means someone saved first. */
export async function updateShelterIfVersion(
  db: Db,
  id: string,
  version: number,
  changes: Partial<SheltersTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('shelters')
    .set({ ...changes, version: version + 1 })
    .where('compartment_id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Current residents per shelter (open residences). */
export async function occupancyOf(
  db: Db,
  compartmentIds: readonly string[],
): Promise<Map<string, number>> {
  if (compartmentIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('shelter_residents')
    .select(['compartment_id', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('compartment_id', 'in', compartmentIds)
    .where('to_date', 'is', null)
    .groupBy('compartment_id')
    .execute()
  return new Map(rows.map((r) => [r.compartment_id, Number(r.n)]))
}

export async function insertResident(db: Db, row: ShelterResidentsTable): Promise<void> {
  await db.insertInto('shelter_residents').values(row).execute()
}

export async function findResident(db: Db, id: string): Promise<ShelterResidentsTable | undefined> {
  return db.selectFrom('shelter_residents').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function findOpenResidence(
  db: Db,
  personId: string,
): Promise<ShelterResidentsTable | undefined> {
  return db
    .selectFrom('shelter_residents')
    .selectAll()
    .where('person_id', '=', personId)
    .where('to_date', 'is', null)
    .executeTakeFirst()
}

/** Ends an open residence; false if it had already ended (someone else ended it first). */
export async function endResidence(
  db: Db,
  id: string,
  toDate: string,
  reason: string,
): Promise<boolean> {
  const result = await db
    .updateTable('shelter_residents')
    .set({ to_date: toDate, leave_reason: reason })
    .where('id', '=', id)
    .where('to_date', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Everyone who has lived in a shelter, current residents first, then by arrival (newest first). */
export async function residentsOf(db: Db, compartmentId: string): Promise<ShelterResidentsTable[]> {
  return db
    .selectFrom('shelter_residents')
    .selectAll()
    .where('compartment_id', '=', compartmentId)
    .orderBy((eb) => eb.case().when('to_date', 'is', null).then(0).else(1).end())
    .orderBy('from_date', 'desc')
    .orderBy('id', 'desc')
    .limit(500)
    .execute()
}

export async function insertLogEntry(
  db: Db,
  row: ShelterLogTable,
  personIds: readonly string[],
): Promise<void> {
  await db.insertInto('shelter_log').values(row).execute()
  if (personIds.length > 0)
    await db
      .insertInto('shelter_log_people')
      .values([...new Set(personIds)].map((person_id) => ({ log_id: row.id, person_id })))
      .execute()
}

export async function logOf(db: Db, compartmentId: string, limit = 200) {
  return db
    .selectFrom('shelter_log')
    .selectAll()
    .where('compartment_id', '=', compartmentId)
    .orderBy('occurred_on', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
}

/** Who each log entry names (person ids; their codes come from the people module). */
export async function logPeople(
  db: Db,
  logIds: readonly string[],
): Promise<{ log_id: string; person_id: string }[]> {
  if (logIds.length === 0) return []
  return db
    .selectFrom('shelter_log_people')
    .select(['log_id', 'person_id'])
    .where('log_id', 'in', logIds)
    .execute()
}

/**
 * Users to sign out when a shelter is compromised: they hold a field-worker grant there and no
 * grant anywhere else (not even organisation-wide), so the shelter was all they could reach.
 */
export async function usersOnlyIn(db: Db, compartmentId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('grants as g')
    .select('g.user_id')
    .distinct()
    .where('g.compartment_id', '=', compartmentId)
    .where('g.role', '=', 'field_worker')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('grants as other')
            .select('other.id')
            .whereRef('other.user_id', '=', 'g.user_id')
            .where((o) =>
              o.or([
                o('other.compartment_id', 'is', null),
                o('other.compartment_id', '!=', compartmentId),
              ]),
            ),
        ),
      ),
    )
    .execute()
  return rows.map((r) => r.user_id)
}

/** Ends every session of these users; returns how many ended. */
export async function endSessionsOf(db: Db, userIds: readonly string[]): Promise<number> {
  if (userIds.length === 0) return 0
  const result = await db.deleteFrom('sessions').where('user_id', 'in', userIds).executeTakeFirst()
  return Number(result.numDeletedRows)
}

/** Active users holding the coordinator role in this compartment or organisation-wide. */
export async function coordinatorsOf(db: Db, compartmentId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('grants')
    .innerJoin('users', 'users.id', 'grants.user_id')
    .select('grants.user_id')
    .distinct()
    .where('grants.role', '=', 'coordinator')
    .where('users.status', '=', 'active')
    .where((eb) =>
      eb.or([
        eb('grants.compartment_id', '=', compartmentId),
        eb('grants.compartment_id', 'is', null),
      ]),
    )
    .execute()
  return rows.map((r) => r.user_id)
}

/** Shelters open at some time between two days (inclusive): opened by the end, not closed before the start. */
export async function countSheltersOperating(db: Db, from: string, to: string): Promise<number> {
  const row = await db
    .selectFrom('shelters')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('opened_on', '<=', to)
    .where((eb) => eb.or([eb('closed_on', 'is', null), eb('closed_on', '>=', from)]))
    .executeTakeFirst()
  return Number(row?.n ?? 0)
}

/**
 * Touches the shelter's row, which takes its row lock (PostgreSQL) until the transaction ends:
 * concurrent changes to one shelter happen one after the other.
 */
export async function touchShelter(db: Db, id: string, now: string): Promise<void> {
  await db
    .updateTable('shelters')
    .set({ updated_at: now })
    .where('compartment_id', '=', id)
    .execute()
}

/** A residence of this shelter (one of another shelter is not found). */
export async function findResidentIn(
  db: Db,
  id: string,
  compartmentId: string,
): Promise<ShelterResidentsTable | undefined> {
  return db
    .selectFrom('shelter_residents')
    .selectAll()
    .where('id', '=', id)
    .where('compartment_id', '=', compartmentId)
    .executeTakeFirst()
}
