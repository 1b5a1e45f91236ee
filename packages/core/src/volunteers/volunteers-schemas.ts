import { z } from 'zod'

/** Where an application or a volunteer stands: screened before any assignment. */
export const VOLUNTEER_STATUSES = [
  'applied',
  'screening',
  'active',
  'paused',
  'declined',
  'left',
] as const
export type VolunteerStatus = (typeof VOLUNTEER_STATUSES)[number]
/** Only a screened, active volunteer is assigned work or logs hours. */
export const WORKING_STATUSES: readonly VolunteerStatus[] = ['active']

/** How well a volunteer speaks a language (the seed values Chinese and Korean). */
/**
 * How well a volunteer speaks a language. `unassessed`: named on the public site's form, which
 * does not ask for a level; screening sets the real one.
 */
export const LANGUAGE_LEVELS = [
  'basic',
  'conversational',
  'fluent',
  'native',
  'unassessed',
] as const
export type LanguageLevel = (typeof LANGUAGE_LEVELS)[number]

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const
export type Weekday = (typeof WEEKDAYS)[number]

/** What a volunteer is assigned to: an event the network module recorded, a class, a shelter… */
export const ASSIGNMENT_KINDS = [
  'event',
  'class',
  'shelter',
  'office',
  'translation',
  'other',
] as const
export type AssignmentKind = (typeof ASSIGNMENT_KINDS)[number]

const id = z.string().min(1).max(100)
/** A calendar day; 30 February (which Date.parse rolls into March) is refused. */
const isoDate = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { error: 'field.date_format' })
  .refine(
    (d) => {
      const t = Date.parse(`${d}T00:00:00Z`)
      return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d
    },
    { error: 'field.date_format' },
  )
const text = (max: number) => z.string().trim().min(1).max(max)
const optionalText = (max: number) => z.string().trim().max(max).optional()
const languageCode = z
  .string()
  .trim()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { error: 'field.language_code' })

export const volunteerLanguageSchema = z.strictObject({
  language: languageCode,
  level: z.enum(LANGUAGE_LEVELS),
})

export const createVolunteerSchema = z
  .strictObject({
    /** The compartment the contact details are sealed in (the volunteers' own by default). */
    compartmentId: id,
    /** Sealed, like email and phone: shown only to those who may identify, every look audited. */
    name: text(200),
    email: z.email({ error: 'field.invalid_format' }).max(200).optional(),
    phone: optionalText(50),
    appliedOn: isoDate,
    languages: z.array(volunteerLanguageSchema).max(12).default([]),
    skills: z.array(text(60)).max(20).default([]),
    availableDays: z.array(z.enum(WEEKDAYS)).max(7).default([]),
    hoursPerWeek: z.number().int().min(1).max(80).optional(),
  })
  .refine((v) => new Set(v.languages.map((l) => l.language)).size === v.languages.length, {
    path: ['languages'],
    error: 'field.language_twice',
  })
export type CreateVolunteer = z.infer<typeof createVolunteerSchema>

/** Screening and after: the version the change was made against (someone else may have saved). */
export const volunteerStatusSchema = z.strictObject({
  status: z.enum(VOLUNTEER_STATUSES),
  version: z.number().int().min(1),
})
export type VolunteerStatusChange = z.infer<typeof volunteerStatusSchema>

export const createAssignmentSchema = z
  .strictObject({
    kind: z.enum(ASSIGNMENT_KINDS),
    /** For an event: the recorded event's id. */
    eventId: id.optional(),
    /** What and where, in words (a shelter by its code, never its place). */
    label: text(200),
    startsOn: isoDate,
    endsOn: isoDate.optional(),
  })
  .refine((a) => a.kind !== 'event' || a.eventId !== undefined, {
    path: ['eventId'],
    error: 'field.required',
  })
  .refine((a) => a.endsOn === undefined || a.endsOn >= a.startsOn, {
    path: ['endsOn'],
    error: 'field.range_reversed',
  })
export type CreateAssignment = z.infer<typeof createAssignmentSchema>

/** Hours given on a day, in quarter hours at most a day's worth. */
export const logHoursSchema = z.strictObject({
  on: isoDate,
  hours: z
    .number()
    .min(0.25)
    .max(24)
    .refine((h) => Number.isInteger(h * 4), { error: 'field.quarter_hours' }),
  assignmentId: id.optional(),
})
export type LogHours = z.infer<typeof logHoursSchema>

export const volunteerQuerySchema = z.strictObject({
  status: z.enum(VOLUNTEER_STATUSES).optional(),
  language: languageCode.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
})

export const volunteerParamsSchema = z.strictObject({ id })

/** Rows per page of the volunteers list. */
export const VOLUNTEERS_PAGE_SIZE = 50
