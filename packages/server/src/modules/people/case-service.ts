import { statusChangeIssues } from '@haven/core/people/case-rules'
import type {
  CaseStatus,
  CreateCase,
  caseEntrySchema,
  followUpSchema,
  referralSchema,
  UpdateCase,
} from '@haven/core/people/case-schema'
import { caseCode } from '@haven/core/people/person-rules'
import type { z } from 'zod'
import { type AppContext, today } from '../../app-context.js'
import type { Actorish } from '../../audit/audit-log.js'
import { audit } from '../../auth/auth-audit.js'
import { findCompartment } from '../../compartments/compartment-store.js'
import { sealedAt } from '../../crypto/field-crypto.js'
import type { Db } from '../../db/db-handle.js'
import { newId } from '../../db/ids.js'
import { errors } from '../../http/errors.js'
import { notifyUsers } from '../../notifications/notification-store.js'
import {
  caseConflictState,
  findCase,
  insertCase,
  insertEntry,
  insertFollowUp,
  insertReferral,
  setFollowUpDone,
  touchCase,
  updateCaseIfVersion,
  worksCasesIn,
} from './case-store.js'
import type { CasesTable, FollowUpsTable, PeopleTable } from './people-tables.js'
import { recountOpenCases } from './person-relations.js'
import { nextCounter, touchPerson } from './person-store.js'

/**
 * A case goes to someone who works cases where it is (422 otherwise, before anything is written),
 * and they are told, unless they assigned it to themselves.
 */
async function assign(
  db: Db,
  kase: Pick<CasesTable, 'id' | 'code' | 'compartment_id'>,
  assigneeId: string | null,
  by: Actorish,
  at: string,
): Promise<void> {
  if (assigneeId === null) return
  if (!(await worksCasesIn(db, assigneeId, kase.compartment_id)))
    throw errors.assigneeNotInCompartment()
  if (assigneeId !== by.actorId)
    await notifyUsers(db, [assigneeId], {
      kind: 'case_assigned',
      subjectId: kase.id,
      subjectCode: kase.code,
      at,
    })
}

async function sealOptional(
  app: AppContext,
  db: Db,
  address: ReturnType<typeof sealedAt>,
  text: string | undefined,
): Promise<string | null> {
  return text ? app.crypto.fields.seal(db, address, text) : null
}

/** Opens a case for a person; its summary sealed, a code from the compartment's sequence. */
export async function openCase(
  app: AppContext,
  person: Pick<PeopleTable, 'id' | 'compartment_id'>,
  input: CreateCase,
  by: Actorish,
): Promise<CasesTable> {
  if (input.openedOn > today(app))
    throw errors.validationFailed([{ path: 'openedOn', key: 'field.date_in_future', params: {} }])
  const db = app.database.db
  return db.transaction().execute(async (trx) => {
    const compartment = await findCompartment(trx, person.compartment_id)
    if (!compartment) throw errors.notFound()
    const id = newId()
    const now = app.now().toISOString()
    const row: CasesTable = {
      id,
      code: caseCode(compartment.code, await nextCounter(trx, compartment.id, 'case')),
      compartment_id: compartment.id,
      person_id: person.id,
      type: input.type,
      status: 'open',
      outcome: null,
      priority: input.priority,
      assignee_id: input.assigneeId,
      opened_on: input.openedOn,
      closed_on: null,
      summary: await sealOptional(
        app,
        trx,
        sealedAt('cases', 'summary', id, compartment.id),
        input.summary,
      ),
      version: 1,
      created_at: now,
      updated_at: now,
      created_by: by.actorId,
      last_activity_at: now,
    }
    await assign(trx, row, input.assigneeId, by, now)
    await insertCase(trx, row)
    await recountOpenCases(trx, person.id)
    await touchPerson(trx, person.id, now)
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'case.opened',
      entityType: 'Case',
      entityId: id,
      compartmentId: compartment.id,
      requestId: by.requestId,
      details: { type: input.type, personId: person.id, assigneeId: input.assigneeId },
    })
    return row
  })
}

