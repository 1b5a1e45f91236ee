import { auditEntryView } from '@haven/core/audit/audit-views'
import { auditQuerySchema } from '@haven/core/auth/auth-schemas'
import { z } from 'zod'
import { defineRoute } from '../../api/api-route.js'
import { countAuditRows, lastAuditRow, listAuditRows } from '../../audit/audit-store.js'
import { findUserByLoginName, loginNames } from '../../auth/user-store.js'

export const auditRoutes = [
  defineRoute({
    method: 'get',
    path: '/audit',
    summary:
      'Audit entries, newest first, filtered by actor (id or login name), record, action and time',
    tag: 'audit',
    access: { kind: 'policy', entity: 'AuditLog', action: 'read' },
    query: auditQuerySchema,
    response: z.object({
      entries: z.array(auditEntryView),
      nextBefore: z.number().int().nullable(),
    }),
    async handle({ app, query }) {
      const db = app.database.db
      let actorId = query.actorId
      if (query.actor !== undefined) {
        const named = await findUserByLoginName(db, query.actor)
        // An unknown login name, or one that contradicts actorId, matches no entry.
        if (!named || (actorId !== undefined && actorId !== named.id))
          return { entries: [], nextBefore: null }
        actorId = named.id
      }
      const rows = await listAuditRows(db, { ...query, actorId })
      const actorIds = [
        ...new Set(rows.map((r) => r.actor_id).filter((id): id is string => id !== null)),
      ]
      const names = await loginNames(db, actorIds)
      const loginOf = new Map(names.map((n) => [n.id, n.login_name]))
      return {
        entries: rows.map((r) => ({
          seq: r.seq,
          at: r.at,
          actorId: r.actor_id,
          actorLoginName: r.actor_id ? (loginOf.get(r.actor_id) ?? null) : null,
          action: r.action,
          entityType: r.entity_type,
          entityId: r.entity_id,
          compartmentId: r.compartment_id,
          outcome: r.outcome,
          requestId: r.request_id,
          details: JSON.parse(r.details) as Record<string, unknown>,
        })),
        nextBefore: rows.length === query.limit ? (rows.at(-1)?.seq ?? null) : null,
      }
    },
  }),
  defineRoute({
    method: 'get',
    path: '/audit/head',
    summary: 'The chain head: entry count and hash, to hand to a witness',
    tag: 'audit',
    access: { kind: 'policy', entity: 'AuditLog', action: 'read' },
    response: z.object({ count: z.number().int(), hash: z.string() }),
    async handle({ app }) {
      const db = app.database.db
      const last = await lastAuditRow(db)
      return { count: last ? await countAuditRows(db) : 0, hash: last?.hash ?? '0'.repeat(64) }
    },
  }),
]
