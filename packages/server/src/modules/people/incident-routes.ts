import { createIncidentSchema, updateIncidentSchema } from '@haven/core/people/incident-schema'
import { type IncidentView, incidentView } from '@haven/core/people/people-views'
import { z } from 'zod'
import { defineRoute, inCompartment } from '../../api/api-route.js'
import type { AppContext } from '../../app-context.js'
import type { Actor } from '../../auth/actor.js'
import { audit } from '../../auth/auth-audit.js'
import { can } from '../../auth/policy.js'
import { assertWritable } from '../../compartments/compartment-access.js'
import { sealedAt } from '../../crypto/field-crypto.js'
import { presentSealed } from '../../crypto/sealed-view.js'
import { casesHiddenFrom } from './case-restriction.js'
import { assertCaseLinkable, recordIncident, updateIncident } from './incident-service.js'
import { incidentPeople, listIncidents } from './incident-store.js'
import { incidentAtId } from './people-loaders.js'
import type { IncidentsTable } from './people-tables.js'

const idParams = z.strictObject({ id: z.string().min(1).max(100) })

async function presentIncidents(
  app: AppContext,
  actor: Actor,
  rows: readonly IncidentsTable[],
  requestId: string,
): Promise<IncidentView[]> {
  const db = app.database.db
  const people = await incidentPeople(
    db,
    rows.map((r) => r.id),
  )
  // The link to a case the reader may not see is not shown (a restricted case).
  const hiddenCases = new Set(
    await casesHiddenFrom(db, actor, [...new Set(rows.map((r) => r.compartment_id))]),
  )
  const out: IncidentView[] = []
  for (const row of rows) {
    const mayIdentify = can(actor, 'identify', 'Incident', { compartmentId: row.compartment_id })
    if (mayIdentify && row.follow_up) {
      await audit(app, db, {
        actorId: actor.userId,
        action: 'incident.sealed_read',
        entityType: 'Incident',
        entityId: row.id,
        compartmentId: row.compartment_id,
        requestId,
      })
    }
    out.push({
      id: row.id,
      compartmentId: row.compartment_id,
      type: row.type as IncidentView['type'],
      occurredOn: row.occurred_on,
      datePrecision: row.date_precision as IncidentView['datePrecision'],
      region: row.region,
      severity: row.severity as IncidentView['severity'],
      resolved: row.resolved === 1,
      personCodes: people.filter((p) => p.incident_id === row.id).map((p) => p.code),
      caseId: row.case_id && !hiddenCases.has(row.case_id) ? row.case_id : null,
      followUp: await presentSealed(
        app,
        db,
        sealedAt('incidents', 'follow_up', row.id, row.compartment_id),
        row.follow_up,
        mayIdentify,
      ),
      version: row.version,
      createdAt: row.created_at,
    })
  }
  return out
}

export const incidentRoutes = [
  defineRoute({
    method: 'get',
    path: '/incidents',
    summary: 'The incident log of your compartments, newest first',
    tag: 'incidents',
    access: {
      kind: 'policy',
      entity: 'Incident',
      action: 'list',
      scope: 'compartments',
      only: ({ query }) => query.compartmentId,
    },
    query: z.strictObject({
      compartmentId: z.string().max(100).optional(),
      personId: z.string().max(100).optional(),
      limit: z.coerce.number().int().min(1).max(200).default(50),
    }),
    response: z.array(incidentView),
    async handle({ app, query, actor, scope: compartmentIds, audit: by }) {
      const rows = await listIncidents(app.database.db, compartmentIds, query)
      return presentIncidents(app, actor(), rows, by.requestId ?? '')
    },
  }),
  defineRoute({
    method: 'post',
    path: '/incidents',
    summary: 'Record an arrest, repatriation, detention, disappearance, emergency or threat',
    tag: 'incidents',
    access: {
      kind: 'policy',
      entity: 'Incident',
      action: 'create',
      record: (_, { body }) => ({ compartmentId: body.compartmentId }),
    },
    body: createIncidentSchema,
    response: incidentView,
    successStatus: 201,
    errors: ['notFound', 'forbidden', 'validationFailed', 'compartmentMismatch', 'recordFrozen'],
    async handle({ app, body, actor, audit: by }) {
      await assertWritable(app.database.db, body.compartmentId)
      if (body.caseId) await assertCaseLinkable(app, actor(), body.caseId)
      const row = await recordIncident(app, body, by)
      const [view] = await presentIncidents(app, actor(), [row], by.requestId ?? '')
      if (!view) throw new Error('incident view missing')
      return view
    },
  }),
  defineRoute({
    method: 'get',
    path: '/incidents/:id',
    summary: 'One incident',
    tag: 'incidents',
    access: {
      kind: 'policy',
      entity: 'Incident',
      action: 'read',
      load: incidentAtId,
      record: inCompartment,
    },
    params: idParams,
    response: incidentView,
    errors: ['notFound'],
    async handle({ app, actor, record: row, audit: by }) {
      const [view] = await presentIncidents(app, actor(), [row], by.requestId ?? '')
      if (!view) throw new Error('incident view missing')
      return view
    },
  }),
  defineRoute({
    method: 'patch',
    path: '/incidents/:id',
    summary: 'Update an incident’s severity, follow-up or resolution',
    tag: 'incidents',
    access: {
      kind: 'policy',
      entity: 'Incident',
      action: 'update',
      load: incidentAtId,
      record: inCompartment,
    },
    params: idParams,
    body: updateIncidentSchema,
    response: incidentView,
    errors: ['notFound', 'forbidden', 'versionConflict', 'recordFrozen'],
    async handle({ app, body, actor, record: current, audit: by }) {
      await assertWritable(app.database.db, current.compartment_id)
      const row = await updateIncident(app, current, body, by)
      const [view] = await presentIncidents(app, actor(), [row], by.requestId ?? '')
      if (!view) throw new Error('incident view missing')
      return view
    },
  }),
]