/** Changes status, priority, assignee or summary; status moves follow the case rules; 409 on a stale version. */
export async function updateCase(
  app: AppContext,
  current: CasesTable,
  update: UpdateCase,
  by: Actorish,
): Promise<CasesTable> {
  const issues = statusChangeIssues(
    { status: current.status as CaseStatus, openedOn: current.opened_on },
    update,
    today(app),
  )
  if (issues.length > 0) throw errors.validationFailed(issues)
  const db = app.database.db
  return db.transaction().execute(async (trx) => {
    const now = app.now().toISOString()
    const changes: Partial<CasesTable> = { updated_at: now, last_activity_at: now }
    if (update.status) changes.status = update.status
    if (update.status === 'closed') {
      changes.outcome = update.outcome ?? null
      changes.closed_on = update.closedOn ?? null
    }
    if (update.status === 'in_progress' && current.status === 'closed') {
      changes.outcome = null
      changes.closed_on = null
    }
    if (update.priority) changes.priority = update.priority
    if (update.assigneeId !== undefined && update.assigneeId !== current.assignee_id) {
      await assign(trx, current, update.assigneeId, by, now)
      changes.assignee_id = update.assigneeId
    }
    if (update.summary !== undefined)
      changes.summary = await sealOptional(
        app,
        trx,
        sealedAt('cases', 'summary', current.id, current.compartment_id),
        update.summary,
      )
    if (!(await updateCaseIfVersion(trx, current.id, update.version, changes))) {
      const latest = await caseConflictState(trx, current.id)
      throw errors.versionConflict({
        yourVersion: update.version,
        currentVersion: latest?.version ?? null,
        yourChanges: Object.keys(update).filter((k) => k !== 'version'),
        current: latest ?? null,
      })
    }
    if (update.status && update.status !== current.status) {
      await insertEntry(trx, {
        id: newId(),
        case_id: current.id,
        compartment_id: current.compartment_id,
        kind: 'status_change',
        occurred_on: update.closedOn ?? today(app),
        at: now,
        author_id: by.actorId,
        service_type: null,
        text: null,
        data: JSON.stringify({
          from: current.status,
          to: update.status,
          outcome: update.outcome ?? null,
        }),
      })
    }
    await recountOpenCases(trx, current.person_id)
    await touchPerson(trx, current.person_id, now)
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'case.updated',
      entityType: 'Case',
      entityId: current.id,
      compartmentId: current.compartment_id,
      requestId: by.requestId,
      details: {
        fields: Object.keys(update).filter((k) => k !== 'version'),
        status: update.status ?? null,
        ...(update.assigneeId !== undefined && update.assigneeId !== current.assignee_id
          ? { assigneeId: update.assigneeId, previousAssigneeId: current.assignee_id }
          : {}),
      },
    })
    const updated = await findCase(trx, current.id)
    if (!updated) throw new Error('case vanished inside its own transaction')
    return updated
  })
}

export async function addEntry(
  app: AppContext,
  kase: CasesTable,
  input: z.infer<typeof caseEntrySchema>,
  by: Actorish,
  /** Fixed by the caller when a replay must find it (a field device's outbox entry). */
  entryId?: string,
): Promise<string> {
  return app.database.db
    .transaction()
    .execute((trx) => addEntryIn(app, trx, kase, input, by, entryId))
}

/** `addEntry` inside the caller's transaction (a field device's push, one per push). */
export async function addEntryIn(
  app: AppContext,
  trx: Db,
  kase: CasesTable,
  input: z.infer<typeof caseEntrySchema>,
  by: Actorish,
  entryId?: string,
): Promise<string> {
  if (input.occurredOn > today(app))
    throw errors.validationFailed([{ path: 'occurredOn', key: 'field.date_in_future', params: {} }])
  const id = entryId ?? newId()
  const now = app.now().toISOString()
  await insertEntry(trx, {
    id,
    case_id: kase.id,
    compartment_id: kase.compartment_id,
    kind: input.kind,
    occurred_on: input.occurredOn,
    at: now,
    author_id: by.actorId,
    service_type: input.serviceType ?? null,
    text: await app.crypto.fields.seal(
      trx,
      sealedAt('case_entries', 'text', id, kase.compartment_id),
      input.text,
    ),
    data: '{}',
  })
  await touchCase(trx, kase.id, now)
  await touchPerson(trx, kase.person_id, now)
  await audit(app, trx, {
    actorId: by.actorId,
    action: 'case.entry_added',
    entityType: 'Case',
    entityId: kase.id,
    compartmentId: kase.compartment_id,
    requestId: by.requestId,
    details: { kind: input.kind, entryId: id },
  })
  return id
}

