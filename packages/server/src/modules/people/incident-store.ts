import type { Db } from '../../db/db-handle.js'
import type { IncidentsTable } from './people-tables.js'

export async function findIncident(db: Db, id: string): Promise<IncidentsTable | undefined> {
  return db.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function incidentPeople(db: Db, incidentIds: readonly string[]) {
  if (incidentIds.length === 0) return []
  return db
    .selectFrom('incident_people')
    .innerJoin('people', 'people.id', 'incident_people.person_id')
    .select(['incident_people.incident_id', 'people.code', 'people.id'])
    .where('incident_people.incident_id', 'in', incidentIds)
    .orderBy('people.code')
    .execute()
}

export async function listIncidents(
  db: Db,
  compartmentIds: readonly string[],
  filter: { personId?: string | undefined; limit: number },
) {
  if (compartmentIds.length === 0) return []
  let query = db.selectFrom('incidents').selectAll().where('compartment_id', 'in', compartmentIds)
  if (filter.personId) {
    const personId = filter.personId
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('incident_people')
          .select('incident_people.incident_id')
          .whereRef('incident_people.incident_id', '=', 'incidents.id')
          .where('incident_people.person_id', '=', personId),
      ),
    )
  }
  return query.orderBy('occurred_on', 'desc').orderBy('id', 'desc').limit(filter.limit).execute()
}

export async function insertIncident(
  db: Db,
  row: IncidentsTable,
  personIds: readonly string[],
): Promise<void> {
  await db.insertInto('incidents').values(row).execute()
  if (personIds.length > 0)
    await db
      .insertInto('incident_people')
      .values(personIds.map((personId) => ({ incident_id: row.id, person_id: personId })))
      .execute()
}

/** Applies `changes` if the incident is still at `version`; false when someone saved first. */
export async function updateIncidentIfVersion(
  db: Db,
  id: string,
  version: number,
  changes: Partial<IncidentsTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('incidents')
    .set(changes)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}
