import type { Kysely } from 'kysely'

/** Wrapped data keys per compartment and version, and the record of compartments shredded. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('key_store')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('wrapped', 'text', (c) => c.notNull())
    .addColumn('master_fingerprint', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('retired_at', 'text')
    .addUniqueConstraint('key_store_owner_purpose_version', ['owner_id', 'purpose', 'version'])
    .execute()

  await db.schema
    .createTable('shredded_owners')
    .addColumn('owner_id', 'text', (c) => c.primaryKey())
    .addColumn('shredded_at', 'text', (c) => c.notNull())
    .addColumn('shredded_by', 'text')
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('shredded_owners').execute()
  await db.schema.dropTable('key_store').execute()
}
