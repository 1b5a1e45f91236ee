import type { CreateIncident, updateIncidentSchema } from '@haven/core/people/incident-schema'
import type { z } from 'zod'
import { type AppContext, today } from '../../app-context.js'
import type { Actorish } from '../../audit/audit-log.js'
import type { Actor } from '../../auth/actor.js'
import { audit } from '../../auth/auth-audit.js'
import { can } from '../../auth/policy.js'
import { sealedAt } from '../../crypto/field-crypto.js'
import { newId } from '../../db/ids.js'
import { errors } from '../../http/errors.js'
import { caseHiddenFrom } from './case-restriction.js'
import { findCase } from './case-store.js'
import { findIncident, insertIncident, updateIncidentIfVersion } from './incident-store.js'
import type { IncidentsTable } from './people-tables.js'
import { findPeople, touchPerson } from './person-store.js'

/**
 * The case an incident is to be linked to, checked as a read of it: a case the author may not
 * read — another compartment's, or one restricted to its assignee and coordinators — is answered
 * 404, as `GET /cases/:id` answers, so linking cannot tell that it exists.
 */
export async function assertCaseLinkable(app: AppContext, actor: Actor, caseId: string) {
  const kase = await findCase(app.database.db, caseId)
  if (
    !kase ||
    !can(actor, 'read', 'Case', { compartmentId: kase.compartment_id }) ||
    caseHiddenFrom(actor, kase)
  )
    throw errors.notFound()
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
    const kase = await findCase(db, input.caseId)
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
    await insertIncident(
      trx,
      row,
      people.map((p) => p.id),
    )
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
    if (!(await updateIncidentIfVersion(trx, current.id, update.version, changes))) {
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
    const updated = await findIncident(trx, current.id)
    if (!updated) throw new Error('incident vanished inside its own transaction')
    return updated
  })
}
