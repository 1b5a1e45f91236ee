import type { Kysely } from 'kysely'

/** Detained aid workers (identity sealed), their timeline, family support and advocacy. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('detained_workers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('compartment_id', 'text', (c) => c.notNull().references('compartments.id'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('nationality', 'text', (c) => c.notNull())
    .addColumn('arrested_on', 'text', (c) => c.notNull())
    .addColumn('arrest_place', 'text', (c) => c.notNull())
    .addColumn('charge', 'text')
    .addColumn('term_months', 'integer')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('ended_on', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute()
  await db.schema
    .createIndex('detained_workers_compartment_idx')
    .on('detained_workers')
    .columns(['compartment_id', 'code'])
    .execute()

  await db.schema
    .createTable('detained_timeline')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('worker_id', 'text', (c) => c.notNull().references('detained_workers.id'))
    .addColumn('compartment_id', 'text', (c) => c.notNull().references('compartments.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute()
  await db.schema
    .createIndex('detained_timeline_worker_idx')
    .on('detained_timeline')
    .columns(['worker_id', 'on_date'])
    .execute()

  await db.schema
    .createTable('detained_family_payments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('worker_id', 'text', (c) => c.notNull().references('detained_workers.id'))
    .addColumn('compartment_id', 'text', (c) => c.notNull().references('compartments.id'))
    .addColumn('paid_on', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute()
  await db.schema
    .createIndex('detained_family_payments_worker_idx')
    .on('detained_family_payments')
    .columns(['worker_id', 'paid_on'])
    .execute()

  await db.schema
    .createTable('detained_advocacy')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('worker_id', 'text', (c) => c.notNull().references('detained_workers.id'))
    .addColumn('compartment_id', 'text', (c) => c.notNull().references('compartments.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('addressed_to', 'text', (c) => c.notNull())
    .addColumn('summary', 'text')
    .addColumn('answered_on', 'text')
    .addColumn('answer', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'detained_advocacy',
    'detained_family_payments',
    'detained_timeline',
    'detained_workers',
  ])
    await db.schema.dropTable(table).execute()
}
