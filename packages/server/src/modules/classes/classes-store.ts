import type { Db } from '../../db/db-handle.js'
import type {
  ClassAttendanceTable,
  ClassEnrolmentsTable,
  ClassesTable,
  ClassSessionsTable,
} from './classes-tables.js'

export async function insertClass(db: Db, row: ClassesTable): Promise<void> {
  await db.insertInto('classes').values(row).execute()
}

export async function findClass(db: Db, id: string): Promise<ClassesTable | undefined> {
  return db.selectFrom('classes').selectAll().where('id', '=', id).executeTakeFirst()
}

/**
 * Changes a running class if it is still at the version the editor read, raising the version.
 * Returns the rows changed: 0 when another edit came first or the class has ended.
 */
export async function updateClass(
  db: Db,
  id: string,
  version: number,
  set: Partial<Omit<ClassesTable, 'id' | 'version' | 'compartment_id'>>,
): Promise<number> {
  const result = await db
    .updateTable('classes')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'running')
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

/** Ends every enrolment of a class still open, on one day with one outcome and next step. */
export async function endOpenEnrolments(
  db: Db,
  classId: string,
  end: Pick<ClassEnrolmentsTable, 'outcome' | 'ended_on' | 'next_step'>,
): Promise<number> {
  const result = await db
    .updateTable('class_enrolments')
    .set(end)
    .where('class_id', '=', classId)
    .where('outcome', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

/** The day of a class's last session, or null before the first. */
export async function lastSessionDay(db: Db, classId: string): Promise<string | null> {
  const row = await db
    .selectFrom('class_sessions')
    .select((eb) => eb.fn.max('held_on').as('last'))
    .where('class_id', '=', classId)
    .executeTakeFirst()
  return row?.last ?? null
}

export interface ClassFilter {
  compartmentIds: readonly string[]
  language?: string | undefined
  status?: string | undefined
}

function filtered(db: Db, filter: ClassFilter) {
  let query = db.selectFrom('classes').where('compartment_id', 'in', [...filter.compartmentIds])
  if (filter.language) query = query.where('language', '=', filter.language)
  if (filter.status) query = query.where('status', '=', filter.status)
  return query
}

export async function listClasses(
  db: Db,
  filter: ClassFilter,
  page: { limit: number; offset: number },
): Promise<ClassesTable[]> {
  if (filter.compartmentIds.length === 0) return []
  return filtered(db, filter)
    .selectAll()
    .orderBy('starts_on', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute()
}

export async function countClasses(db: Db, filter: ClassFilter): Promise<number> {
  if (filter.compartmentIds.length === 0) return 0
  const row = await filtered(db, filter)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Learners still enrolled and sessions held, per class (for lists). */
export async function classCounts(db: Db, classIds: readonly string[]) {
  const ids = [...classIds]
  if (ids.length === 0) return { learners: new Map<string, number>(), sessions: new Map() }
  const [learners, sessions] = await Promise.all([
    db
      .selectFrom('class_enrolments')
      .select((eb) => ['class_id', eb.fn.countAll<number | string>().as('n')])
      .where('class_id', 'in', ids)
      .where('outcome', 'is', null)
      .groupBy('class_id')
      .execute(),
    db
      .selectFrom('class_sessions')
      .select((eb) => ['class_id', eb.fn.countAll<number | string>().as('n')])
      .where('class_id', 'in', ids)
      .groupBy('class_id')
      .execute(),
  ])
  return {
    learners: new Map(learners.map((r) => [r.class_id, Number(r.n)])),
    sessions: new Map<string, number>(sessions.map((r) => [r.class_id, Number(r.n)])),
  }
}

export async function insertEnrolment(db: Db, row: ClassEnrolmentsTable): Promise<void> {
  await db.insertInto('class_enrolments').values(row).execute()
}

export async function findEnrolment(
  db: Db,
  classId: string,
  id: string,
): Promise<ClassEnrolmentsTable | undefined> {
  return db
    .selectFrom('class_enrolments')
    .selectAll()
    .where('class_id', '=', classId)
    .where('id', '=', id)
    .executeTakeFirst()
}

export async function enrolmentOfPerson(
  db: Db,
  classId: string,
  personId: string,
): Promise<ClassEnrolmentsTable | undefined> {
  return db
    .selectFrom('class_enrolments')
    .selectAll()
    .where('class_id', '=', classId)
    .where('person_id', '=', personId)
    .executeTakeFirst()
}

export async function enrolmentsOf(db: Db, classId: string): Promise<ClassEnrolmentsTable[]> {
  return db
    .selectFrom('class_enrolments')
    .selectAll()
    .where('class_id', '=', classId)
    .orderBy('enrolled_on')
    .orderBy('id')
    .execute()
}

/** Sessions attended, per enrolment of a class. */
export async function attendanceByEnrolment(db: Db, classId: string) {
  const rows = await db
    .selectFrom('class_attendance')
    .innerJoin('class_sessions', 'class_sessions.id', 'class_attendance.session_id')
    .select((eb) => ['class_attendance.enrolment_id', eb.fn.countAll<number | string>().as('n')])
    .where('class_sessions.class_id', '=', classId)
    .groupBy('class_attendance.enrolment_id')
    .execute()
  return new Map(rows.map((r) => [r.enrolment_id, Number(r.n)]))
}

export async function endEnrolment(
  db: Db,
  id: string,
  end: Pick<ClassEnrolmentsTable, 'outcome' | 'ended_on' | 'next_step'>,
): Promise<number> {
  const result = await db
    .updateTable('class_enrolments')
    .set(end)
    .where('id', '=', id)
    .where('outcome', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

export async function insertSession(
  db: Db,
  row: ClassSessionsTable,
  present: readonly ClassAttendanceTable[],
): Promise<void> {
  await db.insertInto('class_sessions').values(row).execute()
  if (present.length > 0)
    await db
      .insertInto('class_attendance')
      .values([...present])
      .execute()
}

/** A class's sessions, newest first, each with how many were present. */
export async function sessionsOf(db: Db, classId: string, limit = 200) {
  const rows = await db
    .selectFrom('class_sessions')
    .leftJoin('class_attendance', 'class_attendance.session_id', 'class_sessions.id')
    .select((eb) => [
      'class_sessions.id',
      'class_sessions.held_on',
      'class_sessions.minutes',
      eb.fn.count<number | string>('class_attendance.enrolment_id').as('present'),
    ])
    .where('class_sessions.class_id', '=', classId)
    .groupBy(['class_sessions.id', 'class_sessions.held_on', 'class_sessions.minutes'])
    .orderBy('class_sessions.held_on', 'desc')
    .limit(limit)
    .execute()
  return rows.map((r) => ({ ...r, present: Number(r.present) }))
}

/** Learners present at least once in a session between two days, by language (each once). */
export async function learnersByLanguage(db: Db, from: string, to: string) {
  const rows = await db
    .selectFrom('class_attendance')
    .innerJoin('class_sessions', 'class_sessions.id', 'class_attendance.session_id')
    .innerJoin('class_enrolments', 'class_enrolments.id', 'class_attendance.enrolment_id')
    .innerJoin('classes', 'classes.id', 'class_sessions.class_id')
    .select((eb) => [
      'classes.language',
      eb.fn.count<number | string>('class_enrolments.person_id').distinct().as('n'),
    ])
    .where('class_sessions.held_on', '>=', from)
    .where('class_sessions.held_on', '<=', to)
    .groupBy('classes.language')
    .execute()
  return new Map(rows.map((r) => [r.language, Number(r.n)]))
}

/** Minutes taught (sessions held) and learner-minutes (each learner present) between two days, by language. */
export async function minutesByLanguage(db: Db, from: string, to: string) {
  const [taught, learned] = await Promise.all([
    db
      .selectFrom('class_sessions')
      .innerJoin('classes', 'classes.id', 'class_sessions.class_id')
      .select((eb) => [
        'classes.language',
        eb.fn.sum<number | string>('class_sessions.minutes').as('n'),
      ])
      .where('class_sessions.held_on', '>=', from)
      .where('class_sessions.held_on', '<=', to)
      .groupBy('classes.language')
      .execute(),
    db
      .selectFrom('class_attendance')
      .innerJoin('class_sessions', 'class_sessions.id', 'class_attendance.session_id')
      .innerJoin('classes', 'classes.id', 'class_sessions.class_id')
      .select((eb) => [
        'classes.language',
        eb.fn.sum<number | string>('class_sessions.minutes').as('n'),
      ])
      .where('class_sessions.held_on', '>=', from)
      .where('class_sessions.held_on', '<=', to)
      .groupBy('classes.language')
      .execute(),
  ])
  return {
    taught: new Map(taught.map((r) => [r.language, Number(r.n)])),
    learned: new Map(learned.map((r) => [r.language, Number(r.n)])),
  }
}

/** Enrolments ended between two days, by outcome and next step (each person once per pair). */
export async function completionsByNextStep(db: Db, from: string, to: string) {
  const rows = await db
    .selectFrom('class_enrolments')
    .select((eb) => ['next_step', eb.fn.count<number | string>('person_id').distinct().as('n')])
    .where('outcome', '=', 'completed')
    .where('ended_on', '>=', from)
    .where('ended_on', '<=', to)
    .groupBy('next_step')
    .execute()
  return new Map(rows.map((r) => [r.next_step ?? 'none', Number(r.n)]))
}

/** How many classes a compartment has (the demo's idempotence check). */
export async function countClassesIn(db: Db, compartmentId: string): Promise<number> {
  return countClasses(db, { compartmentIds: [compartmentId] })
}
