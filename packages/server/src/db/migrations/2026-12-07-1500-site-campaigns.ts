import type { Kysely } from 'kysely'

/**
 * Campaign pages for detained aid workers as the public site shows them: only the fields an
 * approver let go public (the others null). A withdrawn page keeps its address and nothing else,
 * so the site answers 410 Gone there rather than a page that never existed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('site_campaigns')
    .addColumn('slug', 'text', (c) => c.primaryKey())
    .addColumn('public_name', 'text')
    .addColumn('arrested_on', 'text')
    .addColumn('arrest_place', 'text')
    .addColumn('term_months', 'integer')
    .addColumn('ended_on', 'text')
    .addColumn('status', 'text')
    .addColumn('text_en', 'text')
    .addColumn('text_ja', 'text')
    .addColumn('published_at', 'text')
    .addColumn('withdrawn_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('site_campaigns').execute()
}
