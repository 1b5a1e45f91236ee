import { type Kysely, sql } from 'kysely'
import { isPostgres } from '../dialect.js'

/**
 * Open-data files published on the site at a stable address (the IATI files of a fiscal year),
 * stored as published so the public site serves them without reading anything else.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const blob = isPostgres(db) ? sql`bytea` : sql`blob`
  await db.schema
    .createTable('site_open_data')
    .addColumn('path', 'text', (c) => c.primaryKey())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('byte_size', 'integer', (c) => c.notNull())
    .addColumn('data', blob, (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('site_open_data').execute()
}
