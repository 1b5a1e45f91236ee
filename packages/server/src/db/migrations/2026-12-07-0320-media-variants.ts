import { type Kysely, sql } from 'kysely'
import { isPostgres } from '../dialect.js'

/**
 * Encoded variants of each uploaded image (AVIF, WebP and JPEG at the `srcset` widths), made once
 * at upload and copied to the site with the image when a page using it is published, so a server
 * serves stored bytes instead of encoding them again after every start.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const blob = isPostgres(db) ? sql`bytea` : sql`blob`
  for (const table of ['cms_image_variants', 'site_media_variants']) {
    await db.schema
      .createTable(table)
      .addColumn('media_id', 'text', (c) => c.notNull())
      .addColumn('width', 'integer', (c) => c.notNull())
      .addColumn('format', 'text', (c) => c.notNull())
      .addColumn('byte_size', 'integer', (c) => c.notNull())
      .addColumn('data', blob, (c) => c.notNull())
      .addPrimaryKeyConstraint(`${table}_pk`, ['media_id', 'width', 'format'])
      .execute()
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('site_media_variants').execute()
  await db.schema.dropTable('cms_image_variants').execute()
}
