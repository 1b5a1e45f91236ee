import type { MessageKey } from '@haven/core/i18n/catalog-en'
import { shortfall } from '@haven/core/supplies/caps'
import type { CreateHandout, HandoutView } from '@haven/core/supplies/handout-schema'
import type { AppContext } from '../../app-context.js'
import type { Actorish } from '../../audit/audit-log.js'
import { audit } from '../../auth/auth-audit.js'
import { assertWritable } from '../../compartments/compartment-access.js'
import type { Db } from '../../db/db-handle.js'
import { newId } from '../../db/ids.js'
import { errors } from '../../http/errors.js'
import { findPersonByCode } from '../people/index.js'
import { insertHandout } from './handout-store.js'
import { describeQuantity, locationLabel, namedInWords, refuseFuture } from './stock-service.js'
import { addStock, findItem, findLocation, insertMovement, lockStock } from './stock-store.js'
import type { ItemHandoutsTable, StockMovementsTable } from './supplies-tables.js'

const issue = (path: string, key: MessageKey) =>
  errors.validationFailed([{ path, key, params: {} }])

/**
 * Hands out non-food items (clothes sets, first-aid kits…) from a stock location to one person,
 * by code, registered in the compartment, or to a shelter's headcount. In one transaction: the
 * source's stock is locked and checked (a refusal names the shortfall), a distribution movement
 * takes the items out, and the recipients are recorded. Audited with the item and counts, never
 * the person's code. `within`, when given, runs in the same transaction once the handout is
 * written (another module's record of it: a medical case's kits), so neither stays without the
 * other.
 */
export async function handOutItems(
  app: AppContext,
  input: CreateHandout,
  by: Actorish,
  within?: (trx: Db, made: HandoutView) => Promise<void>,
): Promise<HandoutView> {
  refuseFuture(app, input.occurredOn, 'occurredOn')
  return app.database.db.transaction().execute(async (trx) => {
    await assertWritable(trx, input.compartmentId)
    const item = await findItem(trx, input.itemId)
    if (!item) throw issue('itemId', 'field.invalid')
    // Food goes through distributions, under the day's and month's caps.
    if (item.kind === 'rice' || item.unit === 'kg') throw issue('itemId', 'field.item_not_non_food')
    const from = await findLocation(trx, input.fromLocationId)
    if (!from) throw issue('fromLocationId', 'field.invalid')
    if (from.kind === 'delivery') throw errors.locationHoldsNoStock()
    const person = input.personCode
      ? await findPersonByCode(trx, input.compartmentId, input.personCode)
      : undefined
    if (input.personCode && !person) throw errors.personNotInCompartment()
    const available = await lockStock(trx, item.id, from.id)
    if (shortfall(available, input.quantity) > 0)
      throw errors.insufficientStock({
        available: describeQuantity(item.unit, available),
        asked: describeQuantity(item.unit, input.quantity),
        item: namedInWords(item),
        location: await locationLabel(trx, from),
      })
    await addStock(trx, item.id, from.id, -input.quantity)
    const now = app.now().toISOString()
    const movement: StockMovementsTable = {
      id: newId(),
      item_id: item.id,
      kind: 'distribution',
      from_location_id: from.id,
      // Handed to people, not to another location.
      to_location_id: null,
      quantity: input.quantity,
      cost_minor: null,
      cost_currency: null,
      occurred_on: input.occurredOn,
      created_at: now,
      created_by: by.actorId,
    }
    await insertMovement(trx, movement)
    const row: ItemHandoutsTable = {
      id: newId(),
      movement_id: movement.id,
      item_id: item.id,
      compartment_id: input.compartmentId,
      person_id: person?.id ?? null,
      people: person ? 1 : (input.headcount ?? 0),
      quantity: input.quantity,
      occurred_on: input.occurredOn,
      created_at: now,
      created_by: by.actorId,
    }
    await insertHandout(trx, row)
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'stock.handout',
      entityType: 'Distribution',
      entityId: row.id,
      compartmentId: row.compartment_id,
      requestId: by.requestId,
      details: {
        itemId: item.id,
        quantity: row.quantity,
        people: row.people,
        toPerson: row.person_id !== null,
      },
    })
    const made: HandoutView = {
      id: row.id,
      compartmentId: row.compartment_id,
      itemId: item.id,
      itemName: item.name,
      itemNameJa: item.name_ja,
      itemKind: item.kind,
      unit: item.unit,
      quantity: row.quantity,
      personCode: person?.code ?? null,
      people: row.people,
      occurredOn: row.occurred_on,
    }
    if (within) await within(trx, made)
    return made
  })
}
