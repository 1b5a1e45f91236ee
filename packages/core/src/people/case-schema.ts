import { z } from 'zod'
import { CASE_STATUSES, CASE_TYPES } from './case-codes.js'

export { CASE_STATUSES, CASE_TYPES } from './case-codes.js'

export const CASE_OUTCOMES = [
  'resolved',
  'referred',
  'reached_safety',
  'returned',
  'lost_contact',
  'detained',
  'deceased',
  'withdrawn',
  'other',
] as const
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const
export const ENTRY_KINDS = ['note', 'action', 'service'] as const
export const SERVICE_TYPES = [
  'shelter',
  'food',
  'clothing',
  'medical',
  'medicine',
  'cash',
  'education',
  'legal',
  'transport',
  'language',
  'other',
] as const
export const CONSENT = ['given', 'refused', 'not_asked'] as const

export type CaseType = (typeof CASE_TYPES)[number]
export type CaseStatus = (typeof CASE_STATUSES)[number]
export type Priority = (typeof PRIORITIES)[number]

const isoDate = z.iso.date({ error: 'field.date_format' })
const id = z.string().min(1).max(100)

export const createCaseSchema = z.strictObject({
  personId: id,
  type: z.enum(CASE_TYPES),
  priority: z.enum(PRIORITIES).default('normal'),
  assigneeId: id.nullable().default(null),
  openedOn: isoDate,
  /** A short description; sealed, since it may say who or where. */
  summary: z.string().trim().max(500).optional(),
})
export type CreateCase = z.infer<typeof createCaseSchema>

export const updateCaseSchema = z.strictObject({
  version: z.number().int().positive(),
  status: z.enum(CASE_STATUSES).optional(),
  outcome: z.enum(CASE_OUTCOMES).optional(),
  closedOn: isoDate.optional(),
  priority: z.enum(PRIORITIES).optional(),
  assigneeId: id.nullable().optional(),
  summary: z.string().trim().max(500).optional(),
})
export type UpdateCase = z.infer<typeof updateCaseSchema>

export const caseEntrySchema = z.strictObject({
  kind: z.enum(ENTRY_KINDS),
  occurredOn: isoDate,
  /** The note or the action taken: sealed. */
  text: z.string().trim().min(1).max(10_000),
  serviceType: z.enum(SERVICE_TYPES).optional(),
})

export const referralSchema = z.strictObject({
  partner: z.string().trim().min(1).max(200),
  service: z.enum(SERVICE_TYPES),
  consent: z.enum(CONSENT),
  consentMethod: z.enum(['verbal', 'written', 'guardian']).optional(),
  /** Only a coordinator may refer without consent, and must say why (sealed, audited). */
  overrideReason: z.string().trim().min(10).max(1000).optional(),
})

export const followUpSchema = z.strictObject({
  title: z.string().trim().min(1).max(300),
  dueOn: isoDate,
  assigneeId: id.nullable().default(null),
})
export const updateFollowUpSchema = z.strictObject({ done: z.boolean() })

export const caseQuerySchema = z.strictObject({
  compartmentId: id.optional(),
  personId: id.optional(),
  type: z.enum(CASE_TYPES).optional(),
  status: z.enum(CASE_STATUSES).optional(),
  /** `me`: only the cases assigned to the caller ("my cases"). */
  assignee: z.literal('me').optional(),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
})
