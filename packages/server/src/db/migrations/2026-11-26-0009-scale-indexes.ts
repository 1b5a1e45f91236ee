import type { Kysely } from 'kysely'

/**
 * Indexes the million-people benchmark asked for (bench/RESULTS.md): a case list is one ordered
 * walk per compartment, by last activity, whether or not it is filtered by status and type. The
 * status-and-type index replaces the one without the activity columns, of which it is a superset.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('cases_compartment_activity_idx')
    .on('cases')
    .columns(['compartment_id', 'last_activity_at', 'id'])
    .execute()
  await db.schema
    .createIndex('cases_compartment_status_type_activity_idx')
    .on('cases')
    .columns(['compartment_id', 'status', 'type', 'last_activity_at', 'id'])
    .execute()
  await db.schema.dropIndex('cases_compartment_status_idx').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('cases_compartment_status_idx')
    .on('cases')
    .columns(['compartment_id', 'status', 'type'])
    .execute()
  await db.schema.dropIndex('cases_compartment_status_type_activity_idx').execute()
  await db.schema.dropIndex('cases_compartment_activity_idx').execute()
}
