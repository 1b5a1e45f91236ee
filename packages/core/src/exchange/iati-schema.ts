import { z } from 'zod'
import { IATI_COUNTRY_CODES, IATI_ORGANISATION_TYPES } from './iati-codes.js'

/**
 * An IATI organisation identifier: the registration agency's prefix (`JP-CN`, `GB-CHC`…), then
 * the organisation's number in that register; letters, digits and -._ only (IATI's rule).
 */
const orgRef = z
  .string()
  .trim()
  .regex(/^[A-Z]{2}-[A-Z0-9]+-[A-Za-z0-9._-]+$/, { error: 'field.iati_org_ref' })
  .max(100)

const name = z.string().trim().min(1).max(200)

/** What the organisation publishes to IATI as: set once by finance, used by every file. */
export const iatiSettingsSchema = z
  .strictObject({
    orgRef,
    orgType: z.enum(IATI_ORGANISATION_TYPES),
    nameEn: name,
    nameJa: name,
    /** Countries the activities take place in (country level only), percentages adding to 100. */
    countries: z
      .array(
        z.strictObject({
          code: z
            .string()
            .trim()
            .toUpperCase()
            .refine((c) => IATI_COUNTRY_CODES.includes(c), { error: 'field.iati_country' }),
          percentage: z.number().int().min(1).max(100),
        }),
      )
      .min(1)
      .max(20),
  })
  .refine((s) => s.countries.reduce((sum, c) => sum + c.percentage, 0) === 100, {
    error: 'field.iati_percentages',
    path: ['countries'],
  })
  .refine((s) => new Set(s.countries.map((c) => c.code)).size === s.countries.length, {
    error: 'field.iati_country_twice',
    path: ['countries'],
  })
export type IatiSettings = z.infer<typeof iatiSettingsSchema>

export const iatiSettingsView = z.object({
  /** Null until finance sets them: no IATI file can be made before. */
  settings: z
    .object({
      orgRef: z.string(),
      orgType: z.string(),
      nameEn: z.string(),
      nameJa: z.string(),
      countries: z.array(z.object({ code: z.string(), percentage: z.number() })),
      updatedAt: z.string(),
    })
    .nullable(),
})
export type IatiSettingsView = z.infer<typeof iatiSettingsView>

export const iatiFileQuery = z.strictObject({
  fiscalYear: z.coerce.number().int().min(1990).max(2200),
})

/** The IATI files of one fiscal year published at stable addresses of the public site. */
export const iatiPublicYearView = z.object({
  fiscalYear: z.number().int(),
  /** Site addresses (from the site's root), e.g. /open-data/iati/fy2025/activities.xml. */
  paths: z.array(z.string()),
  /** The same files' full public addresses (the site's address and the path), to link to. */
  urls: z.array(z.string()),
  updatedAt: z.string(),
})
export const iatiPublicView = z.object({ items: z.array(iatiPublicYearView) })
export type IatiPublicView = z.infer<typeof iatiPublicView>
export const iatiPublicParams = z.strictObject({
  fiscalYear: z.coerce.number().int().min(1990).max(2200),
})
