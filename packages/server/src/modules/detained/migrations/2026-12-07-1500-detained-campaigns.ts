import type { Kysely } from 'kysely'

/**
 * A record may be marked as a public figure (only then can its name ever go public), and may have
 * a campaign page its approver chose the fields of. Records before are not public figures.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('detained_workers')
    .addColumn('public_figure', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await db.schema
    .createTable('detained_campaigns')
    .addColumn('worker_id', 'text', (c) => c.primaryKey().references('detained_workers.id'))
    .addColumn('compartment_id', 'text', (c) => c.notNull().references('compartments.id'))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('show_name', 'integer', (c) => c.notNull())
    .addColumn('show_arrest', 'integer', (c) => c.notNull())
    .addColumn('show_sentence', 'integer', (c) => c.notNull())
    .addColumn('show_status', 'integer', (c) => c.notNull())
    .addColumn('text_en', 'text')
    .addColumn('text_ja', 'text')
    .addColumn('approved_at', 'text')
    .addColumn('approved_by', 'text')
    .addColumn('withdrawn_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('detained_campaigns').execute()
  await db.schema.alterTable('detained_workers').dropColumn('public_figure').execute()
}
