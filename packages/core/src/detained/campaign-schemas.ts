import { z } from 'zod'
import type { DETENTION_STATUSES } from './detained-schemas.js'

/** The address of a campaign page on the public site: `/{lang}/campaigns/{slug}`. */
export const campaignSlugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'field.slug_format' })
  .max(80)

const campaignText = z.string().trim().min(1).max(5000)

/**
 * What an approver lets go public, field by field. Nothing is public by default: the record's
 * code, nationality, charge and sealed texts never are. The name only for a public figure.
 */
export const campaignFieldsSchema = z.strictObject({
  /** The name, opened from its seal: refused unless the record is marked a public figure. */
  publicName: z.boolean(),
  /** Arrest date and place, at the precision recorded (a year or a month, generalised). */
  arrest: z.boolean(),
  /** The term and the time served ("more than two-thirds of a five-year term"): needs the arrest. */
  sentence: z.boolean(),
  status: z.boolean(),
})
export type CampaignFields = z.infer<typeof campaignFieldsSchema>

/** Approving (or re-approving with other choices) the public campaign page of a record. */
export const approveCampaignSchema = z
  .strictObject({
    slug: campaignSlugSchema,
    fields: campaignFieldsSchema,
    textEn: campaignText,
    textJa: campaignText,
  })
  .refine((c) => !c.fields.sentence || c.fields.arrest, {
    path: ['fields', 'sentence'],
    error: 'field.sentence_needs_arrest',
  })
export type ApproveCampaign = z.infer<typeof approveCampaignSchema>

/** A record's campaign as the app shows it to those who may approve it. */
export const campaignView = z.object({
  slug: z.string(),
  fields: campaignFieldsSchema,
  textEn: z.string(),
  textJa: z.string(),
  approvedAt: z.string(),
})
export type CampaignView = z.infer<typeof campaignView>

/** What the public site holds for one approved campaign: only the chosen fields, others null. */
export interface PublicCampaign {
  slug: string
  publicName: string | null
  arrestedOn: string | null
  arrestPlace: string | null
  termMonths: number | null
  endedOn: string | null
  status: (typeof DETENTION_STATUSES)[number] | null
  textEn: string
  textJa: string
}
