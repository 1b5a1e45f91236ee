import type { Kysely } from 'kysely'

/** Field devices (registration, revocation) and the outbox entries they sent (replays, review). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('field_devices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text')
    .addColumn('revoked_at', 'text')
    .addColumn('revoked_by', 'text')
    .execute()
  await db.schema
    .createIndex('field_devices_user_idx')
    .on('field_devices')
    .column('user_id')
    .execute()
  await db.schema
    .createTable('field_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('device_id', 'text', (c) => c.notNull().references('field_devices.id'))
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('compartment_id', 'text', (c) => c.notNull().references('compartments.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('code', 'text')
    .addColumn('entity_id', 'text')
    .addColumn('body', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text')
    .addColumn('resolved_by', 'text')
    .addColumn('resolution', 'text')
    .addUniqueConstraint('field_changes_client_uq', ['device_id', 'client_id'])
    .execute()
  await db.schema
    .createIndex('field_changes_review_idx')
    .on('field_changes')
    .columns(['compartment_id', 'outcome', 'resolved_at'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('field_changes').execute()
  await db.schema.dropTable('field_devices').execute()
}
