import type { Kysely } from 'kysely'

/**
 * Partners, their contacts, events and publications can be edited: each row carries a version, so
 * two people editing the same record do not overwrite each other (the second is told, 409
 * `version_conflict`). Rows recorded before start at version 1.
 */
const TABLES = [
  'network_organisations',
  'network_contacts',
  'network_events',
  'network_publications',
] as const

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of TABLES)
    await db.schema
      .alterTable(table)
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of TABLES) await db.schema.alterTable(table).dropColumn('version').execute()
}
