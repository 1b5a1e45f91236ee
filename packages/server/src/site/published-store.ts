import type { DocumentKind } from '@haven/core/site/site-paths'
import type { PublishedDb } from './published-db.js'
import type {
  SiteCampaignsTable,
  SiteDocumentsTable,
  SiteFaqGroupsTable,
  SiteIdentityTable,
  SiteImpactFiguresTable,
  SiteMediaTable,
  SiteNavigationTable,
  SiteOpenDataTable,
} from './site-tables.js'

/**
 * Everything the public site reads, and the only module of the site that talks to the database.
 * It takes a PublishedDb, which knows no other tables than the published ones.
 */

export async function readSiteState(
  db: PublishedDb,
): Promise<{ version: number; updatedAt: string }> {
  const row = await db.selectFrom('site_state').select(['version', 'updated_at']).executeTakeFirst()
  return {
    version: Number(row?.version ?? 0),
    updatedAt: row?.updated_at ?? new Date(0).toISOString(),
  }
}

export async function findPublished(
  db: PublishedDb,
  kind: DocumentKind,
  locale: string,
  slug: string,
): Promise<SiteDocumentsTable | undefined> {
  return db
    .selectFrom('site_documents')
    .selectAll()
    .where('kind', '=', kind)
    .where('locale', '=', locale)
    .where('slug', '=', slug)
    .executeTakeFirst()
}

export interface Translation {
  locale: string
  kind: DocumentKind
  slug: string
}

/** The published language versions of an entry. */
export async function translationsOf(db: PublishedDb, entryId: string): Promise<Translation[]> {
  return db
    .selectFrom('site_documents')
    .select(['locale', 'kind', 'slug'])
    .where('entry_id', '=', entryId)
    .orderBy('locale')
    .execute()
}

export type Listing = Omit<SiteDocumentsTable, 'html' | 'hero_html'>
const LISTING_COLUMNS = [
  'id',
  'entry_id',
  'kind',
  'locale',
  'slug',
  'title',
  'summary',
  'fiscal_year',
  'faq_group_id',
  'position',
  'event_start',
  'event_end',
  'event_place',
  'image_id',
  'image_width',
  'image_height',
  'published_at',
  'updated_at',
] as const

/** News in one language, newest first. */
export async function listNews(
  db: PublishedDb,
  locale: string,
  limit: number,
  offset: number,
): Promise<Listing[]> {
  return db
    .selectFrom('site_documents')
    .select(LISTING_COLUMNS)
    .where('kind', '=', 'news')
    .where('locale', '=', locale)
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute()
}

export async function countPublished(
  db: PublishedDb,
  kind: DocumentKind,
  locale: string,
): Promise<number> {
  const row = await db
    .selectFrom('site_documents')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('kind', '=', kind)
    .where('locale', '=', locale)
    .executeTakeFirst()
  return Number(row?.n ?? 0)
}

/** Newest news with their rendered text, for the Atom feed. */
export async function newsForFeed(
  db: PublishedDb,
  locale: string,
  limit: number,
): Promise<SiteDocumentsTable[]> {
  return db
    .selectFrom('site_documents')
    .selectAll()
    .where('kind', '=', 'news')
    .where('locale', '=', locale)
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
}

/** Activity reports in one language, latest fiscal year first. */
export async function listReports(db: PublishedDb, locale: string): Promise<Listing[]> {
  return db
    .selectFrom('site_documents')
    .select(LISTING_COLUMNS)
    .where('kind', '=', 'report')
    .where('locale', '=', locale)
    .orderBy('fiscal_year', 'desc')
    .orderBy('published_at', 'desc')
    .limit(200)
    .execute()
}

/** FAQ answers in one language, in topic order then their own order. */
export async function listFaq(db: PublishedDb, locale: string): Promise<SiteDocumentsTable[]> {
  return db
    .selectFrom('site_documents')
    .selectAll()
    .where('kind', '=', 'faq')
    .where('locale', '=', locale)
    .orderBy('position')
    .orderBy('published_at')
    .limit(500)
    .execute()
}

export async function listFaqGroups(db: PublishedDb): Promise<SiteFaqGroupsTable[]> {
  return db.selectFrom('site_faq_groups').selectAll().orderBy('position').execute()
}

export async function readNavigation(db: PublishedDb): Promise<SiteNavigationTable[]> {
  return db.selectFrom('site_navigation').selectAll().orderBy('position').execute()
}

/** Live pages' titles and slugs, for navigation labels and links in every language. */
export async function livePages(
  db: PublishedDb,
): Promise<Pick<SiteDocumentsTable, 'entry_id' | 'locale' | 'slug' | 'title'>[]> {
  return db
    .selectFrom('site_documents')
    .select(['entry_id', 'locale', 'slug', 'title'])
    .where('kind', '=', 'page')
    .execute()
}

