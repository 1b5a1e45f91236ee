import type { Kysely } from 'kysely'

/**
 * Resettlement pathways (one per resettlement case, kept in a restricted compartment) and every
 * stage each reached. There is no column for a place, a route description or a day: only a
 * route kind, countries as ISO codes and coarse dates.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('resettlement_pathways')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('compartment_id', 'text', (c) => c.notNull().references('compartments.id'))
    .addColumn('case_id', 'text', (c) => c.notNull().unique().references('cases.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('route', 'text', (c) => c.notNull())
    .addColumn('route_country', 'text')
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('stage_on', 'text', (c) => c.notNull())
    .addColumn('stage_precision', 'text', (c) => c.notNull())
    .addColumn('country', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute()
  await db.schema
    .createIndex('resettlement_pathways_list_idx')
    .on('resettlement_pathways')
    .columns(['compartment_id', 'route', 'stage'])
    .execute()

  await db.schema
    .createTable('resettlement_stages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('pathway_id', 'text', (c) => c.notNull().references('resettlement_pathways.id'))
    .addColumn('compartment_id', 'text', (c) => c.notNull().references('compartments.id'))
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('precision', 'text', (c) => c.notNull())
    /** The first day of the period (YYYY-MM-DD): what the figures select a year by. */
    .addColumn('period_start', 'text', (c) => c.notNull())
    .addColumn('country', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text')
    .execute()
  await db.schema
    .createIndex('resettlement_stages_pathway_idx')
    .on('resettlement_stages')
    .columns(['pathway_id', 'recorded_at'])
    .execute()
  await db.schema
    .createIndex('resettlement_stages_figures_idx')
    .on('resettlement_stages')
    .columns(['stage', 'period_start'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('resettlement_stages').execute()
  await db.schema.dropTable('resettlement_pathways').execute()
}
