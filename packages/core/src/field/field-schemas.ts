import { z } from 'zod'
import { caseEntrySchema, createPersonSchema } from '../people/index.js'
import { createShelterLogSchema } from '../shelters/index.js'
import { recordDistributionSchema } from '../supplies/index.js'

const id = z.string().min(1).max(100)
/** A device's outbox id: a UUID made on the phone, which also becomes the record's id. */
const clientId = z.uuid()

export const registerDeviceSchema = z.strictObject({
  /** What the worker calls the phone ("Kim's Android"): never where it is. */
  name: z.string().trim().min(1).max(80),
})

export const deviceView = z.object({
  id: z.string(),
  name: z.string(),
  userId: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
})
export type DeviceView = z.infer<typeof deviceView>

export const deviceParamsSchema = z.strictObject({ id })
export const deviceQuerySchema = z.strictObject({
  /** `all`: every user's devices (administrators). */
  who: z.enum(['me', 'all']).default('me'),
})

/**
 * One change made on a field device, as kept in its outbox. Each kind is the owning module's own
 * request body; a change to an existing record names the version it was made against
 * (`baseVersion`), so an edit made on the server meanwhile is kept as a conflict, not overwritten.
 */
export const fieldMutationSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    clientId,
    kind: z.literal('distribution'),
    /** An override reason is ignored: past a cap, the entry is flagged for a coordinator. */
    data: recordDistributionSchema,
  }),
  z.strictObject({
    clientId,
    kind: z.literal('shelter_log'),
    shelterId: id,
    data: createShelterLogSchema,
  }),
  z.strictObject({
    clientId,
    kind: z.literal('case_note'),
    caseId: id,
    baseVersion: z.number().int().min(1),
    data: caseEntrySchema,
  }),
  z.strictObject({
    clientId,
    kind: z.literal('follow_up_done'),
    followUpId: id,
    /** The version of the follow-up's case the worker saw. */
    baseVersion: z.number().int().min(1),
  }),
  z.strictObject({
    clientId,
    kind: z.literal('register_person'),
    data: createPersonSchema,
  }),
])
export type FieldMutation = z.infer<typeof fieldMutationSchema>
export type FieldMutationKind = FieldMutation['kind']

/** The most a push carries: a longer outbox goes in several pushes. */
export const PUSH_LIMIT = 200

export const pushSchema = z.strictObject({
  deviceId: id,
  mutations: z.array(fieldMutationSchema).min(1).max(PUSH_LIMIT),
})

/**
 * What became of one outbox entry. `applied`: recorded; `flagged`: recorded but past a cap, shown
 * to a coordinator; `conflict`: the record was edited on the server since, kept for review;
 * `refused`: not recorded, with the error code (a compartment no longer granted, bad data).
 */
export const FIELD_OUTCOMES = ['applied', 'flagged', 'conflict', 'refused'] as const
export type FieldOutcome = (typeof FIELD_OUTCOMES)[number]

/**
 * Every code a refused outbox entry can carry: the push's own checks (`forbidden`, `not_found`,
 * `validation_failed`, `not_applied`) and the errors the owning modules' doors throw for an entry
 * (no policy that day, a code not in the compartment, a frozen or shredded compartment…). The
 * field app shows each in words (`field.refused.<code>` in both catalogs).
 */
export const FIELD_REFUSALS = [
  'forbidden',
  'not_found',
  'validation_failed',
  'not_applied',
  'no_allowance_policy',
  'no_exchange_rate',
  'person_not_in_compartment',
  'compartment_mismatch',
  'record_frozen',
  'keys_destroyed',
] as const
export type FieldRefusal = (typeof FIELD_REFUSALS)[number]

export const isFieldRefusal = (code: string): code is FieldRefusal =>
  (FIELD_REFUSALS as readonly string[]).includes(code)

export const pushResultView = z.object({
  results: z.array(
    z.object({
      clientId: z.string(),
      outcome: z.enum(FIELD_OUTCOMES),
      code: z.string().nullable(),
      entityId: z.string().nullable(),
    }),
  ),
  serverTime: z.string(),
})
export type PushResult = z.infer<typeof pushResultView>

export const pullQuerySchema = z.strictObject({
  deviceId: id,
  /** Opaque: where the previous pull stopped (absent: from the start). */
  cursor: z.string().max(20_000).optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
})

export const pulledPersonView = z.object({
  id: z.string(),
  compartmentId: z.string(),
  code: z.string(),
  ageBand: z.string(),
  situation: z.string(),
  arrivalMonth: z.string().nullable(),
  languages: z.array(z.string()),
  version: z.number(),
  /** Merged into another person: the device drops this one. */
  merged: z.boolean(),
})
export const pulledCaseView = z.object({
  id: z.string(),
  compartmentId: z.string(),
  code: z.string(),
  personCode: z.string(),
  type: z.string(),
  status: z.string(),
  priority: z.string(),
  version: z.number(),
  followUps: z.array(z.object({ id: z.string(), dueOn: z.string() })),
})
export type PulledPerson = z.infer<typeof pulledPersonView>
export type PulledCase = z.infer<typeof pulledCaseView>

export const pullView = z.object({
  /** The server's clock, so a device can tell its own is far off. */
  serverTime: z.string(),
  cursor: z.string(),
  /** More changes wait: pull again with `cursor`. */
  more: z.boolean(),
  /** Compartments no longer granted: the device deletes everything it holds of them. */
  purge: z.array(z.string()),
  people: z.array(pulledPersonView),
  cases: z.array(pulledCaseView),
  /** The compartments held now, by code (where a distribution or a registration goes). */
  compartments: z.array(z.object({ id: z.string(), code: z.string() })),
  /** Of those, where the user may register people (not a field worker: see the README). */
  registerIn: z.array(z.string()),
  /** Shelters the worker may log in (compartment id and code). */
  shelters: z.array(z.object({ id: z.string(), code: z.string() })),
})
export type PullView = z.infer<typeof pullView>

export const reviewQuerySchema = z.strictObject({
  compartmentId: id.optional(),
  outcome: z.enum(['flagged', 'conflict']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
})

export const reviewItemView = z.object({
  id: z.string(),
  compartmentId: z.string(),
  kind: z.string(),
  outcome: z.enum(FIELD_OUTCOMES),
  code: z.string().nullable(),
  entityId: z.string().nullable(),
  deviceName: z.string(),
  recordedAt: z.string(),
  resolvedAt: z.string().nullable(),
  resolution: z.string().nullable(),
  /**
   * A registration held as a possible duplicate: whom it matched — their code, and their names
   * when the reviewer may identify them (null otherwise). Null for every other change.
   */
  matched: z.object({ code: z.string(), names: z.array(z.string()).nullable() }).nullable(),
})
export const reviewPageView = z.object({ items: z.array(reviewItemView), total: z.number() })
export type ReviewItemView = z.infer<typeof reviewItemView>

export const resolveReviewSchema = z.strictObject({
  /** `apply`: record a conflicting change after all; `dismiss`: seen, nothing more to do. */
  resolution: z.enum(['apply', 'dismiss']),
})
export const reviewParamsSchema = z.strictObject({ id })
