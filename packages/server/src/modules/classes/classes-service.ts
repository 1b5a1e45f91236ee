import type {
  CreateClass,
  EditClass,
  EndClass,
  EndEnrolment,
  Enrol,
  RecordSession,
} from '@haven/core/classes/class-schema'
import type { MessageKey } from '@haven/core/i18n/catalog-en'
import { type AppContext, today } from '../../app-context.js'
import type { Actorish } from '../../audit/audit-log.js'
import { audit } from '../../auth/auth-audit.js'
import { assertWritable } from '../../compartments/compartment-access.js'
import { isUniqueViolation } from '../../db/constraint-errors.js'
import type { Db } from '../../db/db-handle.js'
import { newId } from '../../db/ids.js'
import { errors } from '../../http/errors.js'
import { findPersonByCode } from '../people/index.js'
import { shelterRefByCode } from '../shelters/index.js'
import {
  endEnrolment,
  endOpenEnrolments,
  enrolmentOfPerson,
  enrolmentsOf,
  findClass,
  findEnrolment,
  insertClass,
  insertEnrolment,
  insertSession,
  lastSessionDay,
  updateClass,
} from './classes-store.js'
import type { ClassEnrolmentsTable, ClassesTable, ClassSessionsTable } from './classes-tables.js'

const issue = (path: string, key: MessageKey) =>
  errors.validationFailed([{ path, key, params: {} }])

/** Refuses a day after today (a class, an enrolment, a session or a completion in the future). */
function notFuture(app: AppContext, on: string, path: string) {
  if (on > today(app)) throw issue(path, 'field.date_in_future')
}

/**
 * Refuses a change to a class that has ended, read again inside the change's transaction so an
 * end committed meanwhile is seen (409 `class_ended`).
 */
async function assertRunning(trx: Db, classId: string): Promise<ClassesTable> {
  const klass = await findClass(trx, classId)
  if (!klass) throw errors.notFound()
  if (klass.status !== 'running') throw errors.classEnded()
  return klass
}

/** Checks that a shelter code names a shelter of the class's compartment. */
async function assertShelterIn(trx: Db, shelterCode: string | null, compartmentId: string) {
  if (!shelterCode) return
  const shelter = await shelterRefByCode(trx, shelterCode)
  if (!shelter) throw issue('shelterCode', 'field.shelter_code_unknown')
  if (shelter.compartmentId !== compartmentId)
    throw issue('shelterCode', 'field.shelter_other_compartment')
}

/**
 * Opens a class in a compartment. A shelter code places it in that shelter, whose compartment
 * must be the class's: its learners are the shelter's people. Audited.
 */
export async function createClass(
  app: AppContext,
  input: CreateClass,
  by: Actorish,
): Promise<ClassesTable> {
  notFuture(app, input.startsOn, 'startsOn')
  return app.database.db.transaction().execute(async (trx) => {
    await assertWritable(trx, input.compartmentId)
    await assertShelterIn(trx, input.shelterCode, input.compartmentId)
    const row: ClassesTable = {
      id: newId(),
      compartment_id: input.compartmentId,
      shelter_code: input.shelterCode,
      language: input.language,
      level: input.level,
      teacher: input.teacher,
      teacher_kind: input.teacherKind,
      weekdays: JSON.stringify(input.weekdays),
      time: input.time,
      minutes: input.minutes,
      starts_on: input.startsOn,
      status: 'running',
      version: 1,
      ended_on: null,
      created_at: app.now().toISOString(),
      created_by: by.actorId,
    }
    await insertClass(trx, row)
    // The teacher's name is left out of the log: only what kind of teacher.
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'classes.class_created',
      entityType: 'LanguageClass',
      entityId: row.id,
      compartmentId: row.compartment_id,
      requestId: by.requestId,
      details: { language: row.language, level: row.level, teacherKind: row.teacher_kind },
    })
    return row
  })
}

/**
 * Enrols a person, by code, registered in the class's compartment (a code from elsewhere is
 * unknown here: the same answer as a code that does not exist). 409 if already enrolled.
 */