export async function findMedia(db: PublishedDb, id: string): Promise<SiteMediaTable | undefined> {
  return db.selectFrom('site_media').selectAll().where('id', '=', id).executeTakeFirst()
}

/** A stored variant of a published image (made at upload, copied when published). */
export async function findMediaVariant(
  db: PublishedDb,
  id: string,
  width: number,
  format: string,
): Promise<Uint8Array | undefined> {
  const row = await db
    .selectFrom('site_media_variants')
    .select('data')
    .where('media_id', '=', id)
    .where('width', '=', width)
    .where('format', '=', format as 'avif')
    .executeTakeFirst()
  return row?.data
}

export async function findMediaSize(
  db: PublishedDb,
  id: string,
): Promise<Pick<SiteMediaTable, 'width' | 'height' | 'content_type'> | undefined> {
  return db
    .selectFrom('site_media')
    .select(['width', 'height', 'content_type'])
    .where('id', '=', id)
    .executeTakeFirst()
}

/** Every published document's address facts, for the sitemap. */
export async function sitemapEntries(
  db: PublishedDb,
): Promise<Pick<SiteDocumentsTable, 'entry_id' | 'kind' | 'locale' | 'slug' | 'updated_at'>[]> {
  return db
    .selectFrom('site_documents')
    .select(['entry_id', 'kind', 'locale', 'slug', 'updated_at'])
    .where('kind', '!=', 'faq')
    .orderBy('kind')
    .orderBy('slug')
    .limit(50_000)
    .execute()
}

/** Campaign pages on the site (withdrawn ones left out), by address. */
export async function liveCampaigns(db: PublishedDb): Promise<SiteCampaignsTable[]> {
  return db
    .selectFrom('site_campaigns')
    .selectAll()
    .where('withdrawn_at', 'is', null)
    .orderBy('slug')
    .limit(1000)
    .execute()
}

/** One campaign page, withdrawn or not (a withdrawn one is answered 410 Gone). */
export async function findCampaign(
  db: PublishedDb,
  slug: string,
): Promise<SiteCampaignsTable | undefined> {
  return db.selectFrom('site_campaigns').selectAll().where('slug', '=', slug).executeTakeFirst()
}

/** Every open-data file's address, for the sitemap. */
export async function openDataEntries(
  db: PublishedDb,
): Promise<Pick<SiteOpenDataTable, 'path' | 'updated_at'>[]> {
  return db
    .selectFrom('site_open_data')
    .select(['path', 'updated_at'])
    .orderBy('path')
    .limit(10_000)
    .execute()
}

/** A published open-data file by its address. */
export async function findOpenData(
  db: PublishedDb,
  path: string,
): Promise<SiteOpenDataTable | undefined> {
  return db.selectFrom('site_open_data').selectAll().where('path', '=', path).executeTakeFirst()
}

/** The home page's impact figures, in the order they were published. */
export async function readImpactFigures(db: PublishedDb): Promise<SiteImpactFiguresTable[]> {
  return db.selectFrom('site_impact_figures').selectAll().orderBy('position').execute()
}

/** The site's look (accent, logo) with the logo's size, or nothing when editors set none. */
export async function readIdentity(
  db: PublishedDb,
): Promise<
  | (SiteIdentityTable & { logo: Pick<SiteMediaTable, 'width' | 'height' | 'content_type'> | null })
  | undefined
> {
  const row = await db.selectFrom('site_identity').selectAll().executeTakeFirst()
  if (!row) return undefined
  const logo = row.logo_media_id ? ((await findMediaSize(db, row.logo_media_id)) ?? null) : null
  return { ...row, logo }
}

/** The newest PDF of a year's published report in a language (its latest release), if any. */
export async function findLatestReportPdf(
  db: PublishedDb,
  fiscalYear: number,
  locale: string,
): Promise<{ id: string; byte_size: number } | undefined> {
  return db
    .selectFrom('site_report_pdfs')
    .select(['id', 'byte_size'])
    .where('fiscal_year', '=', fiscalYear)
    .where('locale', '=', locale)
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst()
}

/** A published report PDF by its id (every release keeps its own). */
export async function findReportPdf(
  db: PublishedDb,
  id: string,
): Promise<{ data: Uint8Array; file_name: string; locale: string } | undefined> {
  return db
    .selectFrom('site_report_pdfs')
    .select(['data', 'file_name', 'locale'])
    .where('id', '=', id)
    .executeTakeFirst()
}
