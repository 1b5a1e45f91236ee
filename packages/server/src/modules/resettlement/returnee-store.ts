import type { Db } from '../../db/db-handle.js'
import type { ReturneeSupportTable } from './resettlement-tables.js'

export async function insertReturn(db: Db, row: ReturneeSupportTable): Promise<void> {
  await db.insertInto('returnee_support').values(row).execute()
}

export async function findReturn(db: Db, id: string): Promise<ReturneeSupportTable | undefined> {
  return db.selectFrom('returnee_support').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function findReturnOfCase(
  db: Db,
  caseId: string,
): Promise<ReturneeSupportTable | undefined> {
  return db
    .selectFrom('returnee_support')
    .selectAll()
    .where('case_id', '=', caseId)
    .executeTakeFirst()
}

/** Writes the change only if nobody saved since `version`; false when someone did. */
export async function updateReturnIfVersion(
  db: Db,
  id: string,
  version: number,
  change: Partial<Omit<ReturneeSupportTable, 'id' | 'version'>>,
): Promise<boolean> {
  const result = await db
    .updateTable('returnee_support')
    .set({ ...change, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(result.numUpdatedRows ?? 0) === 1
}

export interface ReturnFilter {
  compartmentIds: readonly string[]
  status?: string | undefined
}

function filtered(db: Db, filter: ReturnFilter) {
  let query = db
    .selectFrom('returnee_support')
    .where('compartment_id', 'in', [...filter.compartmentIds])
  if (filter.status) query = query.where('status', '=', filter.status)
  return query
}

/** One page of the requests in these compartments, newest first. */
export async function listReturns(
  db: Db,
  filter: ReturnFilter,
  page: { limit: number; offset: number },
): Promise<ReturneeSupportTable[]> {
  if (filter.compartmentIds.length === 0) return []
  return filtered(db, filter)
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute()
}

export async function countReturns(db: Db, filter: ReturnFilter): Promise<number> {
  if (filter.compartmentIds.length === 0) return 0
  const row = await filtered(db, filter)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** People paid return funds between two days (inclusive), and the sums by currency. */
export async function returnFundsBetween(db: Db, from: string, to: string) {
  return db
    .selectFrom('returnee_support')
    .select((eb) => [
      'currency',
      eb.fn.countAll<number | string>().as('people'),
      eb.fn.sum<number | string>('amount_minor').as('minor'),
    ])
    .where('paid_on', '>=', from)
    .where('paid_on', '<=', to)
    .groupBy('currency')
    .orderBy('currency')
    .execute()
}
