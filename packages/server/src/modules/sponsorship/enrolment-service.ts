import {
  canMove,
  type EnrolmentStatus,
  inPlan,
  isReopening,
} from '@haven/core/sponsorship/sponsorship-rules'
import type {
  Enrol,
  Incident,
  SchoolPayment,
  Term,
  Transition,
} from '@haven/core/sponsorship/sponsorship-schemas'
import type { FieldIssue } from '@haven/core/validation/field-issues'
import { type AppContext, today } from '../../app-context.js'
import type { Actorish } from '../../audit/audit-log.js'
import { audit } from '../../auth/auth-audit.js'
import { assertWritable } from '../../compartments/compartment-access.js'
import { sealedAt } from '../../crypto/field-crypto.js'
import { isUniqueViolation } from '../../db/constraint-errors.js'
import type { Db } from '../../db/db-handle.js'
import { newId } from '../../db/ids.js'
import { errors } from '../../http/errors.js'
import { recordMoney } from '../../money-events.js'
import { peopleInCompartment, personCodes } from '../people/index.js'
import { newAlias } from './sponsorship-alias.js'
import {
  enrolmentsInPlan,
  eventsOf,
  findEnrolment,
  findEnrolmentOfPerson,
  findEnrolments,
  insertEnrolment,
  insertEvent,
  insertIncident,
  insertSchoolPayment,
  insertTerm,
  lastSeq,
  updateEnrolmentIfVersion,
} from './sponsorship-store.js'
import type {
  SponsorshipEnrolmentsTable,
  SponsorshipEventsTable,
  SponsorshipIncidentsTable,
  SponsorshipPaymentsTable,
  SponsorshipTermsTable,
} from './sponsorship-tables.js'

type Row = { id: string; compartment_id: string }
export const enrolmentAddress = (row: Row, column: 'school_name' | 'guardian') =>
  sealedAt('sponsorship_enrolments', column, row.id, row.compartment_id)
export const eventNoteAddress = (row: Row) =>
  sealedAt('sponsorship_events', 'note', row.id, row.compartment_id)
export const termNoteAddress = (row: Row) =>
  sealedAt('sponsorship_terms', 'progress_note', row.id, row.compartment_id)

const issue = (path: string, key: FieldIssue['key']): FieldIssue => ({ path, key, params: {} })

function notInFuture(app: AppContext, path: string, date: string): void {
  if (date > today(app)) throw errors.validationFailed([issue(path, 'field.date_in_future')])
}

async function seal(
  app: AppContext,
  trx: Db,
  address: ReturnType<typeof sealedAt>,
  value: string | undefined,
): Promise<string | null> {
  return value ? app.crypto.fields.seal(trx, address, value) : null
}

/**
 * Enrols a person registered in the compartment (through the people directory): one enrolment per
 * person, ever — a child who comes back has theirs re-opened, so their history stays one record.
 */
export async function enrol(
  app: AppContext,
  input: Enrol,
  by: Actorish,
): Promise<SponsorshipEnrolmentsTable> {
  notInFuture(app, 'joinedOn', input.joinedOn)
  return app.database.db.transaction().execute(async (trx) => {
    await assertWritable(trx, input.compartmentId)
    const [person] = await peopleInCompartment(trx, input.compartmentId, [input.personId])
    if (!person) throw errors.compartmentMismatch()
    if (await findEnrolmentOfPerson(trx, person.id)) throw errors.alreadyEnrolled()
    const id = newId()
    const now = app.now().toISOString()
    const at = { id, compartment_id: input.compartmentId }
    const row: SponsorshipEnrolmentsTable = {
      id,
      compartment_id: input.compartmentId,
      person_id: person.id,
      alias: await newAlias(trx),
      status: input.status,
      joined_on: input.joinedOn,
      school_level: input.schoolLevel,
      grade: input.grade,
      school_name: await seal(app, trx, enrolmentAddress(at, 'school_name'), input.schoolName),
      guardian: await seal(app, trx, enrolmentAddress(at, 'guardian'), input.guardian),
      leave_reason: null,
      version: 1,
      created_at: now,
      updated_at: now,
      created_by: by.actorId,
    }
    try {
      await insertEnrolment(trx, row)
    } catch (error) {
      if (isUniqueViolation(error)) throw errors.alreadyEnrolled()
      throw error
    }
    await insertEvent(trx, event(app, row, 1, input.joinedOn, null, input.status, by))
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'sponsorship.enrolled',
      entityType: 'SponsorshipEnrolment',
      entityId: id,
      compartmentId: row.compartment_id,
      requestId: by.requestId,
      details: { personId: person.id, status: row.status, schoolLevel: row.school_level },
    })
    return row
  })
}

