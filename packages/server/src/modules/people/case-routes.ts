import { isOverdue } from '@haven/core/people/case-rules'
import {
  type CaseStatus,
  caseEntrySchema,
  caseQuerySchema,
  createCaseSchema,
  followUpSchema,
  referralSchema,
  updateCaseSchema,
  updateFollowUpSchema,
} from '@haven/core/people/case-schema'
import {
  type CaseView,
  caseEntryView,
  caseView,
  followUpView,
  referralView,
  revealedIdentityView,
} from '@haven/core/people/people-views'
import { z } from 'zod'
import { defineRoute, found, inCompartment } from '../../api/api-route.js'
import { decodeCursor, encodeCursor } from '../../api/cursor.js'
import { type AppContext, today } from '../../app-context.js'
import type { Actor } from '../../auth/actor.js'
import { audit } from '../../auth/auth-audit.js'
import { abilities, can } from '../../auth/policy.js'
import { assertWritable } from '../../compartments/compartment-access.js'
import { sealedAt } from '../../crypto/field-crypto.js'
import { presentSealed } from '../../crypto/sealed-view.js'
import { caseViewer, visibleCase } from './case-restriction.js'
import {
  addEntry,
  addFollowUp,
  markFollowUpDone,
  openCase,
  refer,
  updateCase,
} from './case-service.js'
import {
  caseload,
  caseWorkersIn,
  countCases,
  entriesOf,
  findFollowUp,
  followUpsDueFor,
  followUpsOf,
  listCases,
  openCasesOf,
  overdueFollowUps,
  referralsOf,
  userNames,
} from './case-store.js'
import { caseAtId, loadCase, loadPerson } from './people-loaders.js'
import type { CasesTable, FollowUpsTable } from './people-tables.js'
import { openIdentity } from './person-service.js'
import { compartmentCodes, findPeople } from './person-store.js'

const idParams = z.strictObject({ id: z.string().min(1).max(100) })
/** How far ahead the work queue looks for follow-ups ("due soon"). */
const DUE_SOON_DAYS = 7
/** How many of her own open cases the work queue shows (the cases list has them all). */
const QUEUE_CASES = 10
/** The case list counts at most this many (the people list's cap). */
const COUNT_CAP = 1_000

function addDays(isoDate: string, days: number): string {
  const day = new Date(`${isoDate}T00:00:00Z`)
  day.setUTCDate(day.getUTCDate() + days)
  return day.toISOString().slice(0, 10)
}

async function presentCases(
  app: AppContext,
  actor: Actor,
  rows: readonly CasesTable[],
): Promise<CaseView[]> {
  const db = app.database.db
  const [people, names] = await Promise.all([
    findPeople(
      db,
      rows.map((r) => r.person_id),
    ),
    userNames(
      db,
      rows.map((r) => r.assignee_id),
    ),
  ])
  const codeOf = new Map(people.map((p) => [p.id, p.code]))
  const out: CaseView[] = []
  for (const row of rows) {
    const record = { compartmentId: row.compartment_id }
    out.push({
      id: row.id,
      code: row.code,
      personId: row.person_id,
      personCode: codeOf.get(row.person_id) ?? '',
      compartmentId: row.compartment_id,
      type: row.type as CaseView['type'],
      status: row.status as CaseStatus,
      outcome: row.outcome as CaseView['outcome'],
      priority: row.priority as CaseView['priority'],
      assigneeId: row.assignee_id,
      assigneeName: row.assignee_id ? (names.get(row.assignee_id) ?? null) : null,
      openedOn: row.opened_on,
      closedOn: row.closed_on,
      summary: await presentSealed(
        app,
        db,
        sealedAt('cases', 'summary', row.id, row.compartment_id),
        row.summary,
        can(actor, 'identify', 'Case', record),
      ),
      version: row.version,
      lastActivityAt: row.last_activity_at,
      restricted: row.restriction !== null,
      actions: abilities(actor, 'Case', record, ['update', 'manage', 'identify']),
    })
  }
  return out
}

async function presentFollowUps(
  app: AppContext,
  actor: Actor,
  rows: readonly (FollowUpsTable & { case_code: string })[],
) {
  const db = app.database.db
  const on = today(app)
  return Promise.all(
    rows.map(async (f) => ({
      id: f.id,
      caseId: f.case_id,
      caseCode: f.case_code,
      title: await presentSealed(
        app,
        db,
        sealedAt('follow_ups', 'title', f.id, f.compartment_id),
        f.title,
        can(actor, 'identify', 'Case', { compartmentId: f.compartment_id }),
      ),
      dueOn: f.due_on,
      doneAt: f.done_at,
      assigneeId: f.assignee_id,
      overdue: isOverdue(f.due_on, f.done_at, on),
    })),
  )
}

