import {
  type CreateAssignment,
  type CreateVolunteer,
  type LanguageLevel,
  type LogHours,
  type VolunteerStatus,
  type VolunteerStatusChange,
  type Weekday,
  WORKING_STATUSES,
} from '@haven/core/volunteers/volunteers-schemas'
import { z } from 'zod'
import { type AppContext, today } from '../../app-context.js'
import type { Actorish } from '../../audit/audit-log.js'
import { audit } from '../../auth/auth-audit.js'
import { assertWritable } from '../../compartments/compartment-access.js'
import { sealedAt } from '../../crypto/field-crypto.js'
import { isUniqueViolation } from '../../db/constraint-errors.js'
import type { Db } from '../../db/db-handle.js'
import { newId } from '../../db/ids.js'
import { errors } from '../../http/errors.js'
import { eventExists } from '../network/index.js'
import {
  assignmentsOf,
  insertAssignment,
  insertHours,
  insertVolunteer,
  nextVolunteerSeq,
  updateVolunteerIfVersion,
} from './volunteers-store.js'
import type { VolunteerAssignmentsTable, VolunteersTable } from './volunteers-tables.js'

export const volunteerFieldAddress = (
  v: Pick<VolunteersTable, 'id' | 'compartment_id'>,
  column: 'name' | 'email' | 'phone',
) => sealedAt('volunteers', column, v.id, v.compartment_id)

const issue = (
  path: string,
  key:
    | 'field.date_in_future'
    | 'field.unknown_event'
    | 'field.volunteer_not_active'
    | 'field.unknown_assignment',
) => errors.validationFailed([{ path, key, params: {} }])

const codeOf = (seq: number) => `VOL-${String(seq).padStart(3, '0')}`

/** An application: contact details sealed, a code given in order (VOL-001…), status `applied`. */
export async function createVolunteer(
  app: AppContext,
  input: CreateVolunteer,
  by: Actorish,
): Promise<VolunteersTable> {
  if (input.appliedOn > today(app)) throw issue('appliedOn', 'field.date_in_future')
  // Two applications at once may take the same number; the unique index refuses one, which
  // takes the next (a handful of tries is plenty at a small NGO's pace).
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await app.database.db.transaction().execute(async (trx) => {
        await assertWritable(trx, input.compartmentId)
        const seq = await nextVolunteerSeq(trx)
        const id = newId()
        const at = { id, compartment_id: input.compartmentId }
        const seal = async (column: 'name' | 'email' | 'phone', value: string | undefined) =>
          value ? app.crypto.fields.seal(trx, volunteerFieldAddress(at, column), value) : null
        const now = app.now().toISOString()
        const row: VolunteersTable = {
          id,
          compartment_id: input.compartmentId,
          code: codeOf(seq),
          seq,
          name: (await seal('name', input.name)) ?? '',
          email: await seal('email', input.email),
          phone: await seal('phone', input.phone),
          status: 'applied',
          applied_on: input.appliedOn,
          languages: JSON.stringify(
            input.languages.map((l) => ({ language: l.language, level: l.level })),
          ),
          skills: JSON.stringify(input.skills),
          available_days: input.availableDays.join(','),
          hours_per_week: input.hoursPerWeek ?? null,
          version: 1,
          created_at: now,
          updated_at: now,
          created_by: by.actorId,
        }
        await insertVolunteer(trx, row)
        await audit(app, trx, {
          actorId: by.actorId,
          action: 'volunteers.applied',
          entityType: 'Volunteer',
          entityId: id,
          compartmentId: row.compartment_id,
          requestId: by.requestId,
          details: { code: row.code, languages: input.languages.map((l) => l.language) },
        })
        return row
      })
    } catch (error) {
      if (isUniqueViolation(error) && attempt < 4) continue
      throw error
    }
  }
}

/** What the public site's volunteer and intern form gives (see the inbox's application form). */
export interface SiteApplication {
  name: string
  /** An email address or a phone number, as the person typed it. */
  replyTo: string
  /** Languages (ko, zh, ja, en) with the level the person gave, or `unassessed`. */
  languages: readonly { language: string; level: LanguageLevel }[]
  /** Chosen from the form's fixed list (never the person's own words). */
  skills: readonly string[]
  availableDays: readonly Weekday[]
  hoursPerWeek: number | null
}

const EMAIL = z.email()

/**
 * An application from the public site lands here as well as in the inbox: contact details sealed
 * in the volunteers' compartment, status `applied`, languages `unassessed` until screening (the
 * languages are ticked from a fixed list; the person's own words stay sealed in the inbox). Runs
 * in the caller's transaction (the inbox's), so the two are kept together or not at all; a
 * concurrent application taking the same number makes it fail, and the caller retries.
 */
