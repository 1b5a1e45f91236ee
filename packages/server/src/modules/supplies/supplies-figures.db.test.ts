import { fiscalYear } from '@haven/core/site/fiscal-year'
import { beforeAll, expect, it } from 'vitest'
import { describeEachDialect } from '../../../test/support/dialects.js'
import { buildCompartment } from '../../../test/support/factories.js'
import { testAppContext } from '../../../test/support/test-app.js'
import type { AppContext } from '../../app-context.js'
import { createPolicy, recordDistribution } from './distribution-service.js'
import { suppliesModule } from './index.js'
import { createItem, createLocation, recordMovement } from './stock-service.js'

const BY = { actorId: null, requestId: null }
const FY = fiscalYear(2029) // 2029-04-01 … 2030-03-31

function figure(key: string) {
  const found = suppliesModule.figures?.find((f) => f.key === key)
  if (!found) throw new Error(`no figure ${key}`)
  return found
}

describeEachDialect('the supplies module’s figures for a fiscal year', (ctx) => {
  let app: AppContext

  beforeAll(async () => {
    await ctx.reset()
    app = testAppContext(ctx.database(), { now: () => new Date('2031-01-01T00:00:00Z') })
    const yuan = await buildCompartment(app)
    const yen = await buildCompartment(app)
    const policy = (compartmentId: string, currency: 'CNY' | 'JPY', amount: string) =>
      createPolicy(
        app,
        {
          compartmentId,
          validFrom: '2029-01-01',
          validTo: null,
          amount,
          currency,
          buysGrams: 10_000,
          dailyCap: 100,
          monthlyCap: '100000000',
          monthlyCapCurrency: currency,
          rationGrams: 500,
        },
        BY,
      )
    await policy(yuan.id, 'CNY', '20')
    await policy(yen.id, 'JPY', '300')
    const give = (compartmentId: string, day: string, headcount: number) =>
      recordDistribution(app, { compartmentId, day, headcount }, { ...BY, mayOverride: false })
    await give(yuan.id, '2029-03-31', 9) // the year before: left out
    await give(yuan.id, '2029-04-01', 2)
    await give(yuan.id, '2029-04-02', 3)
    await give(yen.id, '2029-04-02', 4)
    await give(yuan.id, '2030-03-31', 1)
    await give(yuan.id, '2030-04-01', 9) // the year after: left out

    const rice = await createItem(app, { name: 'Rice', kind: 'rice', unit: 'kg' }, BY)
    const store = await createLocation(
      app,
      { name: 'Warehouse', kind: 'warehouse', compartmentId: null },
      BY,
    )
    const inside = await createLocation(
      app,
      { name: 'Destination', kind: 'delivery', compartmentId: null },
      BY,
    )
    const move = (kind: 'purchase' | 'transfer', quantity: number, occurredOn: string) =>
      recordMovement(
        app,
        {
          itemId: rice.id,
          kind,
          fromLocationId: kind === 'purchase' ? null : store.id,
          toLocationId: kind === 'purchase' ? store.id : inside.id,
          quantity,
          occurredOn,
          ...(kind === 'purchase' ? { cost: '100', currency: 'CNY' as const } : {}),
        },
        BY,
      )
    await move('purchase', 100, '2029-05-01')
    await move('transfer', 40, '2029-06-01')
    await move('transfer', 5, '2030-05-01') // the year after
  })

  it('averages the people fed per day over the days with distributions, all compartments together', async () => {
    // 2 on 1 April, 3 + 4 on 2 April, 1 on 31 March: 10 people over 3 days.
    expect(await figure('supplies.food.people-per-day.average').compute(app.database.db, FY)).toBe(
      3.3,
    )
    expect(await figure('supplies.food.people-per-day.peak').compute(app.database.db, FY)).toBe(7)
  })

  it('counts the rice handed out by ration and the food delivered where no stock is kept, in tonnes', async () => {
    // 10 people × the 10 kg each allowance buys.
    expect(await figure('supplies.food.tonnes.shelters').compute(app.database.db, FY)).toBe(0.1)
    expect(await figure('supplies.food.tonnes.delivered').compute(app.database.db, FY)).toBe(0.04)
  })

  it('adds up the spending by the currency of each day’s policy, in minor units', async () => {
    expect(await figure('supplies.food.spend').compute(app.database.db, FY)).toEqual({
      dimensions: [{ name: 'currency', labels: ['CNY', 'JPY'] }],
      // 6 people × 20.00 CNY; 4 people × 300 JPY.
      values: [12_000, 1_200],
    })
  })

  it('gives zeros for a year without distributions', async () => {
    const empty = fiscalYear(2020)
    expect(
      await figure('supplies.food.people-per-day.average').compute(app.database.db, empty),
    ).toBe(0)
    expect(await figure('supplies.food.tonnes.shelters').compute(app.database.db, empty)).toBe(0)
    expect(await figure('supplies.food.spend').compute(app.database.db, empty)).toEqual({
      dimensions: [{ name: 'currency', labels: [] }],
      values: [],
    })
  })
})
