import { type Kysely, sql } from 'kysely'
import { isPostgres, serialType } from '../dialect.js'

/**
 * The public website: the CMS's drafts and revisions (cms_*), the published content the site reads
 * (site_*), full-text search, and messages from the contact forms (sealed).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const blob = isPostgres(db) ? sql`bytea` : sql`blob`

  await db.schema
    .createTable('cms_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('fiscal_year', 'integer')
    .addColumn('faq_group_id', 'text')
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('cms_documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('entry_id', 'text', (c) =>
      c.notNull().references('cms_entries.id').onDelete('cascade'),
    )
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body_md', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('event_start', 'text')
    .addColumn('event_end', 'text')
    .addColumn('event_place', 'text')
    .addColumn('display_date', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('live_revision', 'integer')
    .addColumn('first_published_at', 'text')
    .addColumn('last_published_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addUniqueConstraint('cms_documents_entry_locale', ['entry_id', 'locale'])
    .addUniqueConstraint('cms_documents_kind_locale_slug', ['kind', 'locale', 'slug'])
    .execute()

  await db.schema
    .createTable('cms_revisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('document_id', 'text', (c) =>
      c.notNull().references('cms_documents.id').onDelete('cascade'),
    )
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('body_md', 'text', (c) => c.notNull())
    .addColumn('event_start', 'text')
    .addColumn('event_end', 'text')
    .addColumn('event_place', 'text')
    .addColumn('display_date', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addUniqueConstraint('cms_revisions_document_number', ['document_id', 'number'])
    .execute()

  await db.schema
    .createTable('cms_images')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('label', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('byte_size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('data', blob, (c) => c.notNull())
    .addColumn('thumbnail', blob, (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute()

  await db.schema
    .createTable('site_documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('entry_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('html', 'text', (c) => c.notNull())
    .addColumn('fiscal_year', 'integer')
    .addColumn('faq_group_id', 'text')
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('event_start', 'text')
    .addColumn('event_end', 'text')
    .addColumn('event_place', 'text')
    .addColumn('image_id', 'text')
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('site_documents_kind_locale_slug', ['kind', 'locale', 'slug'])
    .execute()
  await db.schema
    .createIndex('site_documents_listing_idx')
    .on('site_documents')
    .columns(['kind', 'locale', 'published_at'])
    .execute()
  await db.schema
    .createIndex('site_documents_entry_idx')
    .on('site_documents')
    .column('entry_id')
    .execute()

  await db.schema
    .createTable('site_faq_groups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('names', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('site_navigation')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('section', 'text')
    .addColumn('entry_id', 'text')
    .execute()

  await db.schema
    .createTable('site_media')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('byte_size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('data', blob, (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('site_search')
    .addColumn('id', serialType(db), (c) => c.primaryKey())
    .addColumn('document_id', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('title_folded', 'text', (c) => c.notNull())
    .addColumn('body_text', 'text', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('site_search_document_idx')
    .on('site_search')
    .column('document_id')
    .execute()
  await db.schema.createIndex('site_search_locale_idx').on('site_search').column('locale').execute()

  if (isPostgres(db)) {
    const schema = await ensurePgTrgm(db)
    // Substring (LIKE) matching through trigrams, for any language: the PostgreSQL counterpart
    // of SQLite's FTS5 trigram table. Without pg_trgm, search still works by scanning.
    if (schema) {
      await sql`create index site_search_trgm_idx on site_search using gin (search_text ${sql.id(schema)}.gin_trgm_ops)`.execute(
        db,
      )
    }
  } else {
    await sql`create virtual table site_search_fts using fts5(search_text, tokenize = 'trigram')`.execute(
      db,
    )
  }

  await db.schema
    .createTable('site_state')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  // No row yet: the first publication creates it (bumpSiteVersion), so a freshly migrated
  // database holds no rows at all and a backup can be restored into it.

  await db.schema
    .createTable('contact_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('compartment_id', 'text', (c) => c.notNull().references('compartments.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('site_locale', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('name_sealed', 'text', (c) => c.notNull())
    .addColumn('reply_to_sealed', 'text', (c) => c.notNull())
    .addColumn('message_sealed', 'text', (c) => c.notNull())
    .addColumn('details_sealed', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('contact_messages_inbox_idx')
    .on('contact_messages')
    .columns(['compartment_id', 'status', 'received_at'])
    .execute()

  await db.schema
    .createTable('intake_rate_limits')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('window_start', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('intake_rate_limits_expiry_idx')
    .on('intake_rate_limits')
    .column('expires_at')
    .execute()
}

/**
 * Creates pg_trgm if it is missing and can be created (it is a trusted extension: the database
 * owner may). Returns the schema it lives in, or null when it is unavailable.
 */
async function ensurePgTrgm(db: Kysely<unknown>): Promise<string | null> {
  const where = () =>
    sql<{ schema: string }>`
      select n.nspname as schema from pg_extension e
      join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm'`.execute(db)
  const existing = (await where()).rows[0]
  if (existing) return existing.schema
  const available = await sql`select 1 from pg_available_extensions where name = 'pg_trgm'`.execute(
    db,
  )
  if (available.rows.length === 0) return null
  // In the public schema, not the first one on the search path: a schema dropped later (tests
  // use one per file) must not take the extension, and other schemas' indexes, with it.
  const inTransaction = db.isTransaction
  if (inTransaction) await sql`savepoint haven_pg_trgm`.execute(db)
  try {
    await sql`create extension if not exists pg_trgm with schema public`.execute(db)
    if (inTransaction) await sql`release savepoint haven_pg_trgm`.execute(db)
  } catch {
    // No privilege to create it: search falls back to scanning, which is fine for a small site.
    if (inTransaction) await sql`rollback to savepoint haven_pg_trgm`.execute(db)
    return null
  }
  return (await where()).rows[0]?.schema ?? null
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!isPostgres(db)) await sql`drop table if exists site_search_fts`.execute(db)
  for (const table of [
    'intake_rate_limits',
    'contact_messages',
    'site_state',
    'site_search',
    'site_media',
    'site_navigation',
    'site_faq_groups',
    'site_documents',
    'cms_images',
    'cms_revisions',
    'cms_documents',
    'cms_entries',
  ]) {
    await db.schema.dropTable(table).execute()
  }
  // pg_trgm stays: other databases' objects in this cluster may use it.
}
