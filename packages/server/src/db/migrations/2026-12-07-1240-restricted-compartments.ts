import type { Kysely } from 'kysely'

/**
 * A restricted compartment (resettlement journeys, detained aid workers) opens only to grants
 * made in it: an organisation-wide grant does not reach its people, cases or anything else. The
 * module that keeps one marks it when it ensures it at start.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('compartments')
    .addColumn('restricted', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('compartments').dropColumn('restricted').execute()
}
