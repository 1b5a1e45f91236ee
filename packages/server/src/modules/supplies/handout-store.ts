import type { Db } from '../../db/db-handle.js'
import type { ItemHandoutsTable } from './supplies-tables.js'

export async function insertHandout(db: Db, row: ItemHandoutsTable): Promise<void> {
  await db.insertInto('item_handouts').values(row).execute()
}

/** Which handouts a list shows: item kind, a year or month of the day, person or headcount. */
export interface HandoutFilter {
  kind?: string | undefined
  /** `2025` or `2025-06`. */
  period?: string | undefined
  recipient?: 'person' | 'shelter' | undefined
}

function inCompartments(db: Db, compartmentIds: readonly string[], filter: HandoutFilter = {}) {
  let query = db
    .selectFrom('item_handouts')
    .innerJoin('supply_items', 'supply_items.id', 'item_handouts.item_id')
    .where('item_handouts.compartment_id', 'in', [...compartmentIds])
  if (filter.kind) query = query.where('supply_items.kind', '=', filter.kind)
  if (filter.period) {
    // Days are ISO text: a year or month is a range of them, which keeps the day's index usable.
    const last = filter.period.length === 4 ? `${filter.period}-12-31` : `${filter.period}-31`
    query = query
      .where(
        'item_handouts.occurred_on',
        '>=',
        `${filter.period}${filter.period.length === 4 ? '-01-01' : '-01'}`,
      )
      .where('item_handouts.occurred_on', '<=', last)
  }
  if (filter.recipient === 'person') query = query.where('item_handouts.person_id', 'is not', null)
  if (filter.recipient === 'shelter') query = query.where('item_handouts.person_id', 'is', null)
  return query
}

/** Handouts in these compartments, newest first, with their item. */
export async function listHandouts(
  db: Db,
  compartmentIds: readonly string[],
  page: { limit: number; offset: number },
  filter: HandoutFilter = {},
) {
  if (compartmentIds.length === 0) return []
  return inCompartments(db, compartmentIds, filter)
    .selectAll('item_handouts')
    .select([
      'supply_items.name as item_name',
      'supply_items.name_ja as item_name_ja',
      'supply_items.kind as item_kind',
      'supply_items.unit as unit',
    ])
    .orderBy('item_handouts.occurred_on', 'desc')
    .orderBy('item_handouts.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute()
}

/** These handouts (by id), newest first, with their item: another module's list of its own. */
export async function handoutsByIds(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return []
  return db
    .selectFrom('item_handouts')
    .innerJoin('supply_items', 'supply_items.id', 'item_handouts.item_id')
    .selectAll('item_handouts')
    .select([
      'supply_items.name as item_name',
      'supply_items.name_ja as item_name_ja',
      'supply_items.kind as item_kind',
      'supply_items.unit as unit',
    ])
    .where('item_handouts.id', 'in', [...ids])
    .orderBy('item_handouts.occurred_on', 'desc')
    .orderBy('item_handouts.id', 'desc')
    .execute()
}

export async function countHandouts(
  db: Db,
  compartmentIds: readonly string[],
  filter: HandoutFilter = {},
): Promise<number> {
  if (compartmentIds.length === 0) return 0
  const row = await inCompartments(db, compartmentIds, filter)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Items handed out and people reached between two days, by item kind. */
export async function handoutsByKindBetween(db: Db, from: string, to: string) {
  const rows = await db
    .selectFrom('item_handouts')
    .innerJoin('supply_items', 'supply_items.id', 'item_handouts.item_id')
    .select((eb) => [
      'supply_items.kind',
      eb.fn.sum<number | string>('item_handouts.quantity').as('items'),
      eb.fn.sum<number | string>('item_handouts.people').as('people'),
    ])
    .where('item_handouts.occurred_on', '>=', from)
    .where('item_handouts.occurred_on', '<=', to)
    .groupBy('supply_items.kind')
    .execute()
  return new Map(rows.map((r) => [r.kind, { items: Number(r.items), people: Number(r.people) }]))
}