export async function enrol(
  app: AppContext,
  klass: ClassesTable,
  input: Enrol,
  by: Actorish,
): Promise<ClassEnrolmentsTable> {
  notFuture(app, input.enrolledOn, 'enrolledOn')
  try {
    return await app.database.db.transaction().execute(async (trx) => {
      await assertWritable(trx, klass.compartment_id)
      await assertRunning(trx, klass.id)
      const person = await findPersonByCode(trx, klass.compartment_id, input.personCode)
      if (!person) throw issue('personCode', 'field.person_code_unknown')
      if (await enrolmentOfPerson(trx, klass.id, person.id)) throw errors.enrolmentExists()
      const row: ClassEnrolmentsTable = {
        id: newId(),
        class_id: klass.id,
        compartment_id: klass.compartment_id,
        person_id: person.id,
        enrolled_on: input.enrolledOn,
        outcome: null,
        ended_on: null,
        next_step: null,
        created_at: app.now().toISOString(),
        created_by: by.actorId,
      }
      await insertEnrolment(trx, row)
      await audit(app, trx, {
        actorId: by.actorId,
        action: 'classes.enrolled',
        entityType: 'LanguageClass',
        entityId: klass.id,
        compartmentId: klass.compartment_id,
        requestId: by.requestId,
        details: { enrolmentId: row.id, personId: person.id },
      })
      return row
    })
  } catch (error) {
    // Two enrolments of the same person at once: the second meets the unique constraint.
    if (isUniqueViolation(error)) throw errors.enrolmentExists()
    throw error
  }
}

/**
 * Records a session held on a day with who was present, in one transaction: everyone present
 * must be enrolled in this class by that day and not have left before it. One session a day.
 */
export async function recordSession(
  app: AppContext,
  klass: ClassesTable,
  input: RecordSession,
  by: Actorish,
): Promise<ClassSessionsTable> {
  notFuture(app, input.heldOn, 'heldOn')
  if (input.heldOn < klass.starts_on) throw issue('heldOn', 'field.session_before_start')
  try {
    return await app.database.db.transaction().execute(async (trx) => {
      await assertWritable(trx, klass.compartment_id)
      await assertRunning(trx, klass.id)
      const enrolments = new Map((await enrolmentsOf(trx, klass.id)).map((e) => [e.id, e]))
      const present = input.present.map((id) => enrolments.get(id))
      if (
        present.some(
          (e) =>
            !e ||
            e.enrolled_on > input.heldOn ||
            (e.ended_on !== null && e.ended_on < input.heldOn),
        )
      )
        throw issue('present', 'field.present_not_enrolled')
      const row: ClassSessionsTable = {
        id: newId(),
        class_id: klass.id,
        compartment_id: klass.compartment_id,
        held_on: input.heldOn,
        minutes: input.minutes,
        created_at: app.now().toISOString(),
        created_by: by.actorId,
      }
      await insertSession(
        trx,
        row,
        input.present.map((enrolmentId) => ({ session_id: row.id, enrolment_id: enrolmentId })),
      )
      await audit(app, trx, {
        actorId: by.actorId,
        action: 'classes.session_recorded',
        entityType: 'LanguageClass',
        entityId: klass.id,
        compartmentId: klass.compartment_id,
        requestId: by.requestId,
        details: { sessionId: row.id, heldOn: row.held_on, present: input.present.length },
      })
      return row
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw errors.sessionExists()
    throw error
  }
}

/** Ends an enrolment (completed or left) with the learner's next step. 409 if it already ended. */
export async function finishEnrolment(
  app: AppContext,
  klass: ClassesTable,
  enrolmentId: string,
  input: EndEnrolment,
  by: Actorish,
): Promise<void> {
  notFuture(app, input.endedOn, 'endedOn')
  await app.database.db.transaction().execute(async (trx) => {
    await assertWritable(trx, klass.compartment_id)
    await assertRunning(trx, klass.id)
    const enrolment = await findEnrolment(trx, klass.id, enrolmentId)
    if (!enrolment) throw errors.notFound()
    if (input.endedOn < enrolment.enrolled_on) throw issue('endedOn', 'field.ended_before_enrolled')
    const changed = await endEnrolment(trx, enrolment.id, {
      outcome: input.outcome,
      ended_on: input.endedOn,
      next_step: input.nextStep,
    })
    if (changed !== 1) throw errors.enrolmentEnded()
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'classes.enrolment_ended',
      entityType: 'LanguageClass',
      entityId: klass.id,
      compartmentId: klass.compartment_id,
      requestId: by.requestId,
      details: { enrolmentId, outcome: input.outcome, nextStep: input.nextStep },
    })
  })
}