function event(
  app: AppContext,
  enrolment: SponsorshipEnrolmentsTable,
  seq: number,
  on: string,
  from: EnrolmentStatus | null,
  to: EnrolmentStatus,
  by: Actorish,
  extra: Partial<SponsorshipEventsTable> = {},
): SponsorshipEventsTable {
  return {
    id: newId(),
    enrolment_id: enrolment.id,
    compartment_id: enrolment.compartment_id,
    seq,
    on_date: on,
    from_status: from,
    to_status: to,
    reason: null,
    incident_id: null,
    note: null,
    created_at: app.now().toISOString(),
    created_by: by.actorId,
    ...extra,
  }
}

/**
 * Checks a move of one enrolment and returns its next event's number: the move must be one the
 * flow allows, dated on or after the enrolment's last change (so nobody leaves before joining).
 */
async function checkMove(
  trx: Db,
  enrolment: SponsorshipEnrolmentsTable,
  to: EnrolmentStatus,
  on: string,
  path: string,
): Promise<number> {
  const from = enrolment.status as EnrolmentStatus
  if (!canMove(from, to)) throw errors.enrolmentTransition({ from, to })
  const events = await eventsOf(trx, enrolment.id)
  const last = events.at(-1)
  if (on < enrolment.joined_on || (last && on < last.on_date))
    throw errors.validationFailed([issue(path, 'field.before_last_change')])
  return (last?.seq ?? (await lastSeq(trx, enrolment.id))) + 1
}

/**
 * Moves an enrolment along its flow (suspend, leave with a coded reason, graduate, transfer, or
 * re-open an ended one); the note is sealed. 409 if someone saved the enrolment meanwhile.
 */
export async function moveEnrolment(
  app: AppContext,
  id: string,
  input: Transition,
  by: Actorish,
): Promise<SponsorshipEnrolmentsTable> {
  notInFuture(app, 'on', input.on)
  return app.database.db.transaction().execute(async (trx) => {
    const enrolment = await findEnrolment(trx, id)
    if (!enrolment) throw errors.notFound()
    await assertWritable(trx, enrolment.compartment_id)
    if (enrolment.version !== input.version) throw errors.versionConflict({ yourChanges: ['to'] })
    const seq = await checkMove(trx, enrolment, input.to, input.on, 'on')
    const from = enrolment.status as EnrolmentStatus
    const eventId = newId()
    await insertEvent(
      trx,
      event(app, enrolment, seq, input.on, from, input.to, by, {
        id: eventId,
        reason: input.reason ?? null,
        note: await seal(
          app,
          trx,
          eventNoteAddress({ id: eventId, compartment_id: enrolment.compartment_id }),
          input.note,
        ),
      }),
    )
    const changes = {
      status: input.to,
      leave_reason: input.to === 'left' ? (input.reason ?? null) : null,
      updated_at: app.now().toISOString(),
    }
    if (!(await updateEnrolmentIfVersion(trx, enrolment.id, enrolment.version, changes)))
      throw errors.versionConflict({ yourChanges: ['to'] })
    await audit(app, trx, {
      actorId: by.actorId,
      action: isReopening(from, input.to) ? 'sponsorship.reopened' : 'sponsorship.moved',
      entityType: 'SponsorshipEnrolment',
      entityId: enrolment.id,
      compartmentId: enrolment.compartment_id,
      requestId: by.requestId,
      details: { from, to: input.to, on: input.on, reason: input.reason ?? null },
    })
    return { ...enrolment, ...changes, version: enrolment.version + 1 }
  })
}

/**
 * A shelter incident (its head detained, its funding stopped) that ends many enrolments at once:
 * one transaction, one audit entry naming every enrolment it ended, each linked to the incident.
 * Nothing is written if any named enrolment is not in the compartment or not in the plan.
 */
