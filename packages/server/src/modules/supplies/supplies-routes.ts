import {
  createItemSchema,
  createLocationSchema,
  createMovementSchema,
  createRateSchema,
} from '@haven/core/supplies/supply-schemas'
import {
  itemView,
  locationView,
  movementView,
  rateView,
  stockView,
} from '@haven/core/supplies/supply-views'
import { z } from 'zod'
import { defineRoute } from '../../api/api-route.js'
import { errors } from '../../http/errors.js'
import {
  createItem,
  createLocation,
  displayQuantity,
  presentMovement,
  recordMovement,
  recordRate,
} from './stock-service.js'
import { listItems, listLocations, listMovements, listRates, listStock } from './stock-store.js'
import type { SupplyItemsTable } from './supplies-tables.js'

const overview = z.object({
  items: z.array(itemView),
  locations: z.array(locationView),
  stock: z.array(stockView),
  movements: z.array(movementView),
})

const presentItem = (i: SupplyItemsTable) => ({
  id: i.id,
  name: i.name,
  nameJa: i.name_ja,
  kind: i.kind,
  unit: i.unit,
})

export const suppliesRoutes = [
  defineRoute({
    method: 'get',
    path: '/supplies',
    summary: 'Items, locations, stock per item and location, and the latest movements',
    tag: 'supplies',
    access: { kind: 'policy', entity: 'Supplies', action: 'list' },
    response: overview,
    async handle({ app }) {
      const db = app.database.db
      const items = await listItems(db)
      const units = new Map(items.map((i) => [i.id, i.unit]))
      const locations = await listLocations(db)
      const stock = await listStock(db)
      const movements = await listMovements(db, 100)
      return {
        items: items.map(presentItem),
        locations: locations.map((l) => ({
          id: l.id,
          name: l.name,
          nameJa: l.name_ja,
          kind: l.kind,
          compartmentId: l.compartment_id,
          compartmentCode: l.compartment_code ?? null,
        })),
        stock: stock.map((s) => ({
          itemId: s.item_id,
          locationId: s.location_id,
          quantity: displayQuantity(units.get(s.item_id) ?? '', Number(s.quantity)),
        })),
        movements: movements.map((m) => presentMovement(m, units.get(m.item_id) ?? '')),
      }
    },
  }),
  defineRoute({
    method: 'post',
    path: '/supplies/items',
    summary: 'Add an item (rice in kg, clothes sets, first-aid kits…)',
    tag: 'supplies',
    access: { kind: 'policy', entity: 'Supplies', action: 'create' },
    body: createItemSchema,
    response: itemView,
    successStatus: 201,
    errors: ['validationFailed'],
    async handle({ app, body, audit: by }) {
      return presentItem(await createItem(app, body, by))
    },
  }),
  defineRoute({
    method: 'post',
    path: '/supplies/locations',
    summary: 'Add a location: a shelter, a warehouse, or a delivery destination holding no stock',
    tag: 'supplies',
    access: { kind: 'policy', entity: 'Supplies', action: 'create' },
    body: createLocationSchema,
    response: locationView,
    successStatus: 201,
    errors: ['validationFailed', 'notFound'],
    async handle({ app, body, actor, audit: by }) {
      if (body.compartmentId && !actor().canSeeCompartment(body.compartmentId))
        throw errors.notFound()
      const row = await createLocation(app, body, by)
      return {
        id: row.id,
        name: row.name,
        nameJa: row.name_ja,
        kind: row.kind,
        compartmentId: row.compartment_id,
        compartmentCode: null,
      }
    },
  }),
  defineRoute({
    method: 'post',
    path: '/supplies/movements',
    summary: 'Record a purchase, transfer, distribution or loss; stock never goes negative',
    tag: 'supplies',
    access: { kind: 'policy', entity: 'Supplies', action: 'create' },
    body: createMovementSchema,
    response: movementView,
    successStatus: 201,
    errors: ['validationFailed', 'insufficientStock', 'locationHoldsNoStock'],
    async handle({ app, body, audit: by }) {
      return recordMovement(app, body, by)
    },
  }),
  defineRoute({
    method: 'get',
    path: '/exchange-rates',
    summary: 'Exchange rates by date and pair, newest first',
    tag: 'supplies',
    access: { kind: 'policy', entity: 'ExchangeRate', action: 'list' },
    response: z.array(rateView),
    async handle({ app }) {
      const rows = await listRates(app.database.db)
      return rows.map((r) => ({
        date: r.date,
        base: r.base,
        quote: r.quote,
        rate: r.rate,
        source: r.source,
      }))
    },
  }),
  defineRoute({
    method: 'post',
    path: '/exchange-rates',
    summary: 'Record the rate of a currency pair on a day (replaces that day’s rate)',
    tag: 'supplies',
    access: { kind: 'policy', entity: 'ExchangeRate', action: 'create' },
    body: createRateSchema,
    response: rateView,
    successStatus: 201,
    errors: ['validationFailed'],
    async handle({ app, body, audit: by }) {
      const row = await recordRate(app, body, by)
      return { ...row }
    },
  }),
]
