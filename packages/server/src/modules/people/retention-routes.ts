import { z } from 'zod'
import { defineRoute } from '../../api/api-route.js'
import { today } from '../../app-context.js'
import { assertWritable, compartmentsFor } from '../../compartments/compartment-access.js'
import { errors } from '../../http/errors.js'
import { casesDueForPurge, purgeCases } from './retention.js'

const dueView = z.array(
  z.object({
    id: z.string(),
    code: z.string(),
    compartmentId: z.string(),
    closedOn: z.string(),
    dueSince: z.string(),
  }),
)

export const retentionRoutes = [
  defineRoute({
    method: 'get',
    path: '/retention/due',
    summary: 'Closed cases past their compartment’s retention period',
    tag: 'retention',
    access: { kind: 'policy', entity: 'Case', action: 'manage' },
    query: z.strictObject({ compartmentId: z.string().max(100).optional() }),
    response: dueView,
    async handle({ app, query, actor, authorize, authorizeScope }) {
      if (query.compartmentId)
        authorize(
          'manage',
          'Case',
          { compartmentId: query.compartmentId },
          { compartmentId: query.compartmentId },
        )
      else authorizeScope()
      const compartmentIds = await compartmentsFor(
        app.database.db,
        actor(),
        ['coordinator'],
        query.compartmentId,
      )
      return casesDueForPurge(app.database.db, compartmentIds, today(app))
    },
  }),
  defineRoute({
    method: 'post',
    path: '/retention/purge',
    summary:
      'Delete closed cases that are due, for good (coordinators; re-authentication; audited)',
    tag: 'retention',
    access: { kind: 'policy', entity: 'Case', action: 'manage' },
    reauth: true,
    body: z.strictObject({ caseIds: z.array(z.string().min(1).max(100)).min(1).max(500) }),
    response: z.object({ purged: z.number().int() }),
    errors: ['notFound', 'forbidden', 'reauthRequired', 'recordFrozen'],
    async handle({ app, body, actor, authorize, audit: by }) {
      const db = app.database.db
      const compartments = await db
        .selectFrom('cases')
        .select(['id', 'compartment_id'])
        .where('id', 'in', body.caseIds)
        .execute()
      if (compartments.length !== new Set(body.caseIds).size) throw errors.notFound()
      for (const compartmentId of new Set(compartments.map((c) => c.compartment_id)))
        authorize('manage', 'Case', { compartmentId }, { compartmentId })
      // A compromised (frozen) compartment keeps its records as they were: no purge either.
      for (const compartmentId of new Set(compartments.map((c) => c.compartment_id)))
        await assertWritable(db, compartmentId)
      const due = await casesDueForPurge(
        db,
        await compartmentsFor(db, actor(), ['coordinator']),
        today(app),
      )
      const wanted = new Set(body.caseIds)
      const purgeable = due.filter((c) => wanted.has(c.id))
      // Only cases that are really due: a purge is never a way to delete open or recent work.
      if (purgeable.length !== wanted.size)
        throw errors.validationFailed([{ path: 'caseIds', key: 'field.invalid', params: {} }])
      return { purged: await purgeCases(app, purgeable, by) }
    },
  }),
]
