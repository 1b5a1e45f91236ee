import type { Kysely } from 'kysely'

/**
 * Requests to return (one per return case), kept in a restricted compartment: the request, the
 * assessment, the funds paid and the month of return — and, by design, nothing after it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('returnee_support')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('compartment_id', 'text', (c) => c.notNull().references('compartments.id'))
    .addColumn('case_id', 'text', (c) => c.notNull().unique().references('cases.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('requested_on', 'text', (c) => c.notNull())
    .addColumn('decision', 'text')
    .addColumn('assessed_on', 'text')
    .addColumn('amount_minor', 'bigint')
    .addColumn('currency', 'text')
    .addColumn('paid_on', 'text')
    .addColumn('returned_on', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute()
  await db.schema
    .createIndex('returnee_support_list_idx')
    .on('returnee_support')
    .columns(['compartment_id', 'status'])
    .execute()
  await db.schema
    .createIndex('returnee_support_paid_idx')
    .on('returnee_support')
    .column('paid_on')
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('returnee_support').execute()
}
