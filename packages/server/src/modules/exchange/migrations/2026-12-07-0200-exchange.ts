import type { Kysely } from 'kysely'

/** Saved column mappings per source, and the rows already imported (for idempotent re-runs). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('exchange_mappings')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('mapping', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addPrimaryKeyConstraint('exchange_mappings_pk', ['kind', 'source'])
    .execute()
  await db.schema
    .createTable('exchange_rows')
    .addColumn('compartment_id', 'text', (c) => c.notNull().references('compartments.id'))
    .addColumn('row_key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('exchange_rows_pk', ['compartment_id', 'row_key'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('exchange_rows').execute()
  await db.schema.dropTable('exchange_mappings').execute()
}
