import type { Kysely } from 'kysely'

/**
 * A case can be closed to all but a few (a sensitive medical flag: a torture survivor's case):
 * `restriction` names why, null for an ordinary case. Who still sees such a case is the people
 * module's rule (case-restriction.ts); which module may set it is its front door.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('cases').addColumn('restriction', 'text').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('cases').dropColumn('restriction').execute()
}
