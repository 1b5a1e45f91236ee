import type {
  ClassSummary,
  ClassView,
  EnrolmentView,
  Weekday,
} from '@haven/core/classes/class-schema'
import type { Actor } from '../../auth/actor.js'
import { can } from '../../auth/policy.js'
import type { Db } from '../../db/db-handle.js'
import { personCodes } from '../people/index.js'
import { attendanceByEnrolment, classCounts, enrolmentsOf, sessionsOf } from './classes-store.js'
import type { ClassesTable } from './classes-tables.js'

type Counts = Awaited<ReturnType<typeof classCounts>>

function summary(c: ClassesTable, counts: Counts): ClassSummary {
  return {
    id: c.id,
    compartmentId: c.compartment_id,
    shelterCode: c.shelter_code,
    language: c.language as ClassSummary['language'],
    level: c.level as ClassSummary['level'],
    teacher: c.teacher,
    teacherKind: c.teacher_kind as ClassSummary['teacherKind'],
    weekdays: JSON.parse(c.weekdays) as Weekday[],
    time: c.time,
    minutes: c.minutes,
    startsOn: c.starts_on,
    status: c.status as ClassSummary['status'],
    endedOn: c.ended_on,
    version: c.version,
    learnerCount: counts.learners.get(c.id) ?? 0,
    sessionCount: counts.sessions.get(c.id) ?? 0,
  }
}

/** A page of classes with their counts of learners and sessions. */
export async function presentClasses(
  db: Db,
  rows: readonly ClassesTable[],
): Promise<ClassSummary[]> {
  const counts = await classCounts(
    db,
    rows.map((r) => r.id),
  )
  return rows.map((r) => summary(r, counts))
}

/** One class: its learners by code (never a name), its sessions, and what the actor may do. */
export async function presentClass(db: Db, actor: Actor, c: ClassesTable): Promise<ClassView> {
  const [counts, enrolments, attended, sessions] = await Promise.all([
    classCounts(db, [c.id]),
    enrolmentsOf(db, c.id),
    attendanceByEnrolment(db, c.id),
    sessionsOf(db, c.id),
  ])
  const codes = await personCodes(
    db,
    enrolments.map((e) => e.person_id),
  )
  return {
    ...summary(c, counts),
    enrolments: enrolments.map(
      (e): EnrolmentView => ({
        id: e.id,
        personCode: codes.get(e.person_id) ?? '',
        enrolledOn: e.enrolled_on,
        outcome: e.outcome as EnrolmentView['outcome'],
        endedOn: e.ended_on,
        nextStep: e.next_step as EnrolmentView['nextStep'],
        attended: attended.get(e.id) ?? 0,
      }),
    ),
    sessions: sessions.map((s) => ({
      id: s.id,
      heldOn: s.held_on,
      minutes: s.minutes,
      present: s.present,
    })),
    actions:
      c.status === 'running' &&
      can(actor, 'update', 'LanguageClass', { compartmentId: c.compartment_id })
        ? ['update']
        : [],
  }
}
