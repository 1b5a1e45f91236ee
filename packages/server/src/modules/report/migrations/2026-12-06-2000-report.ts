import type { Kysely } from 'kysely'

/** The annual report's drafts, their approvals and the frozen publications (report-tables.ts). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('reports')
    .addColumn('fiscal_year', 'integer', (c) => c.primaryKey())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('template_en', 'text', (c) => c.notNull())
    .addColumn('template_ja', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('last_editor_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createTable('report_approvals')
    .addColumn('fiscal_year', 'integer', (c) =>
      c.notNull().references('reports.fiscal_year').onDelete('cascade'),
    )
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_approvals_pk', ['fiscal_year', 'user_id', 'version'])
    .execute()
  await db.schema
    .createTable('report_publications')
    .addColumn('fiscal_year', 'integer', (c) => c.primaryKey().references('reports.fiscal_year'))
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('text_en', 'text', (c) => c.notNull())
    .addColumn('text_ja', 'text', (c) => c.notNull())
    .addColumn('figures_json', 'text', (c) => c.notNull())
    .addColumn('ledger_json', 'text', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('report_publications').execute()
  await db.schema.dropTable('report_approvals').execute()
  await db.schema.dropTable('reports').execute()
}
