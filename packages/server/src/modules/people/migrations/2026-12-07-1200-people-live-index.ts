import type { Kysely } from 'kysely'
import { sql } from 'kysely'

/**
 * The people who are not merged away, by compartment, as a partial index: the list's count ("25
 * of 1,000+") reads it alone. Before, the count walked the situation index and looked up every
 * row to test `merged_into_id`: 0.34 ms of CPU for 1,001 people on SQLite against 0.08 ms from
 * this index (bench/RESULTS.md). Both databases take the same partial-index syntax.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('people_live_compartment_idx')
    .on('people')
    .column('compartment_id')
    .where(sql.ref('merged_into_id'), 'is', null)
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('people_live_compartment_idx').execute()
}
