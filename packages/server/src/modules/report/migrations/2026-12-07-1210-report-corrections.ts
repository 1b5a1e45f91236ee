import type { Kysely } from 'kysely'

/**
 * Corrections of a published report: each is a new release (report-tables.ts). `correction` is
 * 0 for the first publication and counts the corrections after it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('reports')
    .addColumn('correction', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await db.schema
    .alterTable('report_publications')
    .addColumn('correction', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('report_publications').dropColumn('correction').execute()
  await db.schema.alterTable('reports').dropColumn('correction').execute()
}
