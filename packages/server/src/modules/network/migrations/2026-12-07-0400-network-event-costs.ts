import type { Kysely } from 'kysely'

/** What an event cost, each payment also told to the books through money events. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('network_event_costs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('network_events.id'))
    .addColumn('paid_on', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('what', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute()
  await db.schema
    .createIndex('network_event_costs_event_idx')
    .on('network_event_costs')
    .columns(['event_id', 'paid_on'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('network_event_costs').execute()
}
