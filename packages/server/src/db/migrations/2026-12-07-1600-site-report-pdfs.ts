import { type Kysely, sql } from 'kysely'
import { isPostgres } from '../dialect.js'

/**
 * The annual report's PDF as published, one row per release and language: made once when the
 * report (or its correction) is published, and served as stored, so a later release never
 * changes the document an earlier link points to.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const blob = isPostgres(db) ? sql`bytea` : sql`blob`
  await db.schema
    .createTable('site_report_pdfs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('release', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('byte_size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('data', blob, (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('site_report_pdfs_year')
    .on('site_report_pdfs')
    .columns(['fiscal_year', 'locale', 'published_at'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('site_report_pdfs').execute()
}
