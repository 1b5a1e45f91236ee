import { z } from 'zod'
import { regionSchema } from '../people/index.js'

/** What a shelter is doing now; `compromised` is set only by the audited compromise action. */
export const SHELTER_STATUSES = ['active', 'suspended', 'closed', 'compromised'] as const
export type ShelterStatus = (typeof SHELTER_STATUSES)[number]
/** Statuses a coordinator may set by editing (compromise has its own action). */
export const EDITABLE_SHELTER_STATUSES = ['active', 'suspended', 'closed'] as const

export const FUNDING_STATUSES = ['funded', 'under_review', 'suspended'] as const
export type FundingStatus = (typeof FUNDING_STATUSES)[number]

/** Why a resident left a shelter; each maps to the person's situation in the people module. */
export const LEAVE_REASONS = [
  'moved_on',
  'resettled',
  'returned',
  'detained',
  'repatriated',
  'left_without_notice',
  'shelter_closed',
] as const
export type LeaveReason = (typeof LEAVE_REASONS)[number]

/** Incident and oversight log entries, from the annual report's account of its shelters. */
export const SHELTER_LOG_KINDS = [
  'caretaker_detained',
  'duties_doubt',
  'funding_stopped',
  'children_released',
  'oversight_visit',
  'security_concern',
  'other',
] as const
export type ShelterLogKind = (typeof SHELTER_LOG_KINDS)[number]

/** Regions the app suggests (prefecture or province level); any other region name is accepted. */
export const REGION_SUGGESTIONS = [
  'Yanbian',
  'Jilin',
  'Liaoning',
  'Heilongjiang',
  'Inner Mongolia',
  'Shandong',
  'Beijing',
  'Shanghai',
] as const

/**
 * A public-safe shelter code like the annual report's JRL-01 and YAN-02: a short area prefix and
 * a number, nothing that names a street, a caretaker or a building.
 */
export const shelterCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2,4}-\d{2,3}$/, { error: 'field.shelter_code_format' })

const id = z.string().min(1).max(100)
const isoDate = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { error: 'field.date_format' })
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), { error: 'field.date_format' })
const capacity = z.coerce.number().int().min(1).max(500)

export const createShelterSchema = z.strictObject({
  code: shelterCodeSchema,
  region: regionSchema,
  capacity,
  fundingStatus: z.enum(FUNDING_STATUSES),
  openedOn: isoDate,
})
export type CreateShelter = z.infer<typeof createShelterSchema>

export const updateShelterSchema = z.strictObject({
  version: z.number().int().positive(),
  region: regionSchema.optional(),
  capacity: capacity.optional(),
  fundingStatus: z.enum(FUNDING_STATUSES).optional(),
  status: z.enum(EDITABLE_SHELTER_STATUSES).optional(),
  openedOn: isoDate.optional(),
  closedOn: isoDate.nullable().optional(),
  /** A person registered in the shelter's own compartment (their identity stays sealed there). */
  caretakerPersonId: id.nullable().optional(),
})
export type UpdateShelter = z.infer<typeof updateShelterSchema>

export const shelterQuerySchema = z.strictObject({
  status: z.enum(SHELTER_STATUSES).optional(),
})

export const addResidentSchema = z.strictObject({
  personId: id,
  fromDate: isoDate,
})
export type AddResident = z.infer<typeof addResidentSchema>

export const endResidentSchema = z.strictObject({
  toDate: isoDate,
  reason: z.enum(LEAVE_REASONS),
})
export type EndResident = z.infer<typeof endResidentSchema>

export const createShelterLogSchema = z.strictObject({
  kind: z.enum(SHELTER_LOG_KINDS),
  occurredOn: isoDate,
  personIds: z.array(id).max(50).default([]),
  /** What happened, in words: sealed with the shelter's key, shown only to those who may identify. */
  note: z.string().trim().max(5000).optional(),
})
export type CreateShelterLog = z.infer<typeof createShelterLogSchema>

/** Marking compromised (and undoing it) is confirmed by typing the shelter's code. */
export const compromiseShelterSchema = z.strictObject({
  confirmCode: z.string().trim().toUpperCase().max(20),
})

export const shelterParamsSchema = z.strictObject({ id })
export const residentParamsSchema = z.strictObject({ id, residentId: id })
