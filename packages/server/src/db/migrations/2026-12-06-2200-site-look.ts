import type { Kysely } from 'kysely'

/**
 * The site's identity (one row: accent colour, logo) and impact figures for the home page, as the disclosure engine let them through (what is shown,
 * never the count behind a band of words), with the fiscal year they count.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('site_impact_figures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('figure_key', 'text', (c) => c.notNull())
    .addColumn('label_en', 'text', (c) => c.notNull())
    .addColumn('label_ja', 'text', (c) => c.notNull())
    .addColumn('shown', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('site_identity')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('accent', 'text')
    .addColumn('logo_media_id', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('site_identity').execute()
  await db.schema.dropTable('site_impact_figures').execute()
}
