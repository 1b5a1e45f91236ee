import type { Kysely } from 'kysely'

/** Language classes: classes, enrolments (with completion and next step), sessions, attendance. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('classes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('compartment_id', 'text', (c) => c.notNull().references('compartments.id'))
    .addColumn('shelter_code', 'text')
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('teacher', 'text', (c) => c.notNull())
    .addColumn('teacher_kind', 'text', (c) => c.notNull())
    .addColumn('weekdays', 'text', (c) => c.notNull())
    .addColumn('time', 'text', (c) => c.notNull())
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute()
  await db.schema
    .createIndex('classes_list_idx')
    .on('classes')
    .columns(['compartment_id', 'language', 'status'])
    .execute()
  await db.schema
    .createTable('class_enrolments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('class_id', 'text', (c) => c.notNull().references('classes.id'))
    .addColumn('compartment_id', 'text', (c) => c.notNull().references('compartments.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('enrolled_on', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('ended_on', 'text')
    .addColumn('next_step', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    // One enrolment per person and class: a second enrol races into this and answers 409.
    .addUniqueConstraint('class_enrolments_person_uq', ['class_id', 'person_id'])
    .execute()
  await db.schema
    .createTable('class_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('class_id', 'text', (c) => c.notNull().references('classes.id'))
    .addColumn('compartment_id', 'text', (c) => c.notNull().references('compartments.id'))
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addUniqueConstraint('class_sessions_day_uq', ['class_id', 'held_on'])
    .execute()
  await db.schema
    .createTable('class_attendance')
    .addColumn('session_id', 'text', (c) => c.notNull().references('class_sessions.id'))
    .addColumn('enrolment_id', 'text', (c) => c.notNull().references('class_enrolments.id'))
    .addPrimaryKeyConstraint('class_attendance_pk', ['session_id', 'enrolment_id'])
    .execute()
  await db.schema
    .createIndex('class_attendance_enrolment_idx')
    .on('class_attendance')
    .column('enrolment_id')
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('class_attendance').execute()
  await db.schema.dropTable('class_sessions').execute()
  await db.schema.dropTable('class_enrolments').execute()
  await db.schema.dropTable('classes').execute()
}
