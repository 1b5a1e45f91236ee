import type { Kysely } from 'kysely'

/**
 * Where a recorded event stands on the public website: the news page's address and the languages
 * it was published in, so the event page shows it and a second publication is refused instead of
 * putting the same event on the site twice.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('network_events').addColumn('site_slug', 'text').execute()
  await db.schema.alterTable('network_events').addColumn('site_locales', 'text').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('network_events').dropColumn('site_locales').execute()
  await db.schema.alterTable('network_events').dropColumn('site_slug').execute()
}
