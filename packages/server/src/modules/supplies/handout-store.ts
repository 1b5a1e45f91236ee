import type { Db } from '../../db/db-handle.js'
import type { ItemHandoutsTable } from './supplies-tables.js'

export async function insertHandout(db: Db, row: ItemHandoutsTable): Promise<void> {
  await db.insertInto('item_handouts').values(row).execute()
}

function inCompartments(db: Db, compartmentIds: readonly string[]) {
  return db
    .selectFrom('item_handouts')
    .innerJoin('supply_items', 'supply_items.id', 'item_handouts.item_id')
    .where('item_handouts.compartment_id', 'in', [...compartmentIds])
}

/** Handouts in these compartments, newest first, with their item. */
export async function listHandouts(
  db: Db,
  compartmentIds: readonly string[],
  page: { limit: number; offset: number },
) {
  if (compartmentIds.length === 0) return []
  return inCompartments(db, compartmentIds)
    .selectAll('item_handouts')
    .select([
      'supply_items.name as item_name',
      'supply_items.kind as item_kind',
      'supply_items.unit as unit',
    ])
    .orderBy('item_handouts.occurred_on', 'desc')
    .orderBy('item_handouts.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute()
}

export async function countHandouts(db: Db, compartmentIds: readonly string[]): Promise<number> {
  if (compartmentIds.length === 0) return 0
  const row = await inCompartments(db, compartmentIds)
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
