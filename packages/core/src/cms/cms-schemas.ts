import { z } from 'zod'
import { LOCALES } from '../i18n/locales.js'
import { SITE_SECTIONS } from '../site/site-paths.js'
import { SLUG_MAX_LENGTH } from '../site/slug.js'

/** Request bodies of the CMS API, shared by the server (validation) and the staff app (forms). */

export const CMS_BODY_MAX_LENGTH = 100_000
const idSchema = z.string().min(1).max(100)
const locale = z.enum(LOCALES)

/** Format only; reserved words and uniqueness are checked by the server (they depend on kind). */
export const slugSchema = z
  .string()
  .trim()
  .min(1)
  .max(SLUG_MAX_LENGTH)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'field.slug_format' })

const optionalDateTime = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/, { error: 'field.date_format' })
  .nullable()
  .optional()

/** An uploaded image as the image library names it: `/media/<id>.jpg` or `.png`. */
const mediaReference = z
  .string()
  .trim()
  .regex(/^\/media\/[0-9a-f-]{36}\.(?:jpg|png)$/, { error: 'field.media_reference' })

/** What an editor writes for one language of an entry. */
export const documentContentSchema = z.strictObject({
  slug: slugSchema,
  title: z.string().trim().min(1).max(200),
  summary: z.string().trim().max(500).default(''),
  body: z.string().max(CMS_BODY_MAX_LENGTH).default(''),
  /** News about an event (a screening, a hearing): shown with its date and place. */
  eventStart: optionalDateTime,
  eventEnd: optionalDateTime,
  eventPlace: z.string().trim().max(200).nullable().optional(),
  /** Date shown on the article; the day it is first published when left empty. */
  date: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'field.date_format' })
    .nullable()
    .optional(),
  /** The image at the top of the page (from the image library), and what it shows. */
  heroImage: mediaReference.nullable().optional(),
  heroAlt: z.string().trim().max(300).nullable().optional(),
})
export type DocumentContent = z.infer<typeof documentContentSchema>

export const ENTRY_KINDS = ['page', 'news', 'report', 'faq'] as const

export const entryOptionsSchema = z.strictObject({
  /** Reports: the first year of the fiscal year (2005 for FY2005–2006). */
  fiscalYear: z.number().int().min(1900).max(2200).nullable().optional(),
  /** FAQ entries: the topic they are listed under. */
  faqGroupId: idSchema.nullable().optional(),
  /** FAQ entries: order within the topic. */
  position: z.number().int().min(0).max(100_000).optional(),
})

export const createEntrySchema = z.strictObject({
  kind: z.enum(ENTRY_KINDS),
  locale,
  ...entryOptionsSchema.shape,
  ...documentContentSchema.shape,
})
export type CreateEntry = z.infer<typeof createEntrySchema>

export const addTranslationSchema = z.strictObject({ locale, ...documentContentSchema.shape })

export const saveDocumentSchema = z.strictObject({
  ...documentContentSchema.shape,
  /** The revision the editor started from; a save over someone else's newer one is refused. */
  baseRevision: z.number().int().min(0),
})

export const previewSchema = z.strictObject({
  title: z.string().max(200).default(''),
  body: z.string().max(CMS_BODY_MAX_LENGTH).default(''),
})

/**
 * What a page's images would weigh on a phone, asked while the editor types: the hero field as
 * typed (checked loosely, since it may be half-written) and the Markdown text.
 */
export const imageWeightSchema = z.strictObject({
  heroImage: z.string().max(300).nullable().default(null),
  body: z.string().max(CMS_BODY_MAX_LENGTH).default(''),
})

export const listEntriesQuerySchema = z.strictObject({
  kind: z.enum(ENTRY_KINDS).optional(),
})

export const navigationItemSchema = z.union([
  z.strictObject({ section: z.enum(SITE_SECTIONS) }),
  z.strictObject({ entryId: idSchema }),
])
export const navigationSchema = z.strictObject({
  items: z.array(navigationItemSchema).max(20),
})

const groupNames = z.record(z.string().regex(/^[a-z]{2}$/), z.string().trim().max(120))
export const faqGroupSchema = z.strictObject({
  names: groupNames.refine((names) => Object.values(names).some((n) => n.length > 0), {
    error: 'field.required',
  }),
})
export const faqGroupOrderSchema = z.strictObject({ ids: z.array(idSchema).max(200) })

/** Largest image accepted, as sent (before re-encoding). */
export const IMAGE_MAX_BYTES = 8 * 1024 * 1024
export const imageUploadSchema = z.strictObject({
  /** What the image shows, for editors finding it again; not the file name (which may identify). */
  label: z.string().trim().max(200).default(''),
  /** The file, base64-encoded. */
  data: z
    .string()
    .min(1)
    .max(Math.ceil((IMAGE_MAX_BYTES * 4) / 3) + 4, { error: 'field.image_too_large' }),
})

export const idParams = z.strictObject({ id: idSchema })
export const revisionParams = z.strictObject({ id: idSchema, revisionId: idSchema })
