import { z } from 'zod'
import { defineRoute } from '../../api/api-route.js'
import { today } from '../../app-context.js'
import { assertWritable } from '../../compartments/compartment-access.js'
import { errors } from '../../http/errors.js'
import { findCases } from './case-store.js'
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
    access: {
      kind: 'policy',
      entity: 'Case',
      action: 'manage',
      scope: 'compartments',
      only: ({ query }) => query.compartmentId,
    },
    query: z.strictObject({ compartmentId: z.string().max(100).optional() }),
    response: dueView,
    async handle({ app, scope: compartmentIds }) {
      return casesDueForPurge(app.database.db, compartmentIds, today(app))
    },
  }),
  defineRoute({
    method: 'post',
    path: '/retention/purge',
    summary:
      'Delete closed cases that are due, for good (coordinators; re-authentication; audited)',
    tag: 'retention',
    access: {
      kind: 'policy',
      entity: 'Case',
      action: 'manage',
      // Every case named, each in a compartment the caller manages; any missing one is 404.
      load: async ({ app, body }) => {
        const cases = await findCases(app.database.db, body.caseIds)
        if (cases.length !== new Set(body.caseIds).size) throw errors.notFound()
        return [...new Set(cases.map((c) => c.compartment_id))]
      },
      record: (compartmentIds) => compartmentIds.map((compartmentId) => ({ compartmentId })),
    },
    reauth: true,
    body: z.strictObject({ caseIds: z.array(z.string().min(1).max(100)).min(1).max(500) }),
    response: z.object({ purged: z.number().int() }),
    errors: ['notFound', 'forbidden', 'reauthRequired', 'recordFrozen'],
    async handle({ app, body, record: compartmentIds, audit: by }) {
      const db = app.database.db
      // A compromised (frozen) compartment keeps its records as they were: no purge either.
      for (const compartmentId of compartmentIds) await assertWritable(db, compartmentId)
      const due = await casesDueForPurge(db, compartmentIds, today(app))
      const wanted = new Set(body.caseIds)
      const purgeable = due.filter((c) => wanted.has(c.id))
      // Only cases that are really due: a purge is never a way to delete open or recent work.
      if (purgeable.length !== wanted.size)
        throw errors.validationFailed([{ path: 'caseIds', key: 'field.invalid', params: {} }])
      return { purged: await purgeCases(app, purgeable, by) }
    },
  }),
]
