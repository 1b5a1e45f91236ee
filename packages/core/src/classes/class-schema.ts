import { z } from 'zod'

/** Languages a class teaches (ISO 639-1): Japanese first — the seed's classes are for defectors in Japan. */
export const CLASS_LANGUAGES = ['ja', 'ko', 'zh', 'en'] as const
export const CLASS_LEVELS = ['beginner', 'elementary', 'intermediate', 'advanced'] as const
/** Who teaches: often a volunteer, sometimes staff or a partner organisation's teacher. */
export const TEACHER_KINDS = ['volunteer', 'staff', 'partner'] as const
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const
export const CLASS_STATUSES = ['running', 'ended'] as const
/** How an enrolment ended. */
export const ENROLMENT_OUTCOMES = ['completed', 'left'] as const
/** Where a learner goes next: the education pathway after the class. */
export const NEXT_STEPS = [
  'night_school',
  'vocational_training',
  'employment',
  'further_class',
  'none',
] as const

export type ClassLanguage = (typeof CLASS_LANGUAGES)[number]
export type ClassLevel = (typeof CLASS_LEVELS)[number]
export type TeacherKind = (typeof TEACHER_KINDS)[number]
export type Weekday = (typeof WEEKDAYS)[number]
export type ClassStatus = (typeof CLASS_STATUSES)[number]
export type EnrolmentOutcome = (typeof ENROLMENT_OUTCOMES)[number]
export type NextStep = (typeof NEXT_STEPS)[number]

const id = z.string().min(1).max(100)
const day = z.iso.date({ error: 'field.date_format' })
const personCode = z
  .string()
  .trim()
  .min(1, { error: 'field.required' })
  .max(40)
  .transform((c) => c.toUpperCase())

const shelterCode = z
  .string()
  .trim()
  .max(20)
  .transform((c) => (c === '' ? null : c.toUpperCase()))
  .nullable()
  .default(null)
const teacher = z.string().trim().min(1, { error: 'field.required' }).max(80)
const weekdays = z
  .array(z.enum(WEEKDAYS))
  .min(1, { error: 'field.weekdays_required' })
  .max(WEEKDAYS.length)
  .refine((d) => new Set(d).size === d.length, { error: 'field.weekdays_required' })
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'field.time_format' })
/** A session's usual length, in minutes. */
const minutes = z.coerce
  .number({ error: 'field.minutes_range' })
  .int({ error: 'field.minutes_range' })
  .min(15, { error: 'field.minutes_range' })
  .max(480, { error: 'field.minutes_range' })

/**
 * A class: the language and level taught, who teaches (a volunteer's first name or initials is
 * enough — never a learner), where (a shelter's public code, or none), and when it meets.
 */
export const createClassSchema = z.strictObject({
  /** The compartment whose people may enrol (the shelter's, when a shelter code is given). */
  compartmentId: id,
  shelterCode,
  language: z.enum(CLASS_LANGUAGES),
  level: z.enum(CLASS_LEVELS),
  teacher,
  teacherKind: z.enum(TEACHER_KINDS),
  weekdays,
  time,
  minutes,
  startsOn: day,
})
export type CreateClass = z.infer<typeof createClassSchema>

/**
 * Editing a running class: its level, teacher, place and schedule, naming the version read (a
 * stale one answers 409 `version_conflict`). The language stays: another language is another
 * class, and the figures count learners by the language they were taught.
 */
export const editClassSchema = z.strictObject({
  version: z.number().int().min(1),
  shelterCode,
  level: z.enum(CLASS_LEVELS),
  teacher,
  teacherKind: z.enum(TEACHER_KINDS),
  weekdays,
  time,
  minutes,
})
export type EditClass = z.infer<typeof editClassSchema>

/**
 * Ending a class on a day. Learners still enrolled cannot keep learning in an ended class, so
 * their enrolments end that day too, with the outcome and next step chosen here (record a
 * learner's own next step first, from the learners' table, when it differs).
 */
export const endClassSchema = z.strictObject({
  version: z.number().int().min(1),
  endedOn: day,
  outcome: z.enum(ENROLMENT_OUTCOMES),
  nextStep: z.enum(NEXT_STEPS),
})
export type EndClass = z.infer<typeof endClassSchema>

export const classParamsSchema = z.strictObject({ id })
export const enrolmentParamsSchema = z.strictObject({ id, enrolmentId: id })

export const classQuerySchema = z.strictObject({
  language: z.enum(CLASS_LANGUAGES).optional(),
  status: z.enum(CLASS_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(25),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
})
export type ClassQuery = z.infer<typeof classQuerySchema>

/** Enrolling a person, by their code, registered in the class's compartment. */
export const enrolSchema = z.strictObject({ personCode, enrolledOn: day })
export type Enrol = z.infer<typeof enrolSchema>

/** A session held on a day, with who was there (enrolments present; the others were absent). */
export const recordSessionSchema = z.strictObject({
  heldOn: day,
  minutes: z.coerce
    .number({ error: 'field.minutes_range' })
    .int({ error: 'field.minutes_range' })
    .min(15, { error: 'field.minutes_range' })
    .max(480, { error: 'field.minutes_range' }),
  present: z
    .array(id)
    .max(500)
    .refine((p) => new Set(p).size === p.length, { error: 'field.present_repeated' }),
})
export type RecordSession = z.infer<typeof recordSessionSchema>

/** How an enrolment ended and where the learner goes next. */
export const endEnrolmentSchema = z.strictObject({
  outcome: z.enum(ENROLMENT_OUTCOMES),
  endedOn: day,
  nextStep: z.enum(NEXT_STEPS),
})
export type EndEnrolment = z.infer<typeof endEnrolmentSchema>

export const classSummaryView = z.object({
  id: z.string(),
  compartmentId: z.string(),
  shelterCode: z.string().nullable(),
  language: z.enum(CLASS_LANGUAGES),
  level: z.enum(CLASS_LEVELS),
  teacher: z.string(),
  teacherKind: z.enum(TEACHER_KINDS),
  weekdays: z.array(z.enum(WEEKDAYS)),
  time: z.string(),
  minutes: z.number(),
  startsOn: z.string(),
  status: z.enum(CLASS_STATUSES),
  /** The day it ended, null while it runs. */
  endedOn: z.string().nullable(),
  version: z.number(),
  /** Enrolled and not yet ended. */
  learnerCount: z.number(),
  sessionCount: z.number(),
})
export type ClassSummary = z.infer<typeof classSummaryView>

export const enrolmentView = z.object({
  id: z.string(),
  personCode: z.string(),
  enrolledOn: z.string(),
  outcome: z.enum(ENROLMENT_OUTCOMES).nullable(),
  endedOn: z.string().nullable(),
  nextStep: z.enum(NEXT_STEPS).nullable(),
  /** Sessions attended since enrolling. */
  attended: z.number(),
})
export type EnrolmentView = z.infer<typeof enrolmentView>

export const sessionView = z.object({
  id: z.string(),
  heldOn: z.string(),
  minutes: z.number(),
  present: z.number(),
})
export type SessionView = z.infer<typeof sessionView>

export const classView = classSummaryView.extend({
  enrolments: z.array(enrolmentView),
  sessions: z.array(sessionView),
  actions: z.array(z.enum(['update'])),
})
export type ClassView = z.infer<typeof classView>

export const classPageView = z.object({ items: z.array(classSummaryView), total: z.number() })
export type ClassPage = z.infer<typeof classPageView>
