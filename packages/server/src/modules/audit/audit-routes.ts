import { auditEntryView } from '@haven/core/audit/audit-views'
import { auditQuerySchema } from '@haven/core/auth/auth-schemas'
import { z } from 'zod'
import { defineRoute } from '../../api/api-route.js'
import type { AppContext } from '../../app-context.js'
import {
  countAuditMatches,
  countAuditRows,
  lastAuditRow,
  listAuditRows,
} from '../../audit/audit-store.js'
import { findUserByLoginName, loginNames } from '../../auth/user-store.js'
import { listCompartments } from '../../compartments/compartment-store.js'
import type { Db } from '../../db/db-handle.js'

/** The count says "more than 10,000" past this, as the people list does. */
const COUNT_CAP = 10_000

/**
 * The records the platform itself owns: an account by its login name (as the actor column names
 * it), a compartment by its code. Never a display name: that may be a person's name.
 */
const PLATFORM_CODES: Record<
  string,
  (db: Db, ids: readonly string[]) => Promise<ReadonlyMap<string, string>>
> = {
  User: async (db, ids) => new Map((await loginNames(db, ids)).map((u) => [u.id, u.login_name])),
  Compartment: async (db, ids) =>
    new Map((await listCompartments(db, ids)).map((c) => [c.id, c.code])),
}

/** The codes of the records on a page (C-0012, P-…), asked of the module that owns each type. */
async function recordCodes(
  app: AppContext,
  rows: readonly { entity_type: string | null; entity_id: string | null }[],
): Promise<Map<string, string>> {
  const codes = new Map<string, string>()
  const lookups = new Map([
    ...Object.entries(PLATFORM_CODES),
    ...app.modules.flatMap((m) => Object.entries(m.recordCodes ?? {})),
  ])
  const byType = new Map<string, Set<string>>()
  for (const r of rows)
    if (r.entity_type && r.entity_id && lookups.has(r.entity_type))
      byType.set(r.entity_type, (byType.get(r.entity_type) ?? new Set()).add(r.entity_id))
  for (const [type, ids] of byType) {
    const found = await lookups.get(type)?.(app.database.db, [...ids])
    for (const [id, code] of found ?? []) codes.set(`${type}:${id}`, code)
  }
  return codes
}

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
      /** Entries the filters match on every page, counted up to a cap. */
      total: z.number().int(),
      totalCapped: z.boolean(),
    }),
    async handle({ app, query }) {
      const db = app.database.db
      let actorId = query.actorId
      if (query.actor !== undefined) {
        const named = await findUserByLoginName(db, query.actor)
        // An unknown login name, or one that contradicts actorId, matches no entry.
        if (!named || (actorId !== undefined && actorId !== named.id))
          return { entries: [], nextBefore: null, total: 0, totalCapped: false }
        actorId = named.id
      }
      const rows = await listAuditRows(db, { ...query, actorId })
      const { before: _page, limit: _size, ...filter } = { ...query, actorId }
      const counted = await countAuditMatches(db, filter, COUNT_CAP)
      const codes = await recordCodes(app, rows)
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
          entityCode: codes.get(`${r.entity_type}:${r.entity_id}`) ?? null,
          compartmentId: r.compartment_id,
          outcome: r.outcome,
          requestId: r.request_id,
          details: JSON.parse(r.details) as Record<string, unknown>,
        })),
        nextBefore: rows.length === query.limit ? (rows.at(-1)?.seq ?? null) : null,
        total: counted.total,
        totalCapped: counted.capped,
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