export async function endByIncident(
  app: AppContext,
  input: Incident,
  by: Actorish,
): Promise<{ incident: SponsorshipIncidentsTable; ended: string[] }> {
  notInFuture(app, 'occurredOn', input.occurredOn)
  return app.database.db.transaction().execute(async (trx) => {
    await assertWritable(trx, input.compartmentId)
    const targets = input.enrolmentIds
      ? await findEnrolments(trx, [...new Set(input.enrolmentIds)])
      : await enrolmentsInPlan(trx, input.compartmentId)
    if (input.enrolmentIds && targets.length !== new Set(input.enrolmentIds).size)
      throw errors.compartmentMismatch()
    if (targets.some((e) => e.compartment_id !== input.compartmentId))
      throw errors.compartmentMismatch()
    if (targets.length === 0)
      throw errors.validationFailed([issue('enrolmentIds', 'field.no_enrolments_in_plan')])
    const incident: SponsorshipIncidentsTable = {
      id: newId(),
      compartment_id: input.compartmentId,
      kind: input.kind,
      occurred_on: input.occurredOn,
      reason: input.reason,
      created_at: app.now().toISOString(),
      created_by: by.actorId,
    }
    await insertIncident(trx, incident)
    for (const enrolment of targets) {
      if (!inPlan(enrolment.status as EnrolmentStatus))
        throw errors.enrolmentTransition({ from: enrolment.status, to: 'left' })
      const seq = await checkMove(trx, enrolment, 'left', input.occurredOn, 'occurredOn')
      await insertEvent(
        trx,
        event(
          app,
          enrolment,
          seq,
          input.occurredOn,
          enrolment.status as EnrolmentStatus,
          'left',
          by,
          {
            reason: input.reason,
            incident_id: incident.id,
          },
        ),
      )
      const changes = {
        status: 'left',
        leave_reason: input.reason,
        updated_at: app.now().toISOString(),
      }
      if (!(await updateEnrolmentIfVersion(trx, enrolment.id, enrolment.version, changes)))
        throw errors.versionConflict({ enrolmentId: enrolment.id })
    }
    const ended = targets.map((e) => e.id)
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'sponsorship.incident_ended_enrolments',
      entityType: 'SponsorshipIncident',
      entityId: incident.id,
      compartmentId: input.compartmentId,
      requestId: by.requestId,
      details: { kind: input.kind, reason: input.reason, on: input.occurredOn, ended },
    })
    return { incident, ended }
  })
}

/** A school term with its attendance; the progress note is sealed. */
export async function addTerm(
  app: AppContext,
  enrolment: SponsorshipEnrolmentsTable,
  input: Term,
  by: Actorish,
): Promise<SponsorshipTermsTable> {
  if (input.startsOn < enrolment.joined_on)
    throw errors.validationFailed([issue('startsOn', 'field.before_last_change')])
  return app.database.db.transaction().execute(async (trx) => {
    await assertWritable(trx, enrolment.compartment_id)
    const id = newId()
    const row: SponsorshipTermsTable = {
      id,
      enrolment_id: enrolment.id,
      compartment_id: enrolment.compartment_id,
      label: input.label,
      starts_on: input.startsOn,
      ends_on: input.endsOn,
      days_possible: input.daysPossible,
      days_attended: input.daysAttended,
      progress_note: await seal(
        app,
        trx,
        termNoteAddress({ id, compartment_id: enrolment.compartment_id }),
        input.progressNote,
      ),
      created_at: app.now().toISOString(),
      created_by: by.actorId,
    }
    await insertTerm(trx, row)
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'sponsorship.term_recorded',
      entityType: 'SponsorshipEnrolment',
      entityId: enrolment.id,
      compartmentId: enrolment.compartment_id,
      requestId: by.requestId,
      details: { termId: id, daysPossible: row.days_possible, daysAttended: row.days_attended },
    })
    return row
  })
}

/**
 * A stipend or school fee paid for a child: recorded here and told to the modules that keep
 * books (finance) in the same transaction, by the child's code only.
 */
export async function addSchoolPayment(
  app: AppContext,
  enrolment: SponsorshipEnrolmentsTable,
  input: SchoolPayment,
  by: Actorish,
): Promise<SponsorshipPaymentsTable> {
  notInFuture(app, 'paidOn', input.paidOn)
  return app.database.db.transaction().execute(async (trx) => {
    await assertWritable(trx, enrolment.compartment_id)
    const row: SponsorshipPaymentsTable = {
      id: newId(),
      enrolment_id: enrolment.id,
      compartment_id: enrolment.compartment_id,
      kind: input.kind,
      amount_minor: input.amountMinor,
      currency: input.currency,
      paid_on: input.paidOn,
      paid_through: input.paidThrough,
      created_at: app.now().toISOString(),
      created_by: by.actorId,
    }
    await insertSchoolPayment(trx, row)
    const code = (await personCodes(trx, [enrolment.person_id])).get(enrolment.person_id)
    await recordMoney(
      app,
      trx,
      {
        source: { module: 'sponsorship', kind: 'school_payment', id: row.id },
        on: row.paid_on,
        direction: 'out',
        amount: { currency: input.currency, minor: input.amountMinor },
        programme: 'education',
        category: input.kind,
        ...(code ? { counterparty: { kind: 'person' as const, code } } : {}),
        compartmentId: enrolment.compartment_id,
        memo: `School ${input.kind} paid through ${input.paidThrough}`,
      },
      by,
    )
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'sponsorship.school_payment_recorded',
      entityType: 'SponsorshipEnrolment',
      entityId: enrolment.id,
      compartmentId: enrolment.compartment_id,
      requestId: by.requestId,
      details: {
        paymentId: row.id,
        kind: row.kind,
        amountMinor: row.amount_minor,
        currency: row.currency,
      },
    })
    return row
  })
}
