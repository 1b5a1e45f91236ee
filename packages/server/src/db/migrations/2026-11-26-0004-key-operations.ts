import type { Kysely } from 'kysely'

/**
 * Key operations: rotation jobs (resumable, with progress), the record of every key export (so a
 * shred can name the exports that still hold the destroyed keys), and the passphrase-wrapped
 * master key of sealed mode. `master_seal`, like `key_store`, is never part of a data backup.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('key_jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('data_version', 'integer', (c) => c.notNull())
    .addColumn('index_version', 'integer', (c) => c.notNull())
    .addColumn('total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('cursor', 'text')
    .addColumn('runner', 'text')
    .addColumn('started_by', 'text')
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('error', 'text')
    .execute()
  await db.schema
    .createIndex('key_jobs_owner_idx')
    .on('key_jobs')
    .columns(['owner_id', 'started_at'])
    .execute()

  await db.schema
    .createTable('key_exports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('master_fingerprint', 'text', (c) => c.notNull())
    .addColumn('key_set_fingerprint', 'text', (c) => c.notNull())
    .addColumn('owners', 'text', (c) => c.notNull())
    .addColumn('key_count', 'integer', (c) => c.notNull())
    .addColumn('protection', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('master_seal')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kdf', 'text', (c) => c.notNull())
    .addColumn('params', 'text', (c) => c.notNull())
    .addColumn('salt', 'text', (c) => c.notNull())
    .addColumn('wrapped', 'text', (c) => c.notNull())
    .addColumn('master_fingerprint', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('master_seal').execute()
  await db.schema.dropTable('key_exports').execute()
  await db.schema.dropTable('key_jobs').execute()
}
