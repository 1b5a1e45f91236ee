import type { Kysely } from 'kysely'

/** What the organisation publishes to IATI as (one row: its identifier, type, names, countries). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('exchange_iati_settings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_ref', 'text', (c) => c.notNull())
    .addColumn('org_type', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('name_ja', 'text', (c) => c.notNull())
    .addColumn('countries', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('exchange_iati_settings').execute()
}
