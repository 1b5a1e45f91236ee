import { createCompartment } from '../../compartments/compartment-service.js'
import { activeCompartmentsOfKinds } from '../../compartments/compartment-store.js'
import type { DemoStep } from '../../haven-module.js'
import { HavenError } from '../../http/haven-error.js'
import { createPolicy, recordDistribution } from './distribution-service.js'
import { handOutItems } from './handout-service.js'
import { createItem, createLocation, recordMovement, recordRate } from './stock-service.js'
import { itemIds } from './stock-store.js'

const BY = { actorId: null, requestId: null }
const DAY_MS = 86_400_000

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10)
}

/** A fixed sequence, so every `haven demo` draws the same synthetic year. */
function sequence(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648
    return state / 2_147_483_648
  }
}

/**
 * Synthetic supplies after the seed report: rice bought in China and partly delivered inside
 * North Korea, clothes and first-aid kits, an allowance policy per shelter (20 CNY a person, at
 * most 20 people a day, 180,000 JPY a month) and a year of headcounts under those caps. Uses the
 * compartments that exist (the shelters demo may have made them); creates three if there are none.
 */
export const suppliesDemo: DemoStep = {
  name: 'supplies',
  counts: { one: 'supply item', other: 'supply items' },
  async run(app) {
    const db = app.database.db
    // All or nothing: once any item exists (from this step or from people's own work), the
    // step leaves supplies alone.
    const existing = await itemIds(db)
    if (existing.length > 0) return { created: 0, skipped: existing.length }
    let newShelters = 0
    let distributions = 0
    let compartments = await activeCompartmentsOfKinds(db, ['shelter', 'programme'], 3)
    if (compartments.length === 0) {
      compartments = []
      for (const code of ['YAN-01', 'YAN-02', 'JRL-01']) {
        compartments.push(
          await createCompartment(app, db, { code, name: `Shelter ${code}`, kind: 'shelter' }, BY),
        )
        newShelters += 1
      }
    }
    const today = app.now()
    const start = new Date(today.getTime() - 364 * DAY_MS)
    const startDay = isoDay(start)
    await recordRate(
      app,
      { date: startDay, base: 'CNY', quote: 'JPY', rate: '15', source: 'demo' },
      BY,
    )

    const rice = await createItem(app, { name: 'rice', kind: 'rice', unit: 'kg' }, BY)
    const summer = await createItem(
      app,
      { name: 'clothes (summer set)', kind: 'clothes_summer', unit: 'set' },
      BY,
    )
    const winter = await createItem(
      app,
      { name: 'clothes (winter set)', kind: 'clothes_winter', unit: 'set' },
      BY,
    )
    const kits = await createItem(
      app,
      { name: 'first-aid kit', kind: 'first_aid_kit', unit: 'kit' },
      BY,
    )
    const items = [rice, summer, winter, kits]
    const warehouse = await createLocation(
      app,
      { name: 'Yanji warehouse', kind: 'warehouse', compartmentId: null },
      BY,
    )
    const inside = await createLocation(
      app,
      { name: 'Inside North Korea', kind: 'delivery', compartmentId: null },
      BY,
    )
    const purchase = (itemId: string, quantity: number, cost: string) =>
      recordMovement(
        app,
        {
          itemId,
          kind: 'purchase',
          fromLocationId: null,
          toLocationId: warehouse.id,
          quantity,
          occurredOn: startDay,
          cost,
          currency: 'CNY',
        },
        BY,
      )
    await purchase(rice.id, 40_000, '160000')
    await purchase(summer.id, 250, '12500')
    await purchase(winter.id, 250, '25000')
    await purchase(kits.id, 80, '8000')
    const later = isoDay(new Date(start.getTime() + 30 * DAY_MS))
    await recordMovement(
      app,
      {
        itemId: rice.id,
        kind: 'distribution',
        fromLocationId: warehouse.id,
        toLocationId: inside.id,
        quantity: 10_000,
        occurredOn: later,
      },
      BY,
    )

    const random = sequence(2006)
    for (const compartment of compartments) {
      const shelter = await createLocation(
        app,
        { name: `${compartment.code} store`, kind: 'shelter', compartmentId: compartment.id },
        BY,
      )
      for (const [item, quantity] of [
        [rice, 2000],
        [summer, 60],
        [winter, 60],
        [kits, 20],
      ] as const)
        await recordMovement(
          app,
          {
            itemId: item.id,
            kind: 'transfer',
            fromLocationId: warehouse.id,
            toLocationId: shelter.id,
            quantity,
            occurredOn: later,
          },
          BY,
        )
      // The seed's clothes (summer and winter sets) and first-aid kits, handed out to the
      // shelter's people as a headcount: every set and kit that reached the shelter.
      for (const [item, quantity, day] of [
        [summer, 60, 90],
        [winter, 60, 250],
        [kits, 20, 150],
      ] as const)
        await handOutItems(
          app,
          {
            itemId: item.id,
            fromLocationId: shelter.id,
            compartmentId: compartment.id,
            personCode: null,
            headcount: quantity,
            quantity,
            occurredOn: isoDay(new Date(start.getTime() + day * DAY_MS)),
          },
          BY,
        )
      await createPolicy(
        app,
        {
          compartmentId: compartment.id,
          validFrom: startDay,
          validTo: null,
          amount: '20',
          currency: 'CNY',
          buysGrams: 10_000,
          dailyCap: 20,
          monthlyCap: '180000',
          monthlyCapCurrency: 'JPY',
          rationGrams: 500,
        },
        BY,
      )
      for (let day = 0; day < 365; day += 1) {
        const date = isoDay(new Date(start.getTime() + day * DAY_MS))
        if (random() < 0.15) continue // closed, or nobody came
        const headcount = 6 + Math.floor(random() * 15) // 6…20
        try {
          await recordDistribution(
            app,
            { compartmentId: compartment.id, day: date, headcount },
            { ...BY, mayOverride: false },
          )
          distributions += 1
        } catch (error) {
          // The month's budget ran out: the report's "limit of our resources". Skip the day.
          if (!(error instanceof HavenError)) throw error
        }
      }
    }
    const first = compartments[0]
    if (first)
      for (const [item, quantity, day] of [
        [summer, 250 - 60 * compartments.length, 95],
        [winter, 250 - 60 * compartments.length, 255],
        [kits, 80 - 20 * compartments.length, 155],
      ] as const)
        if (quantity > 0)
          await handOutItems(
            app,
            {
              itemId: item.id,
              fromLocationId: warehouse.id,
              compartmentId: first.id,
              personCode: null,
              headcount: quantity,
              quantity,
              occurredOn: isoDay(new Date(start.getTime() + day * DAY_MS)),
            },
            BY,
          )
    const where =
      newShelters > 0 ? `${newShelters} new shelters` : `${compartments.length} shelters`
    return {
      created: items.length,
      skipped: 0,
      detail: `stock and an allowance policy in ${where}, ${distributions} distributions over a year`,
    }
  },
}
