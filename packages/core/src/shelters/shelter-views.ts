import { z } from 'zod'
import { sealedTextView } from '../privacy/sealed-text-view.js'
import {
  FUNDING_STATUSES,
  LEAVE_REASONS,
  SHELTER_LOG_KINDS,
  SHELTER_STATUSES,
} from './shelter-schema.js'

export const shelterSummaryView = z.object({
  /** The shelter's compartment id: other modules (supplies, distributions) refer to it by this. */
  id: z.string(),
  code: z.string(),
  region: z.string(),
  capacity: z.number().int(),
  occupancy: z.number().int(),
  status: z.enum(SHELTER_STATUSES),
  fundingStatus: z.enum(FUNDING_STATUSES),
  openedOn: z.string(),
  closedOn: z.string().nullable(),
})
export type ShelterSummaryView = z.infer<typeof shelterSummaryView>

export const residentView = z.object({
  id: z.string(),
  personId: z.string(),
  personCode: z.string(),
  fromDate: z.string(),
  toDate: z.string().nullable(),
  reason: z.enum(LEAVE_REASONS).nullable(),
})
export type ResidentView = z.infer<typeof residentView>

export const shelterLogView = z.object({
  id: z.string(),
  kind: z.enum(SHELTER_LOG_KINDS),
  occurredOn: z.string(),
  personCodes: z.array(z.string()),
  note: sealedTextView,
  createdAt: z.string(),
})
export type ShelterLogView = z.infer<typeof shelterLogView>

export const shelterView = shelterSummaryView.extend({
  version: z.number().int(),
  caretaker: z.object({ personId: z.string(), code: z.string() }).nullable(),
  compromisedAt: z.string().nullable(),
  /** Its compartment's keys were destroyed: the compromise can no longer be undone. */
  shredded: z.boolean(),
  residents: z.array(residentView),
  log: z.array(shelterLogView),
  /** People registered in this shelter's compartment, to choose a resident or caretaker from. */
  people: z.array(z.object({ id: z.string(), code: z.string(), resident: z.boolean() })),
  /**
   * What the caller may do: `update` (details), `record` (residents and log), `compromise`,
   * `restore`, and `shred` (an administrator's key action, offered after a compromise).
   */
  actions: z.array(z.string()),
})
export type ShelterView = z.infer<typeof shelterView>

export const compromiseResultView = z.object({
  shelter: shelterView,
  /** Sessions ended: field workers whose only grants were in this shelter. */
  sessionsEnded: z.number().int(),
  usersSignedOut: z.number().int(),
  coordinatorsNotified: z.number().int(),
})
export type CompromiseResultView = z.infer<typeof compromiseResultView>
