import { z } from 'zod'
import { sealedTextView } from '../privacy/sealed-text-view.js'
import {
  CASE_OUTCOMES,
  CASE_STATUSES,
  CASE_TYPES,
  CONSENT,
  ENTRY_KINDS,
  PRIORITIES,
  SERVICE_TYPES,
} from './case-schema.js'
import { DATE_PRECISIONS, INCIDENT_TYPES, SEVERITIES } from './incident-schema.js'
import { AGE_BANDS, identitySchema, RELATIONS, SITUATIONS } from './person-schema.js'

export const personSummaryView = z.object({
  id: z.string(),
  code: z.string(),
  compartmentId: z.string(),
  compartmentCode: z.string(),
  ageBand: z.enum(AGE_BANDS),
  situation: z.enum(SITUATIONS),
  arrivalMonth: z.string().nullable(),
  languages: z.array(z.string()),
  tags: z.array(z.string()),
  lastActivityAt: z.string(),
  openCases: z.number().int(),
  mergedIntoId: z.string().nullable(),
})
export type PersonSummaryView = z.infer<typeof personSummaryView>

export const personView = personSummaryView.extend({
  version: z.number().int(),
  createdAt: z.string(),
  links: z.array(
    z.object({
      id: z.string(),
      personId: z.string(),
      code: z.string(),
      relation: z.enum(RELATIONS),
    }),
  ),
  hasPhoto: z.boolean(),
  /** What the caller may do: the app shows exactly these controls. */
  actions: z.array(z.string()),
})
export type PersonView = z.infer<typeof personView>

/** The identity, sent only by the audited reveal action. */
export const revealedIdentityView = z.union([
  z.object({ state: z.literal('shown'), identity: identitySchema }),
  z.object({ state: z.literal('destroyed') }),
])
export type RevealedIdentityView = z.infer<typeof revealedIdentityView>

/**
 * A row of the people list: the summary, and the first name for a caller who may identify and
 * asked for names (`null` otherwise, or when the compartment's keys were destroyed).
 */
export const personRowView = personSummaryView.extend({ name: z.string().nullable() })
export type PersonRowView = z.infer<typeof personRowView>

export const personPageView = z.object({
  people: z.array(personRowView),
  nextCursor: z.string().nullable(),
  /** How many people the filters match, counted up to a cap (a count of a million costs). */
  total: z.number().int(),
  /** `true` when there are more than `total`. */
  totalCapped: z.boolean(),
})
export type PersonPageView = z.infer<typeof personPageView>

export const caseView = z.object({
  id: z.string(),
  code: z.string(),
  personId: z.string(),
  personCode: z.string(),
  compartmentId: z.string(),
  type: z.enum(CASE_TYPES),
  status: z.enum(CASE_STATUSES),
  outcome: z.enum(CASE_OUTCOMES).nullable(),
  priority: z.enum(PRIORITIES),
  assigneeId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  openedOn: z.string(),
  closedOn: z.string().nullable(),
  summary: sealedTextView,
  version: z.number().int(),
  lastActivityAt: z.string(),
  /** Seen only by its assignee and the compartment's coordinators (a sensitive medical flag). */
  restricted: z.boolean(),
  actions: z.array(z.string()),
})
export type CaseView = z.infer<typeof caseView>

export const caseEntryView = z.object({
  id: z.string(),
  kind: z.enum([...ENTRY_KINDS, 'status_change', 'referral']),
  occurredOn: z.string(),
  at: z.string(),
  authorName: z.string().nullable(),
  serviceType: z.enum(SERVICE_TYPES).nullable(),
  text: sealedTextView,
  data: z.record(z.string(), z.unknown()),
})
export type CaseEntryView = z.infer<typeof caseEntryView>

export const referralView = z.object({
  id: z.string(),
  partner: z.string(),
  service: z.enum(SERVICE_TYPES),
  consent: z.enum(CONSENT),
  overridden: z.boolean(),
  createdAt: z.string(),
})

export const followUpView = z.object({
  id: z.string(),
  caseId: z.string(),
  caseCode: z.string(),
  title: sealedTextView,
  dueOn: z.string(),
  doneAt: z.string().nullable(),
  assigneeId: z.string().nullable(),
  overdue: z.boolean(),
})
export type FollowUpView = z.infer<typeof followUpView>

export const incidentView = z.object({
  id: z.string(),
  compartmentId: z.string(),
  type: z.enum(INCIDENT_TYPES),
  occurredOn: z.string(),
  datePrecision: z.enum(DATE_PRECISIONS),
  region: z.string(),
  severity: z.enum(SEVERITIES),
  resolved: z.boolean(),
  personCodes: z.array(z.string()),
  caseId: z.string().nullable(),
  followUp: sealedTextView,
  version: z.number().int(),
  createdAt: z.string(),
})
export type IncidentView = z.infer<typeof incidentView>

export const duplicateView = z.array(
  z.object({
    id: z.string(),
    code: z.string(),
    matched: z.array(z.enum(['name', 'birthYear'])),
    names: z.array(z.string()).nullable(),
  }),
)
