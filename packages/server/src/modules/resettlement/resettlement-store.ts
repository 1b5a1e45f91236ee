import type { Db } from '../../db/db-handle.js'
import type { ResettlementPathwaysTable, ResettlementStagesTable } from './resettlement-tables.js'

export async function insertPathway(db: Db, row: ResettlementPathwaysTable): Promise<void> {
  await db.insertInto('resettlement_pathways').values(row).execute()
}

export async function insertStage(db: Db, row: ResettlementStagesTable): Promise<void> {
  await db.insertInto('resettlement_stages').values(row).execute()
}

export async function findPathway(
  db: Db,
  id: string,
): Promise<ResettlementPathwaysTable | undefined> {
  return db.selectFrom('resettlement_pathways').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function findPathwayOfCase(
  db: Db,
  caseId: string,
): Promise<ResettlementPathwaysTable | undefined> {
  return db
    .selectFrom('resettlement_pathways')
    .selectAll()
    .where('case_id', '=', caseId)
    .executeTakeFirst()
}

/** Writes the change only if nobody saved since `version`; false when someone did. */
export async function updatePathwayIfVersion(
  db: Db,
  id: string,
  version: number,
  change: Partial<Omit<ResettlementPathwaysTable, 'id' | 'version'>>,
): Promise<boolean> {
  const result = await db
    .updateTable('resettlement_pathways')
    .set({ ...change, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(result.numUpdatedRows ?? 0) === 1
}

export async function stagesOf(db: Db, pathwayId: string): Promise<ResettlementStagesTable[]> {
  return db
    .selectFrom('resettlement_stages')
    .selectAll()
    .where('pathway_id', '=', pathwayId)
    .orderBy('recorded_at')
    .orderBy('id')
    .execute()
}

export interface PathwayFilter {
  compartmentIds: readonly string[]
  route?: string | undefined
  stage?: string | undefined
}

function filtered(db: Db, filter: PathwayFilter) {
  let query = db
    .selectFrom('resettlement_pathways')
    .where('compartment_id', 'in', [...filter.compartmentIds])
  if (filter.route) query = query.where('route', '=', filter.route)
  if (filter.stage) query = query.where('stage', '=', filter.stage)
  return query
}

/** One page of the pathways in these compartments, newest first. */
export async function listPathways(
  db: Db,
  filter: PathwayFilter,
  page: { limit: number; offset: number },
): Promise<ResettlementPathwaysTable[]> {
  if (filter.compartmentIds.length === 0) return []
  return filtered(db, filter)
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute()
}

export async function countPathways(db: Db, filter: PathwayFilter): Promise<number> {
  if (filter.compartmentIds.length === 0) return 0
  const row = await filtered(db, filter)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/**
 * How many pathways reached `stage` in a period starting between `from` and `to` (inclusive),
 * by route, every compartment together: each pathway once, however often it reached the stage.
 */
export async function reachedStageByRoute(
  db: Db,
  stage: string,
  from: string,
  to: string,
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('resettlement_stages as s')
    .innerJoin('resettlement_pathways as p', 'p.id', 's.pathway_id')
    .select((eb) => ['p.route', eb.fn.count<number | string>('p.id').distinct().as('n')])
    .where('s.stage', '=', stage)
    .where('s.period_start', '>=', from)
    .where('s.period_start', '<=', to)
    .groupBy('p.route')
    .execute()
  return new Map(rows.map((r) => [r.route, Number(r.n)]))
}
