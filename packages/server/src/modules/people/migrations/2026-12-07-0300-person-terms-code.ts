import { type Kysely, sql } from 'kysely'

/**
 * Each blind-index term carries its person's code, and the terms are indexed by
 * (compartment, term, code, person): a name search sorted by code reads the first page of each
 * term's matches straight from the index, in order, instead of testing every person of every
 * compartment against the terms (a surname rare in most compartments made that a scan of all
 * people: 70 ms of CPU at 38,500 people, bench/RESULTS.md). A person's code never changes, and
 * merged people have no terms, so the copy cannot go stale.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('person_terms').addColumn('code', 'text').execute()
  await sql`update person_terms set code = (select people.code from people where people.id = person_terms.person_id)`.execute(
    db,
  )
  await db.schema
    .createIndex('person_terms_term_code_idx')
    .on('person_terms')
    .columns(['compartment_id', 'term', 'code', 'person_id'])
    .execute()
  // The new index starts with the old one's columns: every query that used it uses the new one.
  await db.schema.dropIndex('person_terms_term_idx').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('person_terms_term_idx')
    .on('person_terms')
    .columns(['compartment_id', 'term'])
    .execute()
  await db.schema.dropIndex('person_terms_term_code_idx').execute()
  await db.schema.alterTable('person_terms').dropColumn('code').execute()
}
