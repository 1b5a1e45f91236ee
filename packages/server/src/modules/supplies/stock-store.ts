import type { Kysely } from 'kysely'
import type { Db } from '../../db/db-handle.js'
import { isPostgres } from '../../db/dialect.js'
import type {
  ExchangeRatesTable,
  StockMovementsTable,
  SupplyItemsTable,
  SupplyLocationsTable,
} from './supplies-tables.js'

export async function listItems(db: Db): Promise<SupplyItemsTable[]> {
  return db.selectFrom('supply_items').selectAll().orderBy('name').execute()
}

export async function findItem(db: Db, id: string): Promise<SupplyItemsTable | undefined> {
  return db.selectFrom('supply_items').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function insertItem(db: Db, row: SupplyItemsTable): Promise<void> {
  await db.insertInto('supply_items').values(row).execute()
}

export async function listLocations(db: Db) {
  return db
    .selectFrom('supply_locations')
    .leftJoin('compartments', 'compartments.id', 'supply_locations.compartment_id')
    .selectAll('supply_locations')
    .select(['compartments.code as compartment_code', 'compartments.name as compartment_name'])
    .orderBy('supply_locations.kind')
    .orderBy('supply_locations.name')
    .execute()
}

/** Every stock location, as stored. */
export async function listLocationRows(db: Db): Promise<SupplyLocationsTable[]> {
  return db.selectFrom('supply_locations').selectAll().execute()
}

export async function findLocation(db: Db, id: string): Promise<SupplyLocationsTable | undefined> {
  return db.selectFrom('supply_locations').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function insertLocation(db: Db, row: SupplyLocationsTable): Promise<void> {
  await db.insertInto('supply_locations').values(row).execute()
}

/**
 * The stock of an item at a location, locked for the rest of the transaction on PostgreSQL (on
 * SQLite the single writer already serialises transactions), so two movements cannot both spend
 * the same kilograms.
 */
export async function lockStock(db: Db, itemId: string, locationId: string): Promise<number> {
  await db
    .insertInto('stock_levels')
    .values({ item_id: itemId, location_id: locationId, quantity: 0 })
    .onConflict((oc) => oc.columns(['item_id', 'location_id']).doNothing())
    .execute()
  let query = db
    .selectFrom('stock_levels')
    .select('quantity')
    .where('item_id', '=', itemId)
    .where('location_id', '=', locationId)
  if (isPostgres(db as Kysely<unknown>)) query = query.forUpdate()
  const row = await query.executeTakeFirstOrThrow()
  return Number(row.quantity)
}

export async function addStock(
  db: Db,
  itemId: string,
  locationId: string,
  delta: number,
): Promise<void> {
  await db
    .updateTable('stock_levels')
    .set((eb) => ({ quantity: eb('quantity', '+', delta) }))
    .where('item_id', '=', itemId)
    .where('location_id', '=', locationId)
    .execute()
}

export async function insertMovement(db: Db, row: StockMovementsTable): Promise<void> {
  await db.insertInto('stock_movements').values(row).execute()
}

export async function listMovements(db: Db, limit: number) {
  return db
    .selectFrom('stock_movements')
    .selectAll()
    .orderBy('occurred_on', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
}

export async function listStock(db: Db) {
  return db
    .selectFrom('stock_levels')
    .select(['item_id', 'location_id', 'quantity'])
    .where('quantity', '>', 0)
    .execute()
}

/** Grams of mass items delivered in a year to destinations that hold no stock (inside North Korea). */
export function bulkDeliveredGrams(db: Db, year: string): Promise<number> {
  return bulkDeliveredGramsBetween(db, `${year}-01-01`, `${year}-12-31`)
}

/** Grams of mass items delivered between two days (inclusive) to destinations holding no stock. */
export async function bulkDeliveredGramsBetween(db: Db, from: string, to: string): Promise<number> {
  const row = await db
    .selectFrom('stock_movements')
    .innerJoin('supply_locations', 'supply_locations.id', 'stock_movements.to_location_id')
    .innerJoin('supply_items', 'supply_items.id', 'stock_movements.item_id')
    .select((eb) => eb.fn.sum<number | null>('stock_movements.quantity').as('quantity'))
    .where('supply_locations.kind', '=', 'delivery')
    .where('supply_items.unit', '=', 'kg')
    .where('stock_movements.occurred_on', '>=', from)
    .where('stock_movements.occurred_on', '<=', to)
    .executeTakeFirst()
  return Number(row?.quantity ?? 0)
}

export async function listRates(db: Db, limit = 500): Promise<ExchangeRatesTable[]> {
  return db
    .selectFrom('exchange_rates')
    .selectAll()
    .orderBy('date', 'desc')
    .orderBy('base')
    .limit(limit)
    .execute()
}

/** Rates on or before `day` that touch either currency (enough for direct and one-pivot paths). */
export async function ratesFor(
  db: Db,
  currencies: readonly string[],
  day: string,
): Promise<ExchangeRatesTable[]> {
  return db
    .selectFrom('exchange_rates')
    .selectAll()
    .where('date', '<=', day)
    .where((eb) => eb.or([eb('base', 'in', currencies), eb('quote', 'in', currencies)]))
    .execute()
}

/** A finance officer correcting the rate of a day replaces it: one rate per pair and day. */
export async function upsertRate(db: Db, row: ExchangeRatesTable): Promise<void> {
  await db
    .insertInto('exchange_rates')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['base', 'quote', 'date']).doUpdateSet({
        rate: row.rate,
        source: row.source,
        created_at: row.created_at,
        created_by: row.created_by,
      }),
    )
    .execute()
}

export async function itemIds(db: Db): Promise<string[]> {
  return (await db.selectFrom('supply_items').select('id').execute()).map((r) => r.id)
}

/**
 * The rate of a pair (either direction) dated closest to `day`, before or after: what a refusal
 * for a missing rate offers, so the person sees which rate exists rather than one silently used.
 */
export async function nearestRate(
  db: Db,
  a: string,
  b: string,
  day: string,
): Promise<ExchangeRatesTable | undefined> {
  const pairRates = () =>
    db
      .selectFrom('exchange_rates')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb.and([eb('base', '=', a), eb('quote', '=', b)]),
          eb.and([eb('base', '=', b), eb('quote', '=', a)]),
        ]),
      )
  const before = await pairRates()
    .where('date', '<=', day)
    .orderBy('date', 'desc')
    .limit(1)
    .executeTakeFirst()
  const after = await pairRates()
    .where('date', '>', day)
    .orderBy('date', 'asc')
    .limit(1)
    .executeTakeFirst()
  if (!before || !after) return before ?? after
  const distance = (d: string) => Math.abs(Date.parse(d) - Date.parse(day))
  return distance(after.date) < distance(before.date) ? after : before
}
