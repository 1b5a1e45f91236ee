import type { Kysely } from 'kysely'

/**
 * Items and stock locations have a Japanese name beside the English one ("rice" / "米"), so the
 * Japanese screens show reference data in Japanese. Empty where nobody has given one: the screens
 * then show the English name.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('supply_items').addColumn('name_ja', 'text').execute()
  await db.schema.alterTable('supply_locations').addColumn('name_ja', 'text').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('supply_locations').dropColumn('name_ja').execute()
  await db.schema.alterTable('supply_items').dropColumn('name_ja').execute()
}
