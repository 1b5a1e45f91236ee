import { sql } from 'kysely'
import type { DialectName } from '../../db/database.js'
import type { Db } from '../../db/db-handle.js'
import type {
  SiteCampaignsTable,
  SiteDocumentsTable,
  SiteFaqGroupsTable,
  SiteIdentityTable,
  SiteImpactFiguresTable,
  SiteMediaTable,
  SiteMediaVariantsTable,
  SiteNavigationTable,
  SiteReportPdfsTable,
} from '../../site/site-tables.js'

/**
 * Writes to the published (`site_*`) tables. Only the CMS's publish, navigation and FAQ-topic
 * actions call these; the public site reads the same tables through its own read-only store.
 */

export async function upsertSiteDocument(db: Db, row: SiteDocumentsTable): Promise<void> {
  await db.deleteFrom('site_documents').where('id', '=', row.id).execute()
  await db.insertInto('site_documents').values(row).execute()
}

export async function deleteSiteDocument(db: Db, id: string): Promise<void> {
  await db.deleteFrom('site_documents').where('id', '=', id).execute()
}

export async function updateSiteDocumentsOfEntry(
  db: Db,
  entryId: string,
  changes: Partial<Pick<SiteDocumentsTable, 'fiscal_year' | 'faq_group_id' | 'position'>>,
): Promise<void> {
  await db.updateTable('site_documents').set(changes).where('entry_id', '=', entryId).execute()
}

/** A live slug of another document, which a new or renamed document may not take. */
export async function findLiveSlug(
  db: Db,
  kind: string,
  locale: string,
  slug: string,
): Promise<{ id: string } | undefined> {
  return db
    .selectFrom('site_documents')
    .select('id')
    .where('kind', '=', kind as SiteDocumentsTable['kind'])
    .where('locale', '=', locale)
    .where('slug', '=', slug)
    .executeTakeFirst()
}

export interface SearchEntry {
  documentId: string
  locale: string
  kind: SiteDocumentsTable['kind']
  slug: string
  title: string
  titleFolded: string
  bodyText: string
  searchText: string
  publishedAt: string
}

/** Replaces the search entry of a document (SQLite also keeps its FTS5 trigram table in step). */
export async function replaceSearchEntry(
  db: Db,
  dialect: DialectName,
  entry: SearchEntry,
): Promise<void> {
  await deleteSearchEntry(db, dialect, entry.documentId)
  const inserted = await db
    .insertInto('site_search')
    .values({
      document_id: entry.documentId,
      locale: entry.locale,
      kind: entry.kind,
      slug: entry.slug,
      title: entry.title,
      title_folded: entry.titleFolded,
      body_text: entry.bodyText,
      search_text: entry.searchText,
      published_at: entry.publishedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  if (dialect === 'sqlite') {
    await sql`insert into site_search_fts (rowid, search_text) values (${inserted.id}, ${entry.searchText})`.execute(
      db,
    )
  }
}

export async function deleteSearchEntry(
  db: Db,
  dialect: DialectName,
  documentId: string,
): Promise<void> {
  const rows = await db
    .selectFrom('site_search')
    .select('id')
    .where('document_id', '=', documentId)
    .execute()
  if (rows.length === 0) return
  if (dialect === 'sqlite') {
    for (const row of rows)
      await sql`delete from site_search_fts where rowid = ${row.id}`.execute(db)
  }
  await db.deleteFrom('site_search').where('document_id', '=', documentId).execute()
}

/** Copies an image to the site's media unless it is there already (images never change). */
export async function publishMedia(db: Db, row: SiteMediaTable): Promise<void> {
  const exists = await db
    .selectFrom('site_media')
    .select('id')
    .where('id', '=', row.id)
    .executeTakeFirst()
  if (!exists) await db.insertInto('site_media').values(row).execute()
}

/** Copies an image's stored variants to the site with it (once: they never change either). */
export async function publishMediaVariants(
  db: Db,
  rows: readonly SiteMediaVariantsTable[],
): Promise<void> {
  const first = rows[0]
  if (!first) return
  const exists = await db
    .selectFrom('site_media_variants')
    .select('media_id')
    .where('media_id', '=', first.media_id)
    .executeTakeFirst()
  if (!exists)
    await db
      .insertInto('site_media_variants')
      .values([...rows])
      .execute()
}

/** Images on the site that have no stored variants (published before variants were kept). */
export async function siteMediaIdsWithoutVariants(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('site_media')
    .select('id')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('site_media_variants')
            .select('media_id')
            .whereRef('site_media_variants.media_id', '=', 'site_media.id'),
        ),
      ),
    )
    .orderBy('published_at')
    .execute()
  return rows.map((r) => r.id)
}

/** A published image's master, to encode its variants from. */
export async function findSiteMediaMaster(
  db: Db,
  id: string,
): Promise<Pick<SiteMediaTable, 'id' | 'width' | 'data'> | undefined> {
  return db
    .selectFrom('site_media')
    .select(['id', 'width', 'data'])
    .where('id', '=', id)
    .executeTakeFirst()
}

export async function publishedMediaIds(db: Db, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set()
  const rows = await db.selectFrom('site_media').select('id').where('id', 'in', ids).execute()
  return new Set(rows.map((r) => r.id))
}

