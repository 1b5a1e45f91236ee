import { z } from 'zod'

/**
 * The organisation's own disclosure policy for what it publishes (the annual report): an
 * administrator's choice, stored on the server and applied by the disclosure engine.
 * - `thresholds`: k per kind of count; a count below k is never shown as a number.
 * - `roundingBase`: counts of people served at or above k are published rounded to this base
 *   (consistently, by the organisation's rounding secret); null publishes them exactly. Counts of
 *   people at risk are never rounded: suppression protects them.
 * - `dangerousNumbers`: numbers that must never appear in a published figure (e.g. a count the
 *   authorities are known to hold); a report showing one is refused.
 */
export const disclosureSettingsSchema = z.strictObject({
  thresholds: z.strictObject({
    'people-protected': z.number().int().min(1).max(1000),
    'people-served': z.number().int().min(1).max(1000),
  }),
  roundingBase: z.number().int().min(2).max(1000).nullable(),
  dangerousNumbers: z.array(z.number().int().min(0).max(1_000_000_000)).max(200),
})
export type DisclosureSettings = z.infer<typeof disclosureSettingsSchema>

/** What applies until an administrator chooses: the engine's defaults (k = 10 and 5, no rounding). */
export const DEFAULT_DISCLOSURE_SETTINGS: Readonly<DisclosureSettings> = {
  thresholds: { 'people-protected': 10, 'people-served': 5 },
  roundingBase: null,
  dangerousNumbers: [],
}

/** The settings as saved, with the version the administrator read (a stale save is refused). */
export const updateDisclosureSettingsSchema = disclosureSettingsSchema.extend({
  version: z.number().int().min(0),
})
export type UpdateDisclosureSettings = z.infer<typeof updateDisclosureSettingsSchema>

/** The settings as the API shows them: the rounding secret by its public name only. */
export const disclosureSettingsView = disclosureSettingsSchema.extend({
  version: z.number().int(),
  updatedAt: z.string().nullable(),
  roundingSecret: z.object({
    version: z.number().int(),
    fingerprint: z.string(),
    createdAt: z.string(),
  }),
})
export type DisclosureSettingsView = z.infer<typeof disclosureSettingsView>
