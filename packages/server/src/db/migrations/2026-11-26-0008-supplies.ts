import type { Kysely } from 'kysely'

/**
 * Supplies (items, locations, stock and its movements), exchange rates, allowance policies and
 * distributions under caps. Per-day and per-month counters are rows of their own: the service
 * locks them to enforce caps, and the figures read them instead of scanning every distribution.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('supply_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('supply_locations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('compartment_id', 'text', (c) => c.references('compartments.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('stock_levels')
    .addColumn('item_id', 'text', (c) => c.notNull().references('supply_items.id'))
    .addColumn('location_id', 'text', (c) => c.notNull().references('supply_locations.id'))
    .addColumn('quantity', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('stock_levels_pk', ['item_id', 'location_id'])
    .execute()

  await db.schema
    .createTable('stock_movements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().references('supply_items.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('from_location_id', 'text', (c) => c.references('supply_locations.id'))
    .addColumn('to_location_id', 'text', (c) => c.references('supply_locations.id'))
    .addColumn('quantity', 'bigint', (c) => c.notNull())
    .addColumn('cost_minor', 'bigint')
    .addColumn('cost_currency', 'text')
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute()
  await db.schema
    .createIndex('stock_movements_day_idx')
    .on('stock_movements')
    .columns(['occurred_on', 'item_id'])
    .execute()

  await db.schema
    .createTable('exchange_rates')
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('base', 'text', (c) => c.notNull())
    .addColumn('quote', 'text', (c) => c.notNull())
    .addColumn('rate', 'text', (c) => c.notNull())
    .addColumn('source', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addPrimaryKeyConstraint('exchange_rates_pk', ['base', 'quote', 'date'])
    .execute()

  await db.schema
    .createTable('allowance_policies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('compartment_id', 'text', (c) => c.notNull().references('compartments.id'))
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('buys_grams', 'integer', (c) => c.notNull())
    .addColumn('daily_cap', 'integer', (c) => c.notNull())
    .addColumn('monthly_cap_minor', 'bigint', (c) => c.notNull())
    .addColumn('monthly_cap_currency', 'text', (c) => c.notNull())
    .addColumn('ration_grams', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute()
  await db.schema
    .createIndex('allowance_policies_compartment_idx')
    .on('allowance_policies')
    .columns(['compartment_id', 'valid_from'])
    .execute()

  await db.schema
    .createTable('distributions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('compartment_id', 'text', (c) => c.notNull().references('compartments.id'))
    .addColumn('policy_id', 'text', (c) => c.notNull().references('allowance_policies.id'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.references('people.id'))
    .addColumn('headcount', 'integer', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('cap_amount_minor', 'bigint', (c) => c.notNull())
    .addColumn('cap_currency', 'text', (c) => c.notNull())
    .addColumn('rice_grams', 'bigint', (c) => c.notNull())
    .addColumn('override_code', 'text')
    .addColumn('override_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute()
  await db.schema
    .createIndex('distributions_compartment_day_idx')
    .on('distributions')
    .columns(['compartment_id', 'day'])
    .execute()

  for (const [table, key] of [
    ['distribution_days', 'day'],
    ['distribution_months', 'month'],
  ] as const) {
    await db.schema
      .createTable(table)
      .addColumn('compartment_id', 'text', (c) => c.notNull().references('compartments.id'))
      .addColumn(key, 'text', (c) => c.notNull())
      .addColumn('people', 'integer', (c) => c.notNull())
      .addColumn('spend_minor', 'bigint', (c) => c.notNull())
      .addColumn('cap_spend_minor', 'bigint', (c) => c.notNull())
      .addColumn('rice_grams', 'bigint', (c) => c.notNull())
      .addColumn('overrides', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint(`${table}_pk`, ['compartment_id', key])
      .execute()
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'distribution_months',
    'distribution_days',
    'distributions',
    'allowance_policies',
    'exchange_rates',
    'stock_movements',
    'stock_levels',
    'supply_locations',
    'supply_items',
  ])
    await db.schema.dropTable(table).execute()
}
