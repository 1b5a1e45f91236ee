import type { Kysely } from 'kysely'

/** Non-food items handed out to a person or a shelter's headcount, each with its stock movement. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('item_handouts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('movement_id', 'text', (c) => c.notNull().references('stock_movements.id'))
    .addColumn('item_id', 'text', (c) => c.notNull().references('supply_items.id'))
    .addColumn('compartment_id', 'text', (c) => c.notNull().references('compartments.id'))
    .addColumn('person_id', 'text', (c) => c.references('people.id'))
    .addColumn('people', 'integer', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute()
  await db.schema
    .createIndex('item_handouts_list_idx')
    .on('item_handouts')
    .columns(['compartment_id', 'occurred_on'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('item_handouts').execute()
}
