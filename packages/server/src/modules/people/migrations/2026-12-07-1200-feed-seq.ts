import { type Kysely, sql } from 'kysely'
import { isPostgres } from '../../../db/dialect.js'

/** The tables a field device pulls by keyset; each gets its own feed sequence. */
const FED = ['people', 'cases'] as const

/** The audit chain's lock (audit-store.ts): every writer of people and cases already takes it. */
const AUDIT_LOCK_KEY = 727_411

/**
 * A feed sequence on people and cases, for the field app's pull: every insert and update takes
 * the next number, and the pull's cursor is that number instead of `updated_at`. A timestamp is
 * the writing server's clock, so a row written by a server whose clock is behind could land
 * before a cursor already handed out and never be pulled. The number is taken by the database,
 * in commit order: on SQLite one transaction writes at a time; on PostgreSQL the trigger draws it
 * under the audit chain's transaction lock, so no transaction that committed later holds a
 * smaller number (a bare sequence would not promise that: numbers are drawn at write time).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of FED) {
    await db.schema.alterTable(table).addColumn('feed_seq', 'bigint').execute()
    // The rows already there, in the order the old cursor read them.
    await sql`
      update ${sql.table(table)} set feed_seq = ranked.n
      from (select id, row_number() over (order by updated_at, id) as n from ${sql.table(table)}) as ranked
      where ranked.id = ${sql.ref(`${table}.id`)}`.execute(db)
    await db.schema.createIndex(`${table}_feed_seq_idx`).on(table).column('feed_seq').execute()
  }
  if (isPostgres(db)) {
    await sql`
      create function haven_feed_seq() returns trigger language plpgsql as $$
      begin
        perform pg_advisory_xact_lock(${sql.lit(AUDIT_LOCK_KEY)});
        new.feed_seq := nextval(format('%I.%I', tg_table_schema, tg_table_name || '_feed_seq'));
        return new;
      end $$`.execute(db)
    for (const table of FED) {
      await sql`create sequence ${sql.raw(`${table}_feed_seq`)}`.execute(db)
      await sql`select setval(${`${table}_feed_seq`}, coalesce((select max(feed_seq) from ${sql.table(table)}), 0) + 1, false)`.execute(
        db,
      )
      await sql`
        create trigger ${sql.raw(`${table}_feed_seq`)} before insert or update on ${sql.table(table)}
        for each row execute function haven_feed_seq()`.execute(db)
    }
  } else {
    for (const table of FED) {
      // The next number is the largest so far plus one (read from the index); the trigger's own
      // update changes feed_seq, so the update trigger does not fire again for it.
      const next = sql.raw(
        `update ${table} set feed_seq = (select coalesce(max(feed_seq), 0) + 1 from ${table}) where rowid = new.rowid`,
      )
      await sql`
        create trigger ${sql.raw(`${table}_feed_seq_insert`)} after insert on ${sql.table(table)}
        begin ${next}; end`.execute(db)
      await sql`
        create trigger ${sql.raw(`${table}_feed_seq_update`)} after update on ${sql.table(table)}
        when new.feed_seq is old.feed_seq
        begin ${next}; end`.execute(db)
    }
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of FED) {
    if (isPostgres(db)) {
      await sql`drop trigger if exists ${sql.raw(`${table}_feed_seq`)} on ${sql.table(table)}`.execute(
        db,
      )
      await sql`drop sequence if exists ${sql.raw(`${table}_feed_seq`)}`.execute(db)
    } else {
      await sql`drop trigger if exists ${sql.raw(`${table}_feed_seq_insert`)}`.execute(db)
      await sql`drop trigger if exists ${sql.raw(`${table}_feed_seq_update`)}`.execute(db)
    }
    await db.schema.dropIndex(`${table}_feed_seq_idx`).execute()
    await db.schema.alterTable(table).dropColumn('feed_seq').execute()
  }
  if (isPostgres(db)) await sql`drop function if exists haven_feed_seq()`.execute(db)
}
