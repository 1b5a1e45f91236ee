import { type Kysely, sql } from 'kysely'

/**
 * The disclosure ledger as a table every publisher of figures writes to (the annual report and
 * the home page's impact figures), so each is checked against the other's releases. The annual
 * reports already published kept their ledger in `report_publications.ledger_json`: the latest
 * one's releases are copied in, so impact figures are checked against them from the start.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('disclosure_releases')
    .addColumn('release_id', 'text', (c) => c.primaryKey())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('release_json', 'text', (c) => c.notNull())
    .execute()
  // Only in this database's schema (PostgreSQL may hold other schemas with the same tables): the
  // one the new table went to. Without the report module's table there is nothing to copy.
  const tables = await db.introspection.getTables()
  const here = tables.find((t) => t.name === 'disclosure_releases')?.schema
  if (!tables.some((t) => t.name === 'report_publications' && t.schema === here)) return
  const latest = await sql<{ ledger_json: string; published_at: string }>`
    select ledger_json, published_at from report_publications
    order by published_at desc limit 1`.execute(db)
  const row = latest.rows[0]
  if (!row) return
  const ledger = JSON.parse(row.ledger_json) as { releases?: { id: string }[] }
  for (const release of ledger.releases ?? [])
    await sql`insert into disclosure_releases (release_id, source, recorded_at, release_json)
      values (${release.id}, ${'annual-report'}, ${row.published_at}, ${JSON.stringify(release)})`.execute(
      db,
    )
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('disclosure_releases').execute()
}
