import type { Kysely } from 'kysely'

/**
 * A class can be edited and ended: a version for optimistic checks (two coordinators editing the
 * same class, the second is told instead of overwriting) and the day it ended.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('classes')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute()
  await db.schema.alterTable('classes').addColumn('ended_on', 'text').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('classes').dropColumn('ended_on').execute()
  await db.schema.alterTable('classes').dropColumn('version').execute()
}
