import type { DocumentKind } from '@haven/core/site/site-paths'

/**
 * The editors' side of the website: drafts, revisions and uploaded images. The public site never
 * reads these tables; publishing copies what is public into the `site_*` tables.
 */

/** What is shared by every language version of one piece of content (a translation group). */
export interface CmsEntriesTable {
  id: string
  kind: DocumentKind
  fiscal_year: number | null
  faq_group_id: string | null
  position: number
  created_at: string
  created_by: string | null
  updated_at: string
}

/** One language of an entry: its working copy and where it stands in the workflow. */
export interface CmsDocumentsTable {
  id: string
  entry_id: string
  /** Copied from the entry so slugs can be unique per kind and language. */
  kind: DocumentKind
  locale: string
  slug: string
  title: string
  summary: string
  body_md: string
  event_start: string | null
  event_end: string | null
  event_place: string | null
  /** Date shown on the article (YYYY-MM-DD); the day of first publication when null. */
  display_date: string | null
  /** `/media/<id>.jpg|png` shown at the top of the page, and what it shows in this language. */
  hero_image: string | null
  hero_alt: string | null
  status: 'draft' | 'in_review' | 'published'
  /** Number of the working copy's latest revision. */
  revision: number
  /** Revision the public site shows, if any. */
  live_revision: number | null
  first_published_at: string | null
  last_published_at: string | null
  updated_at: string
  updated_by: string | null
}

/** Every saved state of a document, kept so any can be restored. */
export interface CmsRevisionsTable {
  id: string
  document_id: string
  number: number
  slug: string
  title: string
  summary: string
  body_md: string
  event_start: string | null
  event_end: string | null
  event_place: string | null
  display_date: string | null
  hero_image: string | null
  hero_alt: string | null
  reason: 'created' | 'saved' | 'restored'
  created_at: string
  created_by: string | null
}

/** Uploaded images, already re-encoded (no metadata survives); copied to the site on publish. */
export interface CmsImagesTable {
  id: string
  label: string
  content_type: 'image/jpeg' | 'image/png'
  width: number
  height: number
  byte_size: number
  sha256: string
  data: Uint8Array
  thumbnail: Uint8Array
  created_at: string
  created_by: string | null
}

/** One encoded variant of an upload (see site/image-variants), made once at upload. */
export interface CmsImageVariantsTable {
  media_id: string
  width: number
  format: 'avif' | 'webp' | 'jpg'
  byte_size: number
  data: Uint8Array
}

export interface CmsTables {
  cms_entries: CmsEntriesTable
  cms_documents: CmsDocumentsTable
  cms_revisions: CmsRevisionsTable
  cms_images: CmsImagesTable
  cms_image_variants: CmsImageVariantsTable
}

// The module's tables join the database's type from here (declaration merging, as its policy
// joins Entities), so db/schema.ts names no module.
declare module '../../db/schema.js' {
  interface Database extends CmsTables {}
}
