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

/** FY2005–2006, the seed report's year: April 2005 to March 2006. */
const SEED_YEAR = { from: '2005-04-01', to: '2006-03-31', delivered: '2005-06-15' }

/**
 * The seed report's year, so its food figures are not 0: rice bought and 10 t delivered inside
 * North Korea, and every open day a handful of people fed at each shelter — about 20 a day in
 * all, as the report says — under the same allowance (20 CNY buys 10 kg). The records therefore
 * show what 20 people × 10 kg a day comes to (some 60–70 t), not the report's "30 t": the
 * annual report's review must catch that contradiction. Synthetic, with a fixed sequence.
 */
async function seedReportYear(
  app: Parameters<DemoStep['run']>[0],
  compartments: readonly { id: string }[],
  at: { rice: { id: string }; warehouse: { id: string }; inside: { id: string } },
): Promise<number> {
  await recordRate(
    app,
    { date: SEED_YEAR.from, base: 'CNY', quote: 'JPY', rate: '15', source: 'demo' },
    BY,
  )
  const move = (input: {
    kind: 'purchase' | 'distribution'
    fromLocationId: string | null
    toLocationId: string
    occurredOn: string
    cost?: string
  }) =>
    recordMovement(
      app,
      {
        itemId: at.rice.id,
        quantity: 10_000,
        ...input,
        ...(input.cost === undefined ? {} : { currency: 'CNY' as const }),
      },
      BY,
    )
  await move({
    kind: 'purchase',
    fromLocationId: null,
    toLocationId: at.warehouse.id,
    occurredOn: SEED_YEAR.from,
    cost: '40000',
  })
  await move({
    kind: 'distribution',
    fromLocationId: at.warehouse.id,
    toLocationId: at.inside.id,
    occurredOn: SEED_YEAR.delivered,
  })
  const random = sequence(2005)
  const perShelter = Math.max(1, Math.round(20 / compartments.length))
  // Closed days are the same for every shelter (holidays, crackdowns), so the days with food
  // average about 20 people in all.
  const open = Array.from({ length: 365 }, () => random() >= 0.15)
  let given = 0
  for (const compartment of compartments) {
    await createPolicy(
      app,
      {
        compartmentId: compartment.id,
        validFrom: SEED_YEAR.from,
        validTo: SEED_YEAR.to,
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
    const first = Date.parse(`${SEED_YEAR.from}T00:00:00Z`)
    for (let day = 0; day < 365; day += 1) {
      const date = isoDay(new Date(first + day * DAY_MS))
      if (!open[day]) continue
      // Around the shelter's share of 20 a day: share − 3 … share + 2, at least one person.
      const headcount = Math.max(1, perShelter - 3 + Math.floor(random() * 6))
      try {
        await recordDistribution(
          app,
          { compartmentId: compartment.id, day: date, headcount },
          { ...BY, mayOverride: false },
        )
        given += 1
      } catch (error) {
        if (!(error instanceof HavenError)) throw error
      }
    }
  }
  return given
}

/**
 * Synthetic supplies after the seed report: rice bought in China and partly delivered inside
 * North Korea, clothes and first-aid kits, an allowance policy per shelter (20 CNY a person, at
 * most 20 people a day, 180,000 JPY a month) and a year of headcounts under those caps, the last
 * twelve months and the seed report's own year (FY2005–2006). Uses the
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

    const rice = await createItem(app, { name: 'rice', nameJa: '米', kind: 'rice', unit: 'kg' }, BY)
    const summer = await createItem(
      app,
      { name: 'clothes (summer set)', nameJa: '夏服セット', kind: 'clothes_summer', unit: 'set' },
      BY,
    )
    const winter = await createItem(
      app,
      { name: 'clothes (winter set)', nameJa: '冬服セット', kind: 'clothes_winter', unit: 'set' },
      BY,
    )
    const kits = await createItem(
      app,
      { name: 'first-aid kit', nameJa: '救急キット', kind: 'first_aid_kit', unit: 'kit' },
      BY,
    )
    const items = [rice, summer, winter, kits]
    const warehouse = await createLocation(
      app,
      { name: 'Yanji warehouse', nameJa: '延吉倉庫', kind: 'warehouse', compartmentId: null },
      BY,
    )
    const inside = await createLocation(
      app,
      { name: 'Inside North Korea', nameJa: '北朝鮮国内', kind: 'delivery', compartmentId: null },
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
        {
          name: `${compartment.code} store`,
          nameJa: `${compartment.code} 倉庫`,
          kind: 'shelter',
          compartmentId: compartment.id,
        },
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
    distributions += await seedReportYear(app, compartments, { rice, warehouse, inside })
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
