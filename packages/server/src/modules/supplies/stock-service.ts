import type { CurrencyCode } from '@haven/core/money/currency'
import type { ExchangeRate } from '@haven/core/money/exchange-rate'
import { formatMinorAsDecimal, moneyFromDecimal } from '@haven/core/money/money'
import type { Programme } from '@haven/core/money/programmes'
import { shortfall } from '@haven/core/supplies/caps'
import { supplyName } from '@haven/core/supplies/reference-name'
import type {
  CreateItem,
  CreateLocation,
  CreateMovement,
  CreateRate,
  MovementKind,
} from '@haven/core/supplies/supply-schemas'
import type { MovementView } from '@haven/core/supplies/supply-views'
import { type AppContext, today } from '../../app-context.js'
import type { Actorish } from '../../audit/audit-log.js'
import { audit } from '../../auth/auth-audit.js'
import { findCompartment } from '../../compartments/compartment-store.js'
import type { Db } from '../../db/db-handle.js'
import { newId } from '../../db/ids.js'
import { errors, type InWords } from '../../http/errors.js'
import { recordMoney } from '../../money-events.js'
import {
  addStock,
  findItem,
  findLocation,
  insertItem,
  insertLocation,
  insertMovement,
  listItems,
  listLocationRows,
  lockStock,
  ratesFor,
  upsertRate,
} from './stock-store.js'
import type {
  StockMovementsTable,
  SupplyItemsTable,
  SupplyLocationsTable,
} from './supplies-tables.js'

/** The programme a purchase is spent for: rice feeds people, first-aid kits are medical care. */
const PROGRAMME_OF_ITEM: Readonly<Record<string, Programme>> = {
  rice: 'food',
  first_aid_kit: 'medical',
  clothes_summer: 'shelters',
  clothes_winter: 'shelters',
}

/** Kilograms are stored as grams, everything else as whole counts. */
export function storedQuantity(unit: string, quantity: number): number {
  if (unit === 'kg') return Math.round(quantity * 1000)
  if (!Number.isInteger(quantity))
    throw errors.validationFailed([{ path: 'quantity', key: 'field.quantity_whole', params: {} }])
  return quantity
}

export function displayQuantity(unit: string, stored: number): number {
  return unit === 'kg' ? stored / 1000 : stored
}

export function describeQuantity(unit: string, stored: number): string {
  return `${displayQuantity(unit, stored).toLocaleString('en')} ${unit}`
}

export function refuseFuture(app: AppContext, day: string, path: string): void {
  if (day > today(app))
    throw errors.validationFailed([{ path, key: 'field.date_in_future', params: {} }])
}

export async function createItem(app: AppContext, input: CreateItem, by: Actorish) {
  const row: SupplyItemsTable = {
    id: newId(),
    name: input.name,
    name_ja: input.nameJa || null,
    kind: input.kind,
    unit: input.unit,
    created_at: app.now().toISOString(),
  }
  await app.database.db.transaction().execute(async (trx) => {
    await insertItem(trx, row)
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'supply_item.created',
      entityType: 'SupplyItem',
      entityId: row.id,
      requestId: by.requestId,
      details: { kind: row.kind, unit: row.unit },
    })
  })
  return row
}

export async function createLocation(app: AppContext, input: CreateLocation, by: Actorish) {
  if (input.kind === 'shelter' && !input.compartmentId)
    throw errors.validationFailed([{ path: 'compartmentId', key: 'field.required', params: {} }])
  if (input.compartmentId && !(await findCompartment(app.database.db, input.compartmentId)))
    throw errors.notFound()
  const row: SupplyLocationsTable = {
    id: newId(),
    name: input.name,
    name_ja: input.nameJa || null,
    kind: input.kind,
    compartment_id: input.compartmentId,
    created_at: app.now().toISOString(),
  }
  await app.database.db.transaction().execute(async (trx) => {
    await insertLocation(trx, row)
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'supply_location.created',
      entityType: 'SupplyLocation',
      entityId: row.id,
      compartmentId: row.compartment_id,
      requestId: by.requestId,
      details: { kind: row.kind },
    })
  })
  return row
}

