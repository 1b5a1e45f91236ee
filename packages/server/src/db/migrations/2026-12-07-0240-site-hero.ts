import type { Kysely } from 'kysely'

/**
 * A hero image per page: the editor picks an uploaded image and describes it in each language
 * (kept with every revision, so restoring one restores its hero). Publishing renders the hero
 * once into `site_documents.hero_html`, and keeps the size of the page's card image so lists
 * can show it as a card without asking for the image first.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of ['cms_documents', 'cms_revisions']) {
    await db.schema.alterTable(table).addColumn('hero_image', 'text').execute()
    await db.schema.alterTable(table).addColumn('hero_alt', 'text').execute()
  }
  await db.schema.alterTable('site_documents').addColumn('hero_html', 'text').execute()
  await db.schema.alterTable('site_documents').addColumn('image_width', 'integer').execute()
  await db.schema.alterTable('site_documents').addColumn('image_height', 'integer').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const column of ['image_height', 'image_width', 'hero_html'])
    await db.schema.alterTable('site_documents').dropColumn(column).execute()
  for (const table of ['cms_revisions', 'cms_documents']) {
    await db.schema.alterTable(table).dropColumn('hero_alt').execute()
    await db.schema.alterTable(table).dropColumn('hero_image').execute()
  }
}