/** Why a version-checked change to a class changed nothing: it ended, or another edit came first. */
async function refusal(trx: Db, classId: string): Promise<Error> {
  const now = await findClass(trx, classId)
  if (now && now.status !== 'running') return errors.classEnded()
  return errors.versionConflict({ version: now?.version })
}

/**
 * Edits a running class's level, teacher, place and schedule, if it is still at the version the
 * editor read (409 `version_conflict` otherwise). Audited with the names of the fields changed,
 * never the teacher's name.
 */
export async function editClass(
  app: AppContext,
  klass: ClassesTable,
  input: EditClass,
  by: Actorish,
): Promise<ClassesTable> {
  return app.database.db.transaction().execute(async (trx) => {
    await assertWritable(trx, klass.compartment_id)
    const current = await assertRunning(trx, klass.id)
    if (current.version !== input.version)
      throw errors.versionConflict({ version: current.version })
    await assertShelterIn(trx, input.shelterCode, klass.compartment_id)
    const set = {
      shelter_code: input.shelterCode,
      level: input.level,
      teacher: input.teacher,
      teacher_kind: input.teacherKind,
      weekdays: JSON.stringify(input.weekdays),
      time: input.time,
      minutes: input.minutes,
    }
    const fields = (Object.keys(set) as (keyof typeof set)[]).filter((k) => set[k] !== current[k])
    if ((await updateClass(trx, klass.id, input.version, set)) !== 1)
      throw await refusal(trx, klass.id)
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'classes.class_edited',
      entityType: 'LanguageClass',
      entityId: klass.id,
      compartmentId: klass.compartment_id,
      requestId: by.requestId,
      details: { fields, version: input.version + 1 },
    })
    return { ...current, ...set, version: input.version + 1 }
  })
}

/**
 * Ends a running class on a day (not before it started, its last session or a learner still
 * enrolled joined). Enrolments still open end the same day with the outcome and next step given:
 * an ended class teaches no one, and the figures count its graduates by the day they finished.
 * After this the class takes no learners, sessions or edits (409 `class_ended`). Audited.
 */
export async function endClass(
  app: AppContext,
  klass: ClassesTable,
  input: EndClass,
  by: Actorish,
): Promise<ClassesTable> {
  notFuture(app, input.endedOn, 'endedOn')
  return app.database.db.transaction().execute(async (trx) => {
    await assertWritable(trx, klass.compartment_id)
    const current = await assertRunning(trx, klass.id)
    if (current.version !== input.version)
      throw errors.versionConflict({ version: current.version })
    if (input.endedOn < current.starts_on) throw issue('endedOn', 'field.class_end_before_start')
    const last = await lastSessionDay(trx, klass.id)
    if (last !== null && input.endedOn < last)
      throw issue('endedOn', 'field.class_end_before_session')
    const open = (await enrolmentsOf(trx, klass.id)).filter((e) => e.outcome === null)
    if (open.some((e) => e.enrolled_on > input.endedOn))
      throw issue('endedOn', 'field.ended_before_enrolled')
    const set = { status: 'ended', ended_on: input.endedOn }
    if ((await updateClass(trx, klass.id, input.version, set)) !== 1)
      throw await refusal(trx, klass.id)
    const closed = await endOpenEnrolments(trx, klass.id, {
      outcome: input.outcome,
      ended_on: input.endedOn,
      next_step: input.nextStep,
    })
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'classes.class_ended',
      entityType: 'LanguageClass',
      entityId: klass.id,
      compartmentId: klass.compartment_id,
      requestId: by.requestId,
      details: {
        endedOn: input.endedOn,
        enrolmentsEnded: closed,
        outcome: input.outcome,
        nextStep: input.nextStep,
      },
    })
    return { ...current, ...set, version: input.version + 1 }
  })
}
