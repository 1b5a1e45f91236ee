import { fiscalYear as siteFiscalYear } from '@haven/core/site/fiscal-year'
import { expect, it } from 'vitest'
import type { FigureTable } from '../src/figures.js'
import { budgetVsActual } from '../src/modules/finance/books-service.js'
import { foodCost } from '../src/modules/finance/report-service.js'
import { MODULES } from '../src/modules/index.js'
import { describeEachDialect } from './support/dialects.js'
import { testAppContext } from './support/test-app.js'

describeEachDialect('finance demo', (ctx) => {
  it('books the demo year: the food spend of its distributions against 180,000 yen a month, once', async () => {
    await ctx.reset()
    const app = testAppContext(ctx.database(), { now: () => new Date('2026-06-15T10:00:00Z') })
    const step = (name: string) => {
      const found = MODULES.find((m) => m.name === name)?.demo
      if (!found) throw new Error(`${name} demo step not registered`)
      return found
    }
    await step('supplies').run(app)
    expect(await step('finance').run(app)).toMatchObject({ created: 2, skipped: 0 })
    expect(await step('finance').run(app)).toEqual({ created: 0, skipped: 2 })

    // The books hold exactly what the records moved: every distribution's yuan, and the rice
    // bought for the year, at 15 yen a yuan.
    const spendFigure = MODULES.flatMap((m) => m.figures ?? []).find(
      (f) => f.key === 'supplies.food.spend',
    )
    let distributedFen = 0
    let bookedYen = 0
    for (const year of [2025, 2026]) {
      const table = (await spendFigure?.compute(
        app.database.db,
        siteFiscalYear(year),
      )) as FigureTable
      distributedFen += table.values.reduce((s, v) => s + v, 0)
      const report = await budgetVsActual(app, year)
      const food = report.programmes.find((p) => p.programme === 'food')
      expect(food?.budget).toEqual(Array(12).fill('180000'))
      bookedYen += Number(food?.actualTotal)
    }
    expect(distributedFen).toBeGreaterThan(0)
    expect(bookedYen).toBe(((distributedFen + 160_000_00) / 100) * 15)

    const cost = await foodCost(app, 2025)
    expect(cost.usd).toMatchObject({ rate: '117', missingRate: null })
    expect(Number(cost.perPersonDay)).toBeGreaterThan(0)
  }, 180_000)
})