export async function receiveSiteApplication(
  app: AppContext,
  trx: Db,
  /** The volunteers' compartment (ensureVolunteersCompartment, found before the transaction). */
  compartmentId: string,
  input: SiteApplication,
  requestId: string | null,
): Promise<VolunteersTable> {
  const seq = await nextVolunteerSeq(trx)
  const id = newId()
  const at = { id, compartment_id: compartmentId }
  const seal = async (column: 'name' | 'email' | 'phone', value: string | undefined) =>
    value ? app.crypto.fields.seal(trx, volunteerFieldAddress(at, column), value) : null
  const replyTo = input.replyTo.trim()
  const isEmail = EMAIL.safeParse(replyTo).success && replyTo.length <= 200
  const languages = input.languages.filter(
    (l, i) => input.languages.findIndex((o) => o.language === l.language) === i,
  )
  const now = app.now().toISOString()
  const row: VolunteersTable = {
    id,
    compartment_id: compartmentId,
    code: codeOf(seq),
    seq,
    name: (await seal('name', input.name.slice(0, 200))) ?? '',
    email: isEmail ? await seal('email', replyTo) : null,
    // Anything else short enough to be a number is kept as the phone; the inbox keeps it whole.
    phone: !isEmail && replyTo.length <= 50 ? await seal('phone', replyTo) : null,
    status: 'applied',
    applied_on: today(app),
    languages: JSON.stringify(languages),
    // Skills and days come from the form's fixed choices; the person's own words stay sealed in
    // the inbox.
    skills: JSON.stringify([...new Set(input.skills)]),
    available_days: [...new Set(input.availableDays)].join(','),
    hours_per_week: input.hoursPerWeek,
    version: 1,
    created_at: now,
    updated_at: now,
    created_by: null,
  }
  await insertVolunteer(trx, row)
  await audit(app, trx, {
    actorId: null,
    action: 'volunteers.applied',
    entityType: 'Volunteer',
    entityId: id,
    compartmentId,
    requestId,
    details: { code: row.code, languages: languages.map((l) => l.language), source: 'site' },
  })
  return row
}

/** Screening and after, against the version the person saw (409 if someone saved first). */
export async function changeVolunteerStatus(
  app: AppContext,
  volunteer: VolunteersTable,
  input: VolunteerStatusChange,
  by: Actorish,
): Promise<void> {
  await app.database.db.transaction().execute(async (trx) => {
    await assertWritable(trx, volunteer.compartment_id)
    const changed = await updateVolunteerIfVersion(trx, volunteer.id, input.version, {
      status: input.status,
      updated_at: app.now().toISOString(),
    })
    if (!changed) throw errors.versionConflict()
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'volunteers.status_changed',
      entityType: 'Volunteer',
      entityId: volunteer.id,
      compartmentId: volunteer.compartment_id,
      requestId: by.requestId,
      details: { from: volunteer.status, to: input.status },
    })
  })
}

const mustBeWorking = (volunteer: VolunteersTable) => {
  if (!WORKING_STATUSES.includes(volunteer.status as VolunteerStatus))
    throw issue('status', 'field.volunteer_not_active')
}

/** An assignment to an event (one the network module recorded), a class, a shelter… */
export async function assignVolunteer(
  app: AppContext,
  volunteer: VolunteersTable,
  input: CreateAssignment,
  by: Actorish,
): Promise<VolunteerAssignmentsTable> {
  mustBeWorking(volunteer)
  return app.database.db.transaction().execute(async (trx) => {
    await assertWritable(trx, volunteer.compartment_id)
    if (input.kind === 'event' && !(await eventExists(trx, input.eventId ?? '')))
      throw issue('eventId', 'field.unknown_event')
    const row: VolunteerAssignmentsTable = {
      id: newId(),
      volunteer_id: volunteer.id,
      compartment_id: volunteer.compartment_id,
      kind: input.kind,
      event_id: input.kind === 'event' ? (input.eventId ?? null) : null,
      label: input.label,
      starts_on: input.startsOn,
      ends_on: input.endsOn ?? null,
      created_at: app.now().toISOString(),
      created_by: by.actorId,
    }
    await insertAssignment(trx, row)
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'volunteers.assigned',
      entityType: 'Volunteer',
      entityId: volunteer.id,
      compartmentId: volunteer.compartment_id,
      requestId: by.requestId,
      details: { assignmentId: row.id, kind: row.kind },
    })
    return row
  })
}

/** Hours given on a day, optionally against one of the volunteer's assignments. */
export async function logHours(
  app: AppContext,
  volunteer: VolunteersTable,
  input: LogHours,
  by: Actorish,
): Promise<void> {
  if (input.on > today(app)) throw issue('on', 'field.date_in_future')
  mustBeWorking(volunteer)
  await app.database.db.transaction().execute(async (trx: Db) => {
    await assertWritable(trx, volunteer.compartment_id)
    if (
      input.assignmentId &&
      !(await assignmentsOf(trx, volunteer.id)).some((a) => a.id === input.assignmentId)
    )
      throw issue('assignmentId', 'field.unknown_assignment')
    const id = newId()
    const minutes = Math.round(input.hours * 60)
    await insertHours(trx, {
      id,
      volunteer_id: volunteer.id,
      compartment_id: volunteer.compartment_id,
      assignment_id: input.assignmentId ?? null,
      on_date: input.on,
      minutes,
      created_at: app.now().toISOString(),
      created_by: by.actorId,
    })
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'volunteers.hours_logged',
      entityType: 'Volunteer',
      entityId: volunteer.id,
      compartmentId: volunteer.compartment_id,
      requestId: by.requestId,
      details: { hoursId: id, minutes },
    })
  })
}
