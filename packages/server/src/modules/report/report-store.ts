import type { Db } from '../../db/db-handle.js'
import type {
  ReportApprovalsTable,
  ReportPublicationsTable,
  ReportRoundingSecretsTable,
  ReportsTable,
} from './report-tables.js'

export function findReport(db: Db, year: number): Promise<ReportsTable | undefined> {
  return db.selectFrom('reports').selectAll().where('fiscal_year', '=', year).executeTakeFirst()
}

/** The latest report before `year`: a new year starts from its text. */
export function findReportBefore(db: Db, year: number): Promise<ReportsTable | undefined> {
  return db
    .selectFrom('reports')
    .selectAll()
    .where('fiscal_year', '<', year)
    .orderBy('fiscal_year', 'desc')
    .limit(1)
    .executeTakeFirst()
}

export function listReports(db: Db): Promise<ReportsTable[]> {
  return db.selectFrom('reports').selectAll().orderBy('fiscal_year', 'desc').execute()
}

export async function insertReport(db: Db, row: ReportsTable): Promise<void> {
  await db.insertInto('reports').values(row).execute()
}

/** Changes a report only at the version the caller read; false when someone changed it first. */
export async function updateReportIfVersion(
  db: Db,
  year: number,
  version: number,
  change: Partial<Omit<ReportsTable, 'fiscal_year' | 'version'>>,
): Promise<boolean> {
  const result = await db
    .updateTable('reports')
    .set({ ...change, version: version + 1 })
    .where('fiscal_year', '=', year)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export function listApprovals(db: Db, year: number, version: number) {
  return db
    .selectFrom('report_approvals')
    .select(['user_id', 'at'])
    .where('fiscal_year', '=', year)
    .where('version', '=', version)
    .orderBy('at')
    .execute()
}

export async function insertApproval(db: Db, row: ReportApprovalsTable): Promise<void> {
  await db.insertInto('report_approvals').values(row).execute()
}

export function findPublication(
  db: Db,
  year: number,
): Promise<ReportPublicationsTable | undefined> {
  return db
    .selectFrom('report_publications')
    .selectAll()
    .where('fiscal_year', '=', year)
    .executeTakeFirst()
}

/** The most recently published report's row: its ledger holds every earlier release. */
export function findLatestPublication(db: Db): Promise<ReportPublicationsTable | undefined> {
  return db
    .selectFrom('report_publications')
    .selectAll()
    .orderBy('published_at', 'desc')
    .limit(1)
    .executeTakeFirst()
}

export async function insertPublication(db: Db, row: ReportPublicationsTable): Promise<void> {
  await db.insertInto('report_publications').values(row).execute()
}

/** The rounding secret in use: the newest version not retired. */
export function findCurrentRoundingSecret(db: Db): Promise<ReportRoundingSecretsTable | undefined> {
  return db
    .selectFrom('report_rounding_secrets')
    .selectAll()
    .where('retired_at', 'is', null)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst()
}

export async function maxRoundingSecretVersion(db: Db): Promise<number> {
  const row = await db
    .selectFrom('report_rounding_secrets')
    .select((eb) => eb.fn.max('version').as('version'))
    .executeTakeFirst()
  return Number(row?.version ?? 0)
}

/**
 * Adds a rounding secret version; with `ifMissing`, a version another server instance inserted
 * first is kept (the first secret is made on first use, by whichever instance gets there first).
 */
export async function insertRoundingSecret(
  db: Db,
  row: ReportRoundingSecretsTable,
  ifMissing: boolean,
): Promise<void> {
  const insert = db.insertInto('report_rounding_secrets').values(row)
  await (ifMissing ? insert.onConflict((oc) => oc.column('version').doNothing()) : insert).execute()
}

export async function retireRoundingSecretsBelow(
  db: Db,
  version: number,
  at: string,
): Promise<void> {
  await db
    .updateTable('report_rounding_secrets')
    .set({ retired_at: at })
    .where('version', '<', version)
    .where('retired_at', 'is', null)
    .execute()
}

/** A correction replaces the year's publication; the ledger in it keeps every earlier release. */
export async function replacePublication(db: Db, row: ReportPublicationsTable): Promise<void> {
  const { fiscal_year, ...rest } = row
  await db
    .updateTable('report_publications')
    .set(rest)
    .where('fiscal_year', '=', fiscal_year)
    .execute()
}

/** The public text of a publication, rebuilt (its comparison with a corrected year before). */
export async function updatePublicationTexts(
  db: Db,
  year: number,
  texts: { en: string; ja: string },
): Promise<void> {
  await db
    .updateTable('report_publications')
    .set({ text_en: texts.en, text_ja: texts.ja })
    .where('fiscal_year', '=', year)
    .execute()
}
