import { z } from 'zod'
import { sealedTextView } from '../privacy/sealed-text-view.js'
import {
  ASSIGNMENT_KINDS,
  LANGUAGE_LEVELS,
  VOLUNTEER_STATUSES,
  WEEKDAYS,
} from './volunteers-schemas.js'

/** A volunteer as lists show them: a code, never the name; what they can do and when. */
export const volunteerSummaryView = z.object({
  id: z.string(),
  compartmentId: z.string(),
  code: z.string(),
  status: z.enum(VOLUNTEER_STATUSES),
  appliedOn: z.string(),
  languages: z.array(z.object({ language: z.string(), level: z.enum(LANGUAGE_LEVELS) })),
  skills: z.array(z.string()),
  availableDays: z.array(z.enum(WEEKDAYS)),
  hoursPerWeek: z.number().int().nullable(),
  /** All hours logged, in quarter hours' precision. */
  hoursLogged: z.number(),
})
export type VolunteerSummaryView = z.infer<typeof volunteerSummaryView>

export const volunteerView = volunteerSummaryView.extend({
  name: sealedTextView,
  email: sealedTextView,
  phone: sealedTextView,
  version: z.number().int(),
  assignments: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(ASSIGNMENT_KINDS),
      eventId: z.string().nullable(),
      label: z.string(),
      startsOn: z.string(),
      endsOn: z.string().nullable(),
    }),
  ),
  hours: z.array(
    z.object({
      id: z.string(),
      on: z.string(),
      hours: z.number(),
      assignmentId: z.string().nullable(),
    }),
  ),
  actions: z.array(z.enum(['update'])),
})
export type VolunteerView = z.infer<typeof volunteerView>
