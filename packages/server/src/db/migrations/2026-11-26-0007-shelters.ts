import { type Kysely, sql } from 'kysely'

/** Shelters (one per compartment), their residents over time, their log, and in-app notifications. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('shelters')
    .addColumn('compartment_id', 'text', (c) => c.primaryKey().references('compartments.id'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('region', 'text', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('caretaker_person_id', 'text', (c) => c.references('people.id'))
    .addColumn('opened_on', 'text', (c) => c.notNull())
    .addColumn('closed_on', 'text')
    .addColumn('funding_status', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('status_before_compromise', 'text')
    .addColumn('compromised_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute()

  await db.schema
    .createTable('shelter_residents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('compartment_id', 'text', (c) => c.notNull().references('shelters.compartment_id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('from_date', 'text', (c) => c.notNull())
    .addColumn('to_date', 'text')
    .addColumn('leave_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute()
  await db.schema
    .createIndex('shelter_residents_shelter_idx')
    .on('shelter_residents')
    .columns(['compartment_id', 'to_date'])
    .execute()
  // A person lives in one shelter at a time: at most one open residence each, whatever races.
  await db.schema
    .createIndex('shelter_residents_open_person_idx')
    .on('shelter_residents')
    .column('person_id')
    .unique()
    .where(sql.ref('to_date'), 'is', null)
    .execute()

  await db.schema
    .createTable('shelter_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('compartment_id', 'text', (c) => c.notNull().references('shelters.compartment_id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute()
  await db.schema
    .createIndex('shelter_log_shelter_idx')
    .on('shelter_log')
    .columns(['compartment_id', 'occurred_on'])
    .execute()
  await db.schema
    .createTable('shelter_log_people')
    .addColumn('log_id', 'text', (c) => c.notNull().references('shelter_log.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addPrimaryKeyConstraint('shelter_log_people_pk', ['log_id', 'person_id'])
    .execute()

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('subject_code', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute()
  await db.schema
    .createIndex('notifications_user_idx')
    .on('notifications')
    .columns(['user_id', 'created_at'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'notifications',
    'shelter_log_people',
    'shelter_log',
    'shelter_residents',
    'shelters',
  ])
    await db.schema.dropTable(table).execute()
}