/** Audits a look at a case's sealed texts, when any were shown. */
async function auditTextsRead(
  app: AppContext,
  actor: Actor,
  kase: CasesTable,
  requestId: string,
  what: string,
) {
  if (can(actor, 'identify', 'Case', { compartmentId: kase.compartment_id })) {
    await audit(app, app.database.db, {
      actorId: actor.userId,
      action: 'case.sealed_read',
      entityType: 'Case',
      entityId: kase.id,
      compartmentId: kase.compartment_id,
      requestId,
      details: { what },
    })
  }
}

/**
 * Audits one look at a list page whose sealed summaries were shown: one entry naming the cases
 * by code (not one per row, which buried the log: 25 entries for one glance at the list).
 */
async function auditListRead(
  app: AppContext,
  actor: Actor,
  page: readonly CasesTable[],
  requestId: string,
) {
  const shown = page.filter(
    (c) =>
      c.summary !== null && can(actor, 'identify', 'Case', { compartmentId: c.compartment_id }),
  )
  if (shown.length === 0) return
  const compartments = [...new Set(shown.map((c) => c.compartment_id))]
  await audit(app, app.database.db, {
    actorId: actor.userId,
    action: 'case.list_sealed_read',
    entityType: 'Case',
    entityId: null,
    // One compartment: filed under it, so its auditors find it; several: listed in the details.
    compartmentId: compartments.length === 1 ? (compartments[0] ?? null) : null,
    requestId,
    details: { what: 'summary', codes: shown.map((c) => c.code), compartments },
  })
}