/** A stock record's name in each language: the Japanese one if given, else the English one. */
export function namedInWords(row: { name: string; name_ja: string | null }): InWords {
  return { en: row.name, ja: row.name_ja ?? row.name }
}

/**
 * A location as a message names it: a shelter's by its compartment code (the same in every
 * language), any other by its name in the reader's language. Takes the transaction's handle: on
 * SQLite a second connection would wait for this one forever.
 */
export async function locationLabel(db: Db, location: SupplyLocationsTable): Promise<InWords> {
  const compartment = location.compartment_id
    ? await findCompartment(db, location.compartment_id)
    : undefined
  return compartment ? { en: compartment.code, ja: compartment.code } : namedInWords(location)
}

/**
 * A movement as the module records it: the screen's four kinds, or goods received (delivered or
 * donated into a warehouse or shelter, as a spreadsheet of supplies lists them: no cost, so
 * nothing in the books), with an optional note.
 */
export type MovementInput = Omit<CreateMovement, 'kind'> & {
  kind: MovementKind | 'receipt'
  note?: string | null
}

/**
 * Records a purchase, transfer, distribution or loss. The source's stock is locked and checked in
 * the same transaction that moves it, so stock never goes negative; a refusal names the shortfall.
 * A delivery destination (inside North Korea) receives but never holds stock.
 */
export async function recordMovement(app: AppContext, input: CreateMovement, by: Actorish) {
  return app.database.db.transaction().execute((trx) => recordMovementIn(app, trx, input, by))
}

/**
 * `recordMovement` inside a transaction the caller holds (an import's, whose rows are written
 * together or not at all). Goods are received only where stock is held: a delivery destination
 * never holds any.
 */
export async function recordMovementIn(
  app: AppContext,
  trx: Db,
  input: MovementInput,
  by: Actorish,
): Promise<MovementView> {
  refuseFuture(app, input.occurredOn, 'occurredOn')
  const item = await findItem(trx, input.itemId)
  if (!item) throw errors.validationFailed([{ path: 'itemId', key: 'field.invalid', params: {} }])
  const from = input.fromLocationId ? await findLocation(trx, input.fromLocationId) : undefined
  const to = input.toLocationId ? await findLocation(trx, input.toLocationId) : undefined
  if (input.fromLocationId && !from)
    throw errors.validationFailed([{ path: 'fromLocationId', key: 'field.invalid', params: {} }])
  if (input.toLocationId && !to)
    throw errors.validationFailed([{ path: 'toLocationId', key: 'field.invalid', params: {} }])
  if (from?.kind === 'delivery') throw errors.locationHoldsNoStock()
  if (input.kind === 'receipt' && (!to || to.kind === 'delivery'))
    throw errors.locationHoldsNoStock()
  const quantity = storedQuantity(item.unit, input.quantity)
  if (quantity <= 0)
    throw errors.validationFailed([
      { path: 'quantity', key: 'field.quantity_positive', params: {} },
    ])
  const cost =
    input.kind === 'purchase' && input.cost && input.currency
      ? moneyFromDecimal(input.currency as CurrencyCode, input.cost)
      : null
  const row: StockMovementsTable = {
    id: newId(),
    item_id: item.id,
    kind: input.kind,
    from_location_id: from?.id ?? null,
    to_location_id: input.kind === 'loss' ? null : (to?.id ?? null),
    quantity,
    cost_minor: cost?.minor ?? null,
    cost_currency: cost?.currency ?? null,
    occurred_on: input.occurredOn,
    note: input.note ?? null,
    created_at: app.now().toISOString(),
    created_by: by.actorId,
  }
  if (from) {
    const available = await lockStock(trx, item.id, from.id)
    const missing = shortfall(available, quantity)
    if (missing > 0)
      throw errors.insufficientStock({
        available: describeQuantity(item.unit, available),
        asked: describeQuantity(item.unit, quantity),
        item: namedInWords(item),
        location: await locationLabel(trx, from),
      })
    await addStock(trx, item.id, from.id, -quantity)
  }
  if (to && to.kind !== 'delivery' && input.kind !== 'loss') {
    await lockStock(trx, item.id, to.id)
    await addStock(trx, item.id, to.id, quantity)
  }
  await insertMovement(trx, row)
  if (cost)
    await recordMoney(
      app,
      trx,
      {
        source: { module: 'supplies', kind: 'purchase', id: row.id },
        on: row.occurred_on,
        direction: 'out',
        amount: cost,
        programme: PROGRAMME_OF_ITEM[item.kind] ?? 'shelters',
        category: 'purchase',
        compartmentId: to?.compartment_id ?? null,
        memo: `purchase of ${item.kind}`,
      },
      by,
    )
  await audit(app, trx, {
    actorId: by.actorId,
    action: `stock.${input.kind}`,
    entityType: 'StockMovement',
    entityId: row.id,
    compartmentId: from?.compartment_id ?? to?.compartment_id ?? null,
    requestId: by.requestId,
    details: { itemId: item.id, quantity },
  })
  return presentMovement(row, item.unit)
}

