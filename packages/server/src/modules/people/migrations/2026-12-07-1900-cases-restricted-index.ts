import { type Kysely, sql } from 'kysely'

/**
 * The restricted cases of a compartment, found without reading its other cases: a list asks for
 * them first (few: a sensitive flag is rare) and then walks its index without opening rows. At a
 * million people, checking each case's `restriction` in the walk and the count made a case search
 * 4 × slower (bench/RESULTS.md, issue #25).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('cases_restricted_idx')
    .on('cases')
    .column('compartment_id')
    .where(sql.ref('restriction'), 'is not', null)
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('cases_restricted_idx').execute()
}
