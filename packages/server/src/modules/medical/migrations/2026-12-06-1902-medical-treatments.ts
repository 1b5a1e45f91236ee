import type { Kysely } from 'kysely'

/** Treatments of medical cases: kind, partner organisation, month, cost and sensitive flags. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('medical_treatments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('compartment_id', 'text', (c) => c.notNull().references('compartments.id'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('started_on', 'text', (c) => c.notNull())
    .addColumn('cost_minor', 'bigint')
    .addColumn('currency', 'text')
    .addColumn('paid_on', 'text')
    /** JSON array of flags; `sensitive` is 1 when there is any (what visibility filters on). */
    .addColumn('flags', 'text', (c) => c.notNull())
    .addColumn('sensitive', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute()
  await db.schema
    .createIndex('medical_treatments_list_idx')
    .on('medical_treatments')
    .columns(['compartment_id', 'sensitive', 'kind'])
    .execute()
  await db.schema
    .createIndex('medical_treatments_case_idx')
    .on('medical_treatments')
    .column('case_id')
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('medical_treatments').execute()
}
