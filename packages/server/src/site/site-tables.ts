import type { DocumentKind, SiteSection } from '@haven/core/site/site-paths'
import type { Generated } from 'kysely'

/**
 * Published content: the only tables the public site reads. They are written by the CMS's
 * publish, navigation and FAQ-topic actions and hold nothing that was not meant for the public.
 */

export interface SiteDocumentsTable {
  /** The CMS document id (one row per language). */
  id: string
  entry_id: string
  kind: DocumentKind
  locale: string
  slug: string
  title: string
  summary: string
  /** Rendered from Markdown by the sanitising renderer at publish time. */
  html: string
  fiscal_year: number | null
  faq_group_id: string | null
  position: number
  event_start: string | null
  event_end: string | null
  event_place: string | null
  /** First image of the page, for OpenGraph. */
  image_id: string | null
  /** Size of that image, so a list can show it as a card (null for pages published before). */
  image_width: number | null
  image_height: number | null
  /** The page's hero, rendered at publish time like the body (a <picture>), or null. */
  hero_html: string | null
  published_at: string
  updated_at: string
}

export interface SiteFaqGroupsTable {
  id: string
  position: number
  /** JSON object of names by language, e.g. {"en":"Donations","ja":"寄付"}. */
  names: string
}

export interface SiteNavigationTable {
  id: string
  position: number
  section: SiteSection | null
  entry_id: string | null
}

export interface SiteMediaTable {
  id: string
  content_type: 'image/jpeg' | 'image/png'
  width: number
  height: number
  byte_size: number
  sha256: string
  data: Uint8Array
  published_at: string
}

/** A published image's stored variant (AVIF/WebP/JPEG at one width), copied from the CMS. */
export interface SiteMediaVariantsTable {
  media_id: string
  width: number
  format: 'avif' | 'webp' | 'jpg'
  byte_size: number
  data: Uint8Array
}

/** Full-text search over published documents; the text is folded (see core/site/search-text). */
export interface SiteSearchTable {
  id: Generated<number>
  document_id: string
  locale: string
  kind: DocumentKind
  slug: string
  title: string
  title_folded: string
  /** Plain text of the body, for snippets. */
  body_text: string
  /** Folded title and body: what queries are matched against. */
  search_text: string
  published_at: string
}

/** One row: a counter bumped by every publication, so page caches know when to refresh. */
export interface SiteStateTable {
  id: number
  version: number
  updated_at: string
}

/** A home-page impact figure as published (see core/src/cms/impact-figures.ts). */
export interface SiteImpactFiguresTable {
  id: string
  position: number
  fiscal_year: number
  figure_key: string
  label_en: string
  label_ja: string
  /** JSON of ImpactShown: what the disclosure engine let through, never the count behind it. */
  shown: string
  published_at: string
}

/** An annual report's PDF as published: one per release and language, never changed after. */
export interface SiteReportPdfsTable {
  id: string
  fiscal_year: number
  locale: string
  /** The disclosure release it belongs to (`annual-report-FY2005`, `…-correction-1`). */
  release: string
  /** The name a download is saved under. */
  file_name: string
  byte_size: number
  sha256: string
  data: Uint8Array
  published_at: string
}

/** The site's look editors control: one row, id 'site'. */
export interface SiteIdentityTable {
  id: string
  /** `#rrggbb`, readable on white; null for the built-in colour. */
  accent: string | null
  /** A published image (site_media) shown beside the name; null for the built-in mark. */
  logo_media_id: string | null
  updated_at: string
}

/**
 * A detained aid worker's campaign page as approved: only the chosen fields, the others null.
 * Withdrawn: everything but the address erased (the site answers 410 there).
 */
export interface SiteCampaignsTable {
  slug: string
  /** Only ever set for a record marked as a public figure. */
  public_name: string | null
  /** At the precision recorded (a year, a month or a day). */
  arrested_on: string | null
  arrest_place: string | null
  term_months: number | null
  /** Release, deportation or death: served time stops there. */
  ended_on: string | null
  status: string | null
  text_en: string | null
  text_ja: string | null
  published_at: string | null
  withdrawn_at: string | null
  updated_at: string
}

/** An open-data file at a stable address under /open-data/ (an IATI file), as published. */
export interface SiteOpenDataTable {
  /** The address on the site, e.g. `/open-data/iati/fy2025/activities.xml`. */
  path: string
  content_type: string
  byte_size: number
  data: Uint8Array
  updated_at: string
}

export interface SiteTables {
  site_documents: SiteDocumentsTable
  site_faq_groups: SiteFaqGroupsTable
  site_navigation: SiteNavigationTable
  site_media: SiteMediaTable
  site_media_variants: SiteMediaVariantsTable
  site_search: SiteSearchTable
  site_state: SiteStateTable
  site_impact_figures: SiteImpactFiguresTable
  site_identity: SiteIdentityTable
  site_campaigns: SiteCampaignsTable
  site_report_pdfs: SiteReportPdfsTable
  site_open_data: SiteOpenDataTable
}

/** Every table the public site may read. A query naming any other table is refused at runtime. */
export const PUBLISHED_TABLES: readonly string[] = Object.freeze([
  'site_documents',
  'site_faq_groups',
  'site_navigation',
  'site_media',
  'site_media_variants',
  'site_search',
  'site_search_fts',
  'site_state',
  'site_impact_figures',
  'site_identity',
  'site_campaigns',
  'site_report_pdfs',
  'site_open_data',
])
