import type { Kysely } from 'kysely'

/**
 * Why a correction was started (`reports.correction_reason`, for the editors and approvers), and
 * each publication's text before its year-over-year comparison (`narrative_en`/`narrative_ja`),
 * so a correction of the year before can rebuild the comparison with the corrected figures.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('reports').addColumn('correction_reason', 'text').execute()
  await db.schema.alterTable('report_publications').addColumn('narrative_en', 'text').execute()
  await db.schema.alterTable('report_publications').addColumn('narrative_ja', 'text').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('report_publications').dropColumn('narrative_ja').execute()
  await db.schema.alterTable('report_publications').dropColumn('narrative_en').execute()
  await db.schema.alterTable('reports').dropColumn('correction_reason').execute()
}
