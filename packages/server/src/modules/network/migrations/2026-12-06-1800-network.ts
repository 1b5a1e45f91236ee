import type { Kysely } from 'kysely'

/**
 * Partners (organisations with their relationship over time and their contacts, sealed in a
 * compartment), events with the organisation's role and their organisers, and publications.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('network_organisations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('region', 'text')
    .addColumn('website', 'text')
    // The latest change's status and day, kept with the row so lists filter without the history.
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('status_since', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute()
  await db.schema
    .createIndex('network_organisations_name_idx')
    .on('network_organisations')
    .columns(['name', 'id'])
    .execute()

  await db.schema
    .createTable('network_status_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('network_organisations.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute()
  await db.schema
    .createIndex('network_status_changes_org_idx')
    .on('network_status_changes')
    .columns(['organisation_id', 'on_date'])
    .execute()

  await db.schema
    .createTable('network_contacts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('network_organisations.id'))
    .addColumn('compartment_id', 'text', (c) => c.notNull().references('compartments.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'text')
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute()
  await db.schema
    .createIndex('network_contacts_org_idx')
    .on('network_contacts')
    .columns(['organisation_id', 'compartment_id'])
    .execute()

  await db.schema
    .createTable('network_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text')
    .addColumn('city', 'text')
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('audience', 'integer')
    .addColumn('outcomes', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute()
  await db.schema
    .createIndex('network_events_starts_idx')
    .on('network_events')
    .columns(['starts_on', 'id'])
    .execute()
  await db.schema
    .createTable('network_event_organisers')
    .addColumn('event_id', 'text', (c) => c.notNull().references('network_events.id'))
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('network_organisations.id'))
    .addPrimaryKeyConstraint('network_event_organisers_pk', ['event_id', 'organisation_id'])
    .execute()

  await db.schema
    .createTable('network_publications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('translated_from', 'text')
    .addColumn('isbn', 'text')
    .addColumn('url', 'text')
    .addColumn('published_on', 'text')
    .addColumn('event_id', 'text', (c) => c.references('network_events.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'network_publications',
    'network_event_organisers',
    'network_events',
    'network_contacts',
    'network_status_changes',
    'network_organisations',
  ])
    await db.schema.dropTable(table).execute()
}
