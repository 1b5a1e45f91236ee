import { type Kysely, sql } from 'kysely'
import { isPostgres } from '../dialect.js'

/**
 * Signed checkpoints of the audit log (its length and head hash at a moment), written routinely by
 * the server. Append-only like the log itself; their signatures come from the master key, which
 * the database never holds, so whoever can rewrite the database cannot make new ones.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('audit_checkpoints')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('signer', 'text', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('audit_checkpoints_at_idx')
    .on('audit_checkpoints')
    .column('at')
    .execute()
  if (isPostgres(db)) {
    await sql`
      create function haven_audit_checkpoints_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'audit_checkpoints is append-only';
      end $$`.execute(db)
    await sql`
      create trigger audit_checkpoints_append_only before update or delete on audit_checkpoints
      for each row execute function haven_audit_checkpoints_append_only()`.execute(db)
  } else {
    await sql`
      create trigger audit_checkpoints_no_update before update on audit_checkpoints
      begin select raise(abort, 'audit_checkpoints is append-only'); end`.execute(db)
    await sql`
      create trigger audit_checkpoints_no_delete before delete on audit_checkpoints
      begin select raise(abort, 'audit_checkpoints is append-only'); end`.execute(db)
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('audit_checkpoints').execute()
  if (isPostgres(db))
    await sql`drop function if exists haven_audit_checkpoints_append_only()`.execute(db)
}