export function presentMovement(row: StockMovementsTable, unit: string): MovementView {
  return {
    id: row.id,
    itemId: row.item_id,
    kind: row.kind,
    fromLocationId: row.from_location_id,
    toLocationId: row.to_location_id,
    quantity: displayQuantity(unit, Number(row.quantity)),
    cost:
      row.cost_minor !== null && row.cost_currency
        ? formatMinorAsDecimal({
            currency: row.cost_currency as CurrencyCode,
            minor: Number(row.cost_minor),
          })
        : null,
    currency: row.cost_currency,
    occurredOn: row.occurred_on,
    note: row.note ?? null,
  }
}

/** The rates recorded on or before `day` that name any of the currencies, as the money code reads them. */
export async function exchangeRatesFor(
  db: Db,
  currencies: readonly string[],
  day: string,
): Promise<ExchangeRate[]> {
  const rows = await ratesFor(db, currencies, day)
  return rows.map((r) => ({
    base: r.base as CurrencyCode,
    quote: r.quote as CurrencyCode,
    rate: r.rate,
    date: r.date,
  }))
}

export async function recordRate(app: AppContext, input: CreateRate, by: Actorish) {
  refuseFuture(app, input.date, 'date')
  if (input.base === input.quote || Number(input.rate) <= 0)
    throw errors.validationFailed([{ path: 'rate', key: 'field.rate_format', params: {} }])
  const row = {
    date: input.date,
    base: input.base,
    quote: input.quote,
    rate: input.rate,
    source: input.source ?? null,
    created_at: app.now().toISOString(),
    created_by: by.actorId,
  }
  await app.database.db.transaction().execute(async (trx) => {
    await upsertRate(trx, row)
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'exchange_rate.recorded',
      entityType: 'ExchangeRate',
      entityId: `${row.base}/${row.quote}/${row.date}`,
      requestId: by.requestId,
      details: { rate: row.rate },
    })
  })
  return row
}

/**
 * The items whose English or Japanese name is `name`, compared as supplyName compares them (width,
 * case and spacing aside). An organisation holds a few dozen items, so the list is read whole.
 */
export async function itemsNamed(db: Db, name: string): Promise<SupplyItemsTable[]> {
  const wanted = supplyName(name)
  return (await listItems(db)).filter((i) => isNamed(i, wanted))
}

/** The stock locations (warehouses, shelters, destinations) whose name is `name`, as above. */
export async function locationsNamed(db: Db, name: string): Promise<SupplyLocationsTable[]> {
  const wanted = supplyName(name)
  return (await listLocationRows(db)).filter((l) => isNamed(l, wanted))
}

const isNamed = (row: { name: string; name_ja: string | null }, wanted: string) =>
  supplyName(row.name) === wanted || (row.name_ja !== null && supplyName(row.name_ja) === wanted)