/**
 * Refers the case to a partner. Without consent only a coordinator may refer, with a written
 * reason (sealed) — and that override is audited as such.
 */
export async function refer(
  app: AppContext,
  kase: CasesTable,
  input: z.infer<typeof referralSchema>,
  mayOverride: boolean,
  by: Actorish,
): Promise<string> {
  const override = input.consent !== 'given'
  if (override && (!mayOverride || !input.overrideReason)) throw errors.consentRequired()
  const db = app.database.db
  return db.transaction().execute(async (trx) => {
    const id = newId()
    const now = app.now().toISOString()
    await insertReferral(trx, {
      id,
      case_id: kase.id,
      compartment_id: kase.compartment_id,
      partner: input.partner,
      service: input.service,
      consent: input.consent,
      consent_method: input.consentMethod ?? null,
      override_reason: override
        ? await app.crypto.fields.seal(
            trx,
            sealedAt('referrals', 'override_reason', id, kase.compartment_id),
            input.overrideReason ?? '',
          )
        : null,
      override_by: override ? by.actorId : null,
      created_at: now,
      created_by: by.actorId,
    })
    await insertEntry(trx, {
      id: newId(),
      case_id: kase.id,
      compartment_id: kase.compartment_id,
      kind: 'referral',
      occurred_on: today(app),
      at: now,
      author_id: by.actorId,
      service_type: input.service,
      text: null,
      data: JSON.stringify({
        partner: input.partner,
        consent: input.consent,
        overridden: override,
      }),
    })
    await touchCase(trx, kase.id, now)
    await audit(app, trx, {
      actorId: by.actorId,
      action: override ? 'case.referral_consent_overridden' : 'case.referred',
      entityType: 'Case',
      entityId: kase.id,
      compartmentId: kase.compartment_id,
      requestId: by.requestId,
      details: { referralId: id, consent: input.consent },
    })
    return id
  })
}

export async function addFollowUp(
  app: AppContext,
  kase: CasesTable,
  input: z.infer<typeof followUpSchema>,
  by: Actorish,
): Promise<string> {
  const db = app.database.db
  return db.transaction().execute(async (trx) => {
    const id = newId()
    await insertFollowUp(trx, {
      id,
      case_id: kase.id,
      compartment_id: kase.compartment_id,
      title: await app.crypto.fields.seal(
        trx,
        sealedAt('follow_ups', 'title', id, kase.compartment_id),
        input.title,
      ),
      due_on: input.dueOn,
      done_at: null,
      assignee_id: input.assigneeId,
      created_at: app.now().toISOString(),
    })
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'case.follow_up_added',
      entityType: 'Case',
      entityId: kase.id,
      compartmentId: kase.compartment_id,
      requestId: by.requestId,
      details: { followUpId: id, dueOn: input.dueOn },
    })
    return id
  })
}

/** Marks a follow-up done (or not), audited against its case. */
export async function markFollowUpDone(
  app: AppContext,
  followUp: FollowUpsTable,
  done: boolean,
  by: Actorish,
): Promise<void> {
  await app.database.db
    .transaction()
    .execute((trx) => markFollowUpDoneIn(app, trx, followUp, done, by))
}

/** `markFollowUpDone` inside the caller's transaction (a field device's push). */
export async function markFollowUpDoneIn(
  app: AppContext,
  trx: Db,
  followUp: FollowUpsTable,
  done: boolean,
  by: Actorish,
): Promise<void> {
  await setFollowUpDone(trx, followUp.id, done ? app.now().toISOString() : null)
  await audit(app, trx, {
    actorId: by.actorId,
    action: 'case.follow_up_updated',
    entityType: 'Case',
    entityId: followUp.case_id,
    compartmentId: followUp.compartment_id,
    requestId: by.requestId,
    details: { followUpId: followUp.id, done },
  })
}
