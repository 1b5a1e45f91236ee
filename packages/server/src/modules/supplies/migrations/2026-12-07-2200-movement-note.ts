import type { Kysely } from 'kysely'

/**
 * A stock movement may carry a note: a sheet of supplies received says what came with them
 * ("donated by the Seoul parish", "two sacks torn"). Empty for every movement recorded before.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('stock_movements').addColumn('note', 'text').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('stock_movements').dropColumn('note').execute()
}
