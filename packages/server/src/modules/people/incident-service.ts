import type { CreateIncident, updateIncidentSchema } from '@haven/core/people/incident-schema'
import type { z } from 'zod'
import { type AppContext, today } from '../../app-context.js'
import type { Actorish } from '../../audit/audit-log.js'
import { audit } from '../../auth/auth-audit.js'
import { sealedAt } from '../../crypto/field-crypto.js'
import type { Db } from '../../db/db-handle.js'
import { newId } from '../../db/ids.js'
import { errors } from '../../http/errors.js'
import type { IncidentsTable } from './people-tables.js'
import { findPeople, touchPerson } from './person-store.js'

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

/**
 * Records an incident. The people and case it names must be in the same compartment: an incident
 * can never become a way to learn that someone exists elsewhere.
 */
export async function recordIncident(
  app: AppContext,
  input: CreateIncident,
  by: Actorish,
): Promise<IncidentsTable> {
  if (input.occurredOn > today(app).slice(0, input.occurredOn.length)) {
    throw errors.validationFailed([{ path: 'occurredOn', key: 'field.date_in_future', params: {} }])
  }
  const db = app.database.db
  const people = await findPeople(db, input.personIds)
  if (
    people.length !== new Set(input.personIds).size ||
    people.some((p) => p.compartment_id !== input.compartmentId)
  )
    throw errors.compartmentMismatch()
  if (input.caseId) {
    const kase = await db
      .selectFrom('cases')
      .select('compartment_id')
      .where('id', '=', input.caseId)
      .executeTakeFirst()
    if (kase?.compartment_id !== input.compartmentId) throw errors.compartmentMismatch()
  }
  return db.transaction().execute(async (trx) => {
    const id = newId()
    const now = app.now().toISOString()
    const row: IncidentsTable = {
      id,
      compartment_id: input.compartmentId,
      type: input.type,
      occurred_on: input.occurredOn,
      date_precision: input.datePrecision,
      region: input.region,
      severity: input.severity,
      case_id: input.caseId,
      follow_up: input.followUp
        ? await app.crypto.fields.seal(
            trx,
            sealedAt('incidents', 'follow_up', id, input.compartmentId),
            input.followUp,
          )
        : null,
      resolved: 0,
      version: 1,
      created_at: now,
      created_by: by.actorId,
      updated_at: now,
    }
    await trx.insertInto('incidents').values(row).execute()
    if (people.length > 0)
      await trx
        .insertInto('incident_people')
        .values(people.map((p) => ({ incident_id: id, person_id: p.id })))
        .execute()
    for (const p of people) await touchPerson(trx, p.id, now)
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'incident.recorded',
      entityType: 'Incident',
      entityId: id,
      compartmentId: input.compartmentId,
      requestId: by.requestId,
      details: { type: input.type, severity: input.severity, people: people.length },
    })
    return row
  })
}

export async function updateIncident(
  app: AppContext,
  current: IncidentsTable,
  update: z.infer<typeof updateIncidentSchema>,
  by: Actorish,
): Promise<IncidentsTable> {
  const db = app.database.db
  return db.transaction().execute(async (trx) => {
    const changes: Partial<IncidentsTable> = {
      updated_at: app.now().toISOString(),
      version: update.version + 1,
    }
    if (update.severity) changes.severity = update.severity
    if (update.resolved !== undefined) changes.resolved = update.resolved ? 1 : 0
    if (update.followUp !== undefined)
      changes.follow_up = await app.crypto.fields.seal(
        trx,
        sealedAt('incidents', 'follow_up', current.id, current.compartment_id),
        update.followUp,
      )
    const result = await trx
      .updateTable('incidents')
      .set(changes)
      .where('id', '=', current.id)
      .where('version', '=', update.version)
      .executeTakeFirst()
    if (Number(result.numUpdatedRows) !== 1) {
      throw errors.versionConflict({
        yourVersion: update.version,
        currentVersion: (await findIncident(trx, current.id))?.version ?? null,
        yourChanges: Object.keys(update).filter((k) => k !== 'version'),
      })
    }
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'incident.updated',
      entityType: 'Incident',
      entityId: current.id,
      compartmentId: current.compartment_id,
      requestId: by.requestId,
      details: { fields: Object.keys(update).filter((k) => k !== 'version') },
    })
    return trx
      .selectFrom('incidents')
      .selectAll()
      .where('id', '=', current.id)
      .executeTakeFirstOrThrow()
  })
}
