import { z } from 'zod'
import { SITE_SECTIONS } from '../site/site-paths.js'
import { ENTRY_KINDS } from './cms-schemas.js'

/** What the CMS API answers with. Shared with the staff app. */

export const DOCUMENT_STATUSES = ['draft', 'in_review', 'published'] as const
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number]

export const documentSummaryView = z.object({
  id: z.string(),
  locale: z.string(),
  slug: z.string(),
  title: z.string(),
  /** The working copy's state; `live` says whether some revision is on the public site. */
  status: z.enum(DOCUMENT_STATUSES),
  live: z.boolean(),
  /** Live, and the working copy differs from what the site shows. */
  changedSinceLive: z.boolean(),
  revision: z.number().int(),
  updatedAt: z.string(),
  /** Public address when live, e.g. /ja/news/rice. */
  publicPath: z.string().nullable(),
  /** The same, absolute (the public site may be on another address than the staff app). */
  publicUrl: z.string().nullable(),
})
export type DocumentSummaryView = z.infer<typeof documentSummaryView>

export const documentView = documentSummaryView.extend({
  summary: z.string(),
  body: z.string(),
  eventStart: z.string().nullable(),
  eventEnd: z.string().nullable(),
  eventPlace: z.string().nullable(),
  date: z.string().nullable(),
  /** `/media/<id>.jpg|png` of the hero image, or null. */
  heroImage: z.string().nullable(),
  heroAlt: z.string().nullable(),
  firstPublishedAt: z.string().nullable(),
  lastPublishedAt: z.string().nullable(),
})
export type DocumentView = z.infer<typeof documentView>

export const entryView = z.object({
  id: z.string(),
  kind: z.enum(ENTRY_KINDS),
  fiscalYear: z.number().int().nullable(),
  faqGroupId: z.string().nullable(),
  position: z.number().int(),
  createdAt: z.string(),
  documents: z.array(documentView),
})
export type EntryView = z.infer<typeof entryView>

export const entrySummaryView = entryView.extend({ documents: z.array(documentSummaryView) })
export type EntrySummaryView = z.infer<typeof entrySummaryView>

export const revisionView = z.object({
  id: z.string(),
  number: z.number().int(),
  title: z.string(),
  slug: z.string(),
  reason: z.enum(['created', 'saved', 'restored']),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  /** This revision is the one the public site shows. */
  live: z.boolean(),
})
export type RevisionView = z.infer<typeof revisionView>

export const previewView = z.object({ html: z.string() })

/** A page's images on a 390 px phone, against the budget publishing enforces. */
export const imageWeightView = z.object({
  /** Bytes a 390 px phone downloads for the page's images (the AVIF it picks for each). */
  bytes: z.number().int(),
  budgetBytes: z.number().int(),
  /** Images counted (the hero and each image of the text, once each). */
  images: z.number().int(),
})
export type ImageWeightView = z.infer<typeof imageWeightView>

export const navigationItemView = z.object({
  section: z.enum(SITE_SECTIONS).nullable(),
  entryId: z.string().nullable(),
  /** Label per language, as the site shows it (entries: their published title). */
  labels: z.record(z.string(), z.string()),
})
export const navigationView = z.object({ items: z.array(navigationItemView) })
export type NavigationView = z.infer<typeof navigationView>

export const faqGroupView = z.object({
  id: z.string(),
  position: z.number().int(),
  names: z.record(z.string(), z.string()),
  entries: z.number().int(),
})
export type FaqGroupView = z.infer<typeof faqGroupView>

export const imageView = z.object({
  id: z.string(),
  label: z.string(),
  contentType: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  byteSize: z.number().int(),
  createdAt: z.string(),
  /** Address to write in Markdown: ![what it shows](/media/…) */
  path: z.string(),
  /** A small JPEG as a data: URL, for the editor's image list. */
  thumbnail: z.string(),
})
export type ImageView = z.infer<typeof imageView>
