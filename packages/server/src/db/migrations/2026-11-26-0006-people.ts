import type { Kysely } from 'kysely'

/** People, their cases with timelines, referrals and follow-ups, incidents and attachments. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('compartments').addColumn('retention_days', 'integer').execute()

  await db.schema
    .createTable('compartment_counters')
    .addColumn('compartment_id', 'text', (c) => c.notNull().references('compartments.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('value', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('compartment_counters_pk', ['compartment_id', 'kind'])
    .execute()

  await db.schema
    .createTable('people')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('compartment_id', 'text', (c) => c.notNull().references('compartments.id'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('identity', 'text', (c) => c.notNull())
    .addColumn('has_photo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('age_band', 'text', (c) => c.notNull())
    .addColumn('situation', 'text', (c) => c.notNull())
    .addColumn('arrival_month', 'text')
    .addColumn('languages', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('open_priority', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('open_cases', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('last_activity_at', 'text', (c) => c.notNull())
    .addColumn('merged_into_id', 'text')
    .execute()
  await db.schema
    .createIndex('people_compartment_code_idx')
    .on('people')
    .columns(['compartment_id', 'code'])
    .execute()
  await db.schema
    .createIndex('people_compartment_activity_idx')
    .on('people')
    .columns(['compartment_id', 'last_activity_at', 'id'])
    .execute()
  await db.schema
    .createIndex('people_compartment_priority_idx')
    .on('people')
    .columns(['compartment_id', 'open_priority', 'code'])
    .execute()
  await db.schema
    .createIndex('people_situation_idx')
    .on('people')
    .columns(['compartment_id', 'situation'])
    .execute()

  await db.schema
    .createTable('person_tags')
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('compartment_id', 'text', (c) => c.notNull())
    .addColumn('tag', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('person_tags_pk', ['person_id', 'tag'])
    .execute()
  await db.schema
    .createIndex('person_tags_tag_idx')
    .on('person_tags')
    .columns(['compartment_id', 'tag'])
    .execute()

  await db.schema
    .createTable('person_terms')
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('compartment_id', 'text', (c) => c.notNull())
    .addColumn('term', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('person_terms_pk', ['person_id', 'term'])
    .execute()
  await db.schema
    .createIndex('person_terms_term_idx')
    .on('person_terms')
    .columns(['compartment_id', 'term'])
    .execute()

  await db.schema
    .createTable('people_history')
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('changed_fields', 'text', (c) => c.notNull())
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addColumn('changed_by', 'text')
    .addPrimaryKeyConstraint('people_history_pk', ['person_id', 'version'])
    .execute()

  await db.schema
    .createTable('person_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('compartment_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('related_person_id', 'text', (c) =>
      c.notNull().references('people.id').onDelete('cascade'),
    )
    .addColumn('relation', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('person_links_person_idx')
    .on('person_links')
    .column('person_id')
    .execute()

  await db.schema
    .createTable('cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('compartment_id', 'text', (c) => c.notNull().references('compartments.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('assignee_id', 'text')
    .addColumn('opened_on', 'text', (c) => c.notNull())
    .addColumn('closed_on', 'text')
    .addColumn('summary', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('last_activity_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('cases_person_idx').on('cases').column('person_id').execute()
  await db.schema
    .createIndex('cases_compartment_status_idx')
    .on('cases')
    .columns(['compartment_id', 'status', 'type'])
    .execute()
  await db.schema
    .createIndex('cases_closed_idx')
    .on('cases')
    .columns(['compartment_id', 'closed_on'])
    .execute()

  await db.schema
    .createTable('case_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('compartment_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text')
    .addColumn('service_type', 'text')
    .addColumn('text', 'text')
    .addColumn('data', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute()
  await db.schema
    .createIndex('case_entries_case_idx')
    .on('case_entries')
    .columns(['case_id', 'at'])
    .execute()

  await db.schema
    .createTable('referrals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('compartment_id', 'text', (c) => c.notNull())
    .addColumn('partner', 'text', (c) => c.notNull())
    .addColumn('service', 'text', (c) => c.notNull())
    .addColumn('consent', 'text', (c) => c.notNull())
    .addColumn('consent_method', 'text')
    .addColumn('override_reason', 'text')
    .addColumn('override_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute()
  await db.schema.createIndex('referrals_case_idx').on('referrals').column('case_id').execute()

  await db.schema
    .createTable('follow_ups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('compartment_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text')
    .addColumn('assignee_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('follow_ups_due_idx')
    .on('follow_ups')
    .columns(['compartment_id', 'done_at', 'due_on'])
    .execute()
  await db.schema.createIndex('follow_ups_case_idx').on('follow_ups').column('case_id').execute()

  await db.schema
    .createTable('incidents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('compartment_id', 'text', (c) => c.notNull().references('compartments.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('date_precision', 'text', (c) => c.notNull())
    .addColumn('region', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.references('cases.id').onDelete('set null'))
    .addColumn('follow_up', 'text')
    .addColumn('resolved', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('incidents_compartment_idx')
    .on('incidents')
    .columns(['compartment_id', 'occurred_on'])
    .execute()

  await db.schema
    .createTable('incident_people')
    .addColumn('incident_id', 'text', (c) =>
      c.notNull().references('incidents.id').onDelete('cascade'),
    )
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addPrimaryKeyConstraint('incident_people_pk', ['incident_id', 'person_id'])
    .execute()
  await db.schema
    .createIndex('incident_people_person_idx')
    .on('incident_people')
    .column('person_id')
    .execute()

  await db.schema
    .createTable('attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('compartment_id', 'text', (c) => c.notNull())
    .addColumn('owner_type', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('byte_size', 'integer', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute()
  await db.schema
    .createIndex('attachments_owner_idx')
    .on('attachments')
    .columns(['owner_type', 'owner_id'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'attachments',
    'incident_people',
    'incidents',
    'follow_ups',
    'referrals',
    'case_entries',
    'cases',
    'person_links',
    'people_history',
    'person_terms',
    'person_tags',
    'people',
    'compartment_counters',
  ]) {
    await db.schema.dropTable(table).execute()
  }
  await db.schema.alterTable('compartments').dropColumn('retention_days').execute()
}