export async function replaceNavigation(
  db: Db,
  items: readonly SiteNavigationTable[],
): Promise<void> {
  await db.deleteFrom('site_navigation').execute()
  if (items.length > 0)
    await db
      .insertInto('site_navigation')
      .values([...items])
      .execute()
}

export async function readNavigation(db: Db): Promise<SiteNavigationTable[]> {
  return db.selectFrom('site_navigation').selectAll().orderBy('position').execute()
}

export async function listFaqGroups(db: Db): Promise<SiteFaqGroupsTable[]> {
  return db.selectFrom('site_faq_groups').selectAll().orderBy('position').execute()
}

export async function findFaqGroup(db: Db, id: string): Promise<SiteFaqGroupsTable | undefined> {
  return db.selectFrom('site_faq_groups').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function insertFaqGroup(db: Db, row: SiteFaqGroupsTable): Promise<void> {
  await db.insertInto('site_faq_groups').values(row).execute()
}

export async function updateFaqGroup(
  db: Db,
  id: string,
  changes: Partial<Omit<SiteFaqGroupsTable, 'id'>>,
): Promise<void> {
  await db.updateTable('site_faq_groups').set(changes).where('id', '=', id).execute()
}

export async function deleteFaqGroup(db: Db, id: string): Promise<void> {
  await db.deleteFrom('site_faq_groups').where('id', '=', id).execute()
}

/** Titles of live pages by entry, for labelling navigation in the CMS. */
export async function livePageTitles(
  db: Db,
  entryIds: readonly string[],
): Promise<{ entry_id: string; locale: string; title: string }[]> {
  if (entryIds.length === 0) return []
  return db
    .selectFrom('site_documents')
    .select(['entry_id', 'locale', 'title'])
    .where('entry_id', 'in', entryIds)
    .execute()
}

/** Tells every page cache that published content changed (see site/site-cache). */
export async function bumpSiteVersion(db: Db, now: string): Promise<void> {
  const updated = await db
    .updateTable('site_state')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: now }))
    .where('id', '=', 1)
    .executeTakeFirst()
  if (Number(updated.numUpdatedRows) === 0)
    // The first publication creates the row; two at once must not both insert it.
    await db
      .insertInto('site_state')
      .values({ id: 1, version: 1, updated_at: now })
      .onConflict((oc) =>
        oc
          .column('id')
          .doUpdateSet((eb) => ({ version: eb('site_state.version', '+', 1), updated_at: now })),
      )
      .execute()
}

/** Slugs the site shows for these documents (the live one may differ from the working copy). */
export async function liveSlugs(
  db: Db,
  documentIds: readonly string[],
): Promise<Map<string, string>> {
  if (documentIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('site_documents')
    .select(['id', 'slug'])
    .where('id', 'in', documentIds)
    .execute()
  return new Map(rows.map((r) => [r.id, r.slug]))
}

export async function replaceImpactFigures(
  db: Db,
  rows: readonly SiteImpactFiguresTable[],
): Promise<void> {
  await db.deleteFrom('site_impact_figures').execute()
  if (rows.length > 0)
    await db
      .insertInto('site_impact_figures')
      .values([...rows])
      .execute()
}

/** The figures on the home page now, in order (what the editor's screen shows). */
export async function listImpactFigures(db: Db): Promise<SiteImpactFiguresTable[]> {
  return db.selectFrom('site_impact_figures').selectAll().orderBy('position').execute()
}

export async function countImpactFigures(db: Db): Promise<number> {
  const row = await db
    .selectFrom('site_impact_figures')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst()
  return Number(row?.n ?? 0)
}

/** The site's look as editors last set it, with the logo's size when there is one. */
export async function findIdentity(
  db: Db,
): Promise<{ accent: string | null; logo: { id: string; width: number; height: number } | null }> {
  const row = await db.selectFrom('site_identity').selectAll().executeTakeFirst()
  if (!row) return { accent: null, logo: null }
  const logo = row.logo_media_id
    ? await db
        .selectFrom('site_media')
        .select(['id', 'width', 'height'])
        .where('id', '=', row.logo_media_id)
        .executeTakeFirst()
    : undefined
  return { accent: row.accent, logo: logo ?? null }
}

export async function saveIdentity(db: Db, row: SiteIdentityTable): Promise<void> {
  await db.deleteFrom('site_identity').execute()
  await db.insertInto('site_identity').values(row).execute()
}

/** A campaign page as approved: replaces what was at its address (withdrawn or not). */
export async function upsertSiteCampaign(db: Db, row: SiteCampaignsTable): Promise<void> {
  await db.deleteFrom('site_campaigns').where('slug', '=', row.slug).execute()
  await db.insertInto('site_campaigns').values(row).execute()
}

/** Withdraws a campaign page: its address stays (410 Gone), everything it said is erased. */
export async function eraseSiteCampaign(db: Db, slug: string, now: string): Promise<void> {
  await db
    .updateTable('site_campaigns')
    .set({
      public_name: null,
      arrested_on: null,
      arrest_place: null,
      term_months: null,
      ended_on: null,
      status: null,
      text_en: null,
      text_ja: null,
      published_at: null,
      withdrawn_at: now,
      updated_at: now,
    })
    .where('slug', '=', slug)
    .execute()
}

/** Adds a published report PDF (one release, one language); an earlier release's row stays. */
export async function insertReportPdf(db: Db, row: SiteReportPdfsTable): Promise<void> {
  await db.insertInto('site_report_pdfs').values(row).execute()
}
