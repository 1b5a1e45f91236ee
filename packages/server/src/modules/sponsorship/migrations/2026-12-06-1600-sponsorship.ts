import type { Kysely } from 'kysely'

/** The education sponsorship plan's tables (see sponsorship-tables.ts). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sponsorship_enrolments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('compartment_id', 'text', (c) => c.notNull().references('compartments.id'))
    // One enrolment per person, ever: leaving and coming back re-opens it.
    .addColumn('person_id', 'text', (c) => c.notNull().unique().references('people.id'))
    .addColumn('alias', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('joined_on', 'text', (c) => c.notNull())
    .addColumn('school_level', 'text', (c) => c.notNull())
    .addColumn('grade', 'integer', (c) => c.notNull())
    .addColumn('school_name', 'text')
    .addColumn('guardian', 'text')
    .addColumn('leave_reason', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute()
  await db.schema
    .createIndex('sponsorship_enrolments_compartment_idx')
    .on('sponsorship_enrolments')
    .columns(['compartment_id', 'status'])
    .execute()

  await db.schema
    .createTable('sponsorship_incidents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('compartment_id', 'text', (c) => c.notNull().references('compartments.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute()

  await db.schema
    .createTable('sponsorship_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enrolment_id', 'text', (c) => c.notNull().references('sponsorship_enrolments.id'))
    .addColumn('compartment_id', 'text', (c) => c.notNull().references('compartments.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('incident_id', 'text', (c) => c.references('sponsorship_incidents.id'))
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addUniqueConstraint('sponsorship_events_seq_unique', ['enrolment_id', 'seq'])
    .execute()
  await db.schema
    .createIndex('sponsorship_events_date_idx')
    .on('sponsorship_events')
    .columns(['compartment_id', 'on_date'])
    .execute()

  await db.schema
    .createTable('sponsorship_terms')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enrolment_id', 'text', (c) => c.notNull().references('sponsorship_enrolments.id'))
    .addColumn('compartment_id', 'text', (c) => c.notNull().references('compartments.id'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('days_possible', 'integer', (c) => c.notNull())
    .addColumn('days_attended', 'integer', (c) => c.notNull())
    .addColumn('progress_note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute()

  await db.schema
    .createTable('sponsorship_payments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enrolment_id', 'text', (c) => c.notNull().references('sponsorship_enrolments.id'))
    .addColumn('compartment_id', 'text', (c) => c.notNull().references('compartments.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('paid_on', 'text', (c) => c.notNull())
    .addColumn('paid_through', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute()

  await db.schema
    .createTable('sponsors')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('compartment_id', 'text', (c) => c.notNull().references('compartments.id'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('contact', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute()

  await db.schema
    .createTable('sponsor_pledges')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('sponsor_id', 'text', (c) => c.notNull().references('sponsors.id'))
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('frequency', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute()

  await db.schema
    .createTable('sponsor_payments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('sponsor_id', 'text', (c) => c.notNull().references('sponsors.id'))
    .addColumn('compartment_id', 'text', (c) => c.notNull().references('compartments.id'))
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute()

  await db.schema
    .createTable('sponsor_allocations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('sponsor_id', 'text', (c) => c.notNull().references('sponsors.id'))
    .addColumn('enrolment_id', 'text', (c) => c.references('sponsorship_enrolments.id'))
    .addColumn('from_date', 'text', (c) => c.notNull())
    .addColumn('to_date', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute()
  await db.schema
    .createTable('sponsor_updates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enrolment_id', 'text', (c) => c.notNull().references('sponsorship_enrolments.id'))
    .addColumn('compartment_id', 'text', (c) => c.notNull().references('compartments.id'))
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('age_band', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('photo', 'text')
    .addColumn('photo_type', 'text')
    .addColumn('photo_confirmed', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text')
    .addColumn('reviewer_id', 'text')
    .addColumn('approver_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('reviewed_at', 'text')
    .addColumn('approved_at', 'text')
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'sponsor_updates',
    'sponsor_allocations',
    'sponsor_payments',
    'sponsor_pledges',
    'sponsors',
    'sponsorship_payments',
    'sponsorship_terms',
    'sponsorship_events',
    'sponsorship_incidents',
    'sponsorship_enrolments',
  ])
    await db.schema.dropTable(table).execute()
}