export const caseRoutes = [
  defineRoute({
    method: 'get',
    path: '/cases',
    summary: 'Cases, most recently active first, by compartment, person, type, status or "mine"',
    tag: 'cases',
    access: {
      kind: 'policy',
      entity: 'Case',
      action: 'list',
      scope: 'compartments',
      only: ({ query }) => query.compartmentId,
    },
    query: caseQuerySchema,
    response: z.object({
      cases: z.array(caseView),
      nextCursor: z.string().nullable(),
      /** Every case the filters match, over all pages, counted up to a cap. */
      total: z.number().int(),
      /** More cases match than `total` (the cap): the list says "more than". */
      totalCapped: z.boolean(),
    }),
    async handle({ app, query, actor, scope: compartmentIds, audit: by }) {
      const db = app.database.db
      const filter = {
        compartmentIds,
        viewer: await caseViewer(db, actor(), compartmentIds),
        personId: query.personId,
        type: query.type,
        status: query.status,
        assigneeId: query.assignee === 'me' ? actor().userId : undefined,
      }
      const rows = await listCases(db, {
        ...filter,
        after: decodeCursor(query.cursor),
        limit: query.limit + 1,
      })
      const page = rows.slice(0, query.limit)
      const last = page.at(-1)
      const cases = await presentCases(app, actor(), page)
      await auditListRead(app, actor(), page, by.requestId ?? '')
      const counted = await countCases(db, filter, COUNT_CAP)
      return {
        cases,
        total: counted.total,
        totalCapped: counted.capped,
        nextCursor:
          rows.length > query.limit && last ? encodeCursor([last.last_activity_at, last.id]) : null,
      }
    },
  }),
  defineRoute({
    method: 'post',
    path: '/cases',
    summary: 'Open a case for a person',
    tag: 'cases',
    access: {
      kind: 'policy',
      entity: 'Case',
      action: 'create',
      // A new case belongs to its person's compartment.
      load: ({ app, body }) => loadPerson(app.database.db, body.personId),
      record: inCompartment,
    },
    body: createCaseSchema,
    response: caseView,
    successStatus: 201,
    errors: ['notFound', 'forbidden', 'validationFailed', 'recordFrozen'],
    async handle({ app, body, actor, record: person, audit: by }) {
      const db = app.database.db
      await assertWritable(db, person.compartment_id)
      const row = await openCase(app, person, body, by)
      const [view] = await presentCases(app, actor(), [row])
      if (!view) throw new Error('case view missing')
      return view
    },
  }),
  defineRoute({
    method: 'get',
    path: '/cases/:id',
    summary: 'One case',
    tag: 'cases',
    access: {
      kind: 'policy',
      entity: 'Case',
      action: 'read',
      load: caseAtId,
      record: inCompartment,
    },
    params: idParams,
    response: caseView,
    errors: ['notFound'],
    async handle({ app, actor, record: kase, audit: by }) {
      if (kase.summary) await auditTextsRead(app, actor(), kase, by.requestId ?? '', 'summary')
      const [view] = await presentCases(app, actor(), [kase])
      if (!view) throw new Error('case view missing')
      return view
    },
  }),
  defineRoute({
    method: 'patch',
    path: '/cases/:id',
    summary:
      'Move a case along (open → in progress → closed with an outcome), reprioritise, reassign',
    tag: 'cases',
    access: {
      kind: 'policy',
      entity: 'Case',
      action: 'update',
      load: caseAtId,
      record: inCompartment,
    },
    params: idParams,
    body: updateCaseSchema,
    response: caseView,
    errors: ['notFound', 'forbidden', 'validationFailed', 'versionConflict', 'recordFrozen'],
    async handle({ app, body, actor, record: kase, authorize, audit: by }) {
      const db = app.database.db
      // Reopening a closed case is a coordinator's decision.
      if (kase.status === 'closed' && body.status && body.status !== 'closed')
        authorize('manage', 'Case', { compartmentId: kase.compartment_id })
      await assertWritable(db, kase.compartment_id)
      const saved = await updateCase(app, kase, body, by)
      const [view] = await presentCases(app, actor(), [saved])
      if (!view) throw new Error('case view missing')
      return view
    },
  }),
  defineRoute({
    method: 'get',
    path: '/cases/:id/timeline',
    summary:
      'The case’s notes, actions, services, referrals and status changes; notes shown only to those who may identify (audited)',
    tag: 'cases',
    access: {
      kind: 'policy',
      entity: 'Case',
      action: 'read',
      load: caseAtId,
      record: inCompartment,
    },
    params: idParams,
    response: z.array(caseEntryView),
    errors: ['notFound'],
    async handle({ app, actor, record: kase, audit: by }) {
      const db = app.database.db
      const entries = await entriesOf(db, kase.id)
      const names = await userNames(
        db,
        entries.map((e) => e.author_id),
      )
      const mayIdentify = can(actor(), 'identify', 'Case', { compartmentId: kase.compartment_id })
      if (entries.some((e) => e.text !== null))
        await auditTextsRead(app, actor(), kase, by.requestId ?? '', 'timeline')
      return Promise.all(
        entries.map(async (e) => ({
          id: e.id,
          kind: e.kind as 'note',
          occurredOn: e.occurred_on,
          at: e.at,
          authorName: e.author_id ? (names.get(e.author_id) ?? null) : null,
          serviceType: e.service_type as z.infer<typeof caseEntryView>['serviceType'],
          text:
            e.text === null
              ? { state: 'shown' as const, value: '' }
              : await presentSealed(
                  app,
                  db,
                  sealedAt('case_entries', 'text', e.id, e.compartment_id),
                  e.text,
                  mayIdentify,
                ),
          data: JSON.parse(e.data) as Record<string, unknown>,
        })),
      )
    },
  }),
  defineRoute({
    method: 'post',
    path: '/cases/:id/entries',
    summary: 'Add a note, an action taken or a service delivered (the text is sealed)',
    tag: 'cases',
    access: {
      kind: 'policy',
      entity: 'Case',
      action: 'update',
      load: caseAtId,
      record: inCompartment,
    },
    params: idParams,
    body: caseEntrySchema,
    response: z.object({ id: z.string() }),
    successStatus: 201,
    errors: ['notFound', 'forbidden', 'validationFailed', 'recordFrozen'],
    async handle({ app, body, record: kase, audit: by }) {
      const db = app.database.db
      await assertWritable(db, kase.compartment_id)
      return { id: await addEntry(app, kase, body, by) }
    },
  }),
  defineRoute({
    method: 'get',
    path: '/cases/:id/referrals',
    summary: 'Referrals of a case to partner organisations, with consent',
    tag: 'cases',
    access: {
      kind: 'policy',
      entity: 'Case',
      action: 'read',
      load: caseAtId,
      record: inCompartment,
    },
    params: idParams,
    response: z.array(referralView),
    errors: ['notFound'],
    async handle({ app, record: kase }) {
      return (await referralsOf(app.database.db, kase.id)).map((r) => ({
        id: r.id,
        partner: r.partner,
        service: r.service as z.infer<typeof referralView>['service'],
        consent: r.consent as z.infer<typeof referralView>['consent'],
        overridden: r.override_by !== null,
        createdAt: r.created_at,
      }))
    },
  }),
  defineRoute({
    method: 'post',
    path: '/cases/:id/referrals',
    summary: 'Refer to a partner; without consent only a coordinator, with a reason (audited)',
    tag: 'cases',
    access: {
      kind: 'policy',
      entity: 'Case',
      action: 'update',
      load: caseAtId,
      record: inCompartment,
    },
    params: idParams,
    body: referralSchema,
    response: z.object({ id: z.string() }),
    successStatus: 201,
    errors: ['notFound', 'forbidden', 'consentRequired', 'recordFrozen'],
    async handle({ app, body, actor, record: kase, audit: by }) {
      const db = app.database.db
      await assertWritable(db, kase.compartment_id)
      return {
        id: await refer(
          app,
          kase,
          body,
          can(actor(), 'manage', 'Case', { compartmentId: kase.compartment_id }),
          by,
        ),
      }
    },
  }),
  defineRoute({
    method: 'get',
    path: '/cases/:id/follow-ups',
    summary: 'Follow-up tasks of a case',
    tag: 'cases',
    access: {
      kind: 'policy',
      entity: 'Case',
      action: 'read',
      load: caseAtId,
      record: inCompartment,
    },
    params: idParams,
    response: z.array(followUpView),
    errors: ['notFound'],
    async handle({ app, actor, record: kase, audit: by }) {
      const rows = await followUpsOf(app.database.db, kase.id)
      if (rows.length > 0)
        await auditTextsRead(app, actor(), kase, by.requestId ?? '', 'follow_ups')
      return presentFollowUps(app, actor(), rows)
    },
  }),
  defineRoute({
    method: 'post',
    path: '/cases/:id/follow-ups',
    summary: 'Add a follow-up task with a due date',
    tag: 'cases',
    access: {
      kind: 'policy',
      entity: 'Case',
      action: 'update',
      load: caseAtId,
      record: inCompartment,
    },
    params: idParams,
    body: followUpSchema,
    response: z.object({ id: z.string() }),
    successStatus: 201,
    errors: ['notFound', 'forbidden', 'recordFrozen'],
    async handle({ app, body, record: kase, audit: by }) {
      const db = app.database.db
      await assertWritable(db, kase.compartment_id)
      return { id: await addFollowUp(app, kase, body, by) }
    },
  }),
  defineRoute({
    method: 'patch',
    path: '/follow-ups/:id',
    summary: 'Mark a follow-up done (or not)',
    tag: 'cases',
    access: {
      kind: 'policy',
      entity: 'Case',
      action: 'update',
      // A follow-up is part of its case: the case's rules apply, in its compartment.
      load: async ({ app, actor, params }) => {
        const followUp = found(await findFollowUp(app.database.db, params.id))
        visibleCase(actor, await loadCase(app.database.db, followUp.case_id))
        return followUp
      },
      record: inCompartment,
    },
    params: idParams,
    body: updateFollowUpSchema,
    response: z.object({ ok: z.literal(true) }),
    errors: ['notFound', 'forbidden', 'recordFrozen'],
    async handle({ app, body, record: followUp, audit: by }) {
      const db = app.database.db
      await assertWritable(db, followUp.compartment_id)
      await markFollowUpDone(app, followUp, body.done, by)
      return { ok: true as const }
    },
  }),
  defineRoute({
    method: 'get',
    path: '/follow-ups/overdue',
    summary: 'Open follow-ups past their due date, in your compartments',
    tag: 'cases',
    access: { kind: 'policy', entity: 'Case', action: 'list', scope: 'compartments' },
    response: z.array(followUpView),
    async handle({ app, actor, scope: compartmentIds, audit: by }) {
      const db = app.database.db
      const viewer = await caseViewer(db, actor(), compartmentIds)
      const rows = await overdueFollowUps(db, compartmentIds, viewer, today(app), 200)
      if (rows.length > 0) {
        for (const compartmentId of new Set(rows.map((r) => r.compartment_id))) {
          await audit(app, db, {
            actorId: actor().userId,
            action: 'case.sealed_read',
            entityType: 'FollowUp',
            compartmentId,
            requestId: by.requestId,
            details: {
              what: 'overdue_follow_ups',
              count: rows.filter((r) => r.compartment_id === compartmentId).length,
            },
          })
        }
      }
      return presentFollowUps(app, actor(), rows)
    },
  }),
  defineRoute({
    method: 'get',
    path: '/work-queue',
    summary:
      'The caller’s work queue: her open cases (urgent first) and her follow-ups overdue or due within a week',
    tag: 'cases',
    access: { kind: 'policy', entity: 'Case', action: 'list', scope: 'compartments' },
    response: z.object({
      cases: z.array(caseView),
      /** All her open cases, of which `cases` are the first. */
      openTotal: z.number().int(),
      followUps: z.array(followUpView),
    }),
    async handle({ app, actor, scope: compartmentIds, audit: by }) {
      const db = app.database.db
      const me = actor().userId
      const on = today(app)
      const viewer = await caseViewer(db, actor(), compartmentIds)
      const [rows, followUps, openTotal] = await Promise.all([
        openCasesOf(db, compartmentIds, me, QUEUE_CASES),
        followUpsDueFor(db, compartmentIds, viewer, addDays(on, DUE_SOON_DAYS), 50),
        countCases(db, { compartmentIds, viewer, assigneeId: me, openOnly: true }).then(
          (counted) => counted.total,
        ),
      ])
      await auditListRead(app, actor(), rows, by.requestId ?? '')
      for (const compartmentId of new Set(followUps.map((r) => r.compartment_id)))
        await audit(app, db, {
          actorId: me,
          action: 'case.sealed_read',
          entityType: 'FollowUp',
          compartmentId,
          requestId: by.requestId,
          details: {
            what: 'work_queue_follow_ups',
            count: followUps.filter((r) => r.compartment_id === compartmentId).length,
          },
        })
      return {
        cases: await presentCases(app, actor(), rows),
        openTotal,
        followUps: await presentFollowUps(app, actor(), followUps),
      }
    },
  }),
  defineRoute({
    method: 'get',
    path: '/caseload',
    summary: 'Open and urgent cases per caseworker, in the compartments the caller coordinates',
    tag: 'cases',
    access: { kind: 'policy', entity: 'Case', action: 'manage', scope: 'compartments' },
    response: z.array(
      z.object({
        compartmentId: z.string(),
        compartmentCode: z.string(),
        assigneeId: z.string().nullable(),
        name: z.string().nullable(),
        open: z.number().int(),
        urgent: z.number().int(),
      }),
    ),
    async handle({ app, scope: compartmentIds }) {
      const db = app.database.db
      const rows = await caseload(db, compartmentIds)
      const [names, codes] = await Promise.all([
        userNames(
          db,
          rows.map((r) => r.assigneeId),
        ),
        compartmentCodes(
          db,
          rows.map((r) => r.compartmentId),
        ),
      ])
      return rows
        .map((r) => ({
          ...r,
          compartmentCode: codes.get(r.compartmentId) ?? '',
          name: r.assigneeId ? (names.get(r.assigneeId) ?? null) : null,
        }))
        .sort(
          (a, b) =>
            a.compartmentCode.localeCompare(b.compartmentCode) ||
            b.open - a.open ||
            (a.name ?? '').localeCompare(b.name ?? ''),
        )
    },
  }),
  defineRoute({
    method: 'get',
    path: '/cases/:id/assignees',
    summary:
      'Who this case may be assigned to: active caseworkers and coordinators of its compartment',
    tag: 'cases',
    access: {
      kind: 'policy',
      entity: 'Case',
      action: 'update',
      load: caseAtId,
      record: inCompartment,
    },
    params: idParams,
    response: z.array(z.object({ id: z.string(), name: z.string() })),
    errors: ['notFound'],
    async handle({ app, record: kase }) {
      const rows = await caseWorkersIn(app.database.db, kase.compartment_id)
      return rows.map((r) => ({ id: r.id, name: r.display_name }))
    },
  }),
  defineRoute({
    method: 'post',
    path: '/cases/:id/print-identity',
    summary:
      'The identity of the case’s person, for a printed case summary the reader chose to print with it. Audited as a print.',
    tag: 'cases',
    access: {
      kind: 'policy',
      entity: 'Case',
      action: 'identify',
      load: caseAtId,
      record: inCompartment,
    },
    params: idParams,
    response: revealedIdentityView,
    errors: ['notFound', 'forbidden'],
    async handle({ app, record: kase, authorize, audit: by }) {
      const db = app.database.db
      const person = await loadPerson(db, kase.person_id)
      // The person's own rule too: a paper copy carries the identity out of the system.
      authorize('identify', 'Person', { compartmentId: person.compartment_id })
      const identity = await openIdentity(app, db, person)
      await audit(app, db, {
        actorId: by.actorId,
        action: 'case.printed_with_identity',
        entityType: 'Case',
        entityId: kase.id,
        compartmentId: kase.compartment_id,
        requestId: by.requestId,
        details: { personCode: person.code, destroyed: identity === null },
      })
      return identity ? { state: 'shown' as const, identity } : { state: 'destroyed' as const }
    },
  }),
]
