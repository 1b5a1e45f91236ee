import type { Db } from '../../db/db-handle.js'
import type { MedicalCaseKitsTable, MedicalTreatmentsTable } from './medical-tables.js'

export async function insertTreatment(db: Db, row: MedicalTreatmentsTable): Promise<void> {
  await db.insertInto('medical_treatments').values(row).execute()
}

export async function findTreatment(
  db: Db,
  id: string,
): Promise<MedicalTreatmentsTable | undefined> {
  return db.selectFrom('medical_treatments').selectAll().where('id', '=', id).executeTakeFirst()
}

export interface TreatmentFilter {
  /** Compartments whose plain treatments the caller may read. */
  compartmentIds: readonly string[]
  /** Of those, the compartments whose flagged treatments the caller may read too. */
  sensitiveIn: readonly string[]
  /** Cases restricted to others (case-restriction in people): all their treatments left out. */
  hiddenCases: readonly string[]
  caseId?: string | undefined
  kind?: string | undefined
}

function filtered(db: Db, filter: TreatmentFilter) {
  let query = db
    .selectFrom('medical_treatments')
    .where('compartment_id', 'in', [...filter.compartmentIds])
  const sensitiveIn = [...filter.sensitiveIn]
  query =
    sensitiveIn.length > 0
      ? query.where((eb) =>
          eb.or([eb('sensitive', '=', 0), eb('compartment_id', 'in', sensitiveIn)]),
        )
      : query.where('sensitive', '=', 0)
  if (filter.hiddenCases.length > 0)
    query = query.where('case_id', 'not in', [...filter.hiddenCases])
  if (filter.caseId) query = query.where('case_id', '=', filter.caseId)
  if (filter.kind) query = query.where('kind', '=', filter.kind)
  return query
}

export async function listTreatments(
  db: Db,
  filter: TreatmentFilter,
  page: { limit: number; offset: number },
): Promise<MedicalTreatmentsTable[]> {
  if (filter.compartmentIds.length === 0) return []
  return filtered(db, filter)
    .selectAll()
    .orderBy('started_on', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute()
}

export async function countTreatments(db: Db, filter: TreatmentFilter): Promise<number> {
  if (filter.compartmentIds.length === 0) return 0
  const row = await filtered(db, filter)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** People treated in months starting in the period, by kind (each person once per kind). */
export async function peopleTreatedByKind(db: Db, fromMonth: string, toMonth: string) {
  const rows = await db
    .selectFrom('medical_treatments')
    .select((eb) => ['kind', eb.fn.count<number | string>('person_id').distinct().as('n')])
    .where('started_on', '>=', fromMonth)
    .where('started_on', '<=', toMonth)
    .groupBy('kind')
    .execute()
  return new Map(rows.map((r) => [r.kind, Number(r.n)]))
}

/** Treatment costs paid between two days, by currency. */
export async function treatmentCostsBetween(db: Db, from: string, to: string) {
  return db
    .selectFrom('medical_treatments')
    .select((eb) => ['currency', eb.fn.sum<number | string>('cost_minor').as('minor')])
    .where('paid_on', '>=', from)
    .where('paid_on', '<=', to)
    .groupBy('currency')
    .orderBy('currency')
    .execute()
}

export async function insertCaseKits(db: Db, row: MedicalCaseKitsTable): Promise<void> {
  await db.insertInto('medical_case_kits').values(row).execute()
}

/** The handouts of kits given on a case, newest first, a page at a time. */
export async function caseKitHandoutIds(
  db: Db,
  caseId: string,
  page: { limit: number; offset: number },
): Promise<string[]> {
  const rows = await db
    .selectFrom('medical_case_kits')
    .select('handout_id')
    .where('case_id', '=', caseId)
    .orderBy('occurred_on', 'desc')
    .orderBy('handout_id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute()
  return rows.map((r) => r.handout_id)
}

export async function countCaseKits(db: Db, caseId: string): Promise<number> {
  const row = await db
    .selectFrom('medical_case_kits')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('case_id', '=', caseId)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
