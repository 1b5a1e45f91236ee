import type { Kysely } from 'kysely'

/**
 * First-aid kits given on a medical case: the supplies handout (the stock movement and its
 * recipient) is supplies' record; this row says which case it was given on.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('medical_case_kits')
    .addColumn('handout_id', 'text', (c) => c.primaryKey().references('item_handouts.id'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('compartment_id', 'text', (c) => c.notNull().references('compartments.id'))
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('medical_case_kits_case_idx')
    .on('medical_case_kits')
    .columns(['case_id', 'occurred_on'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('medical_case_kits').execute()
}
