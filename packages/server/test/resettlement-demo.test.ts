import { fiscalYear } from '@haven/core/site/fiscal-year'
import { expect, it } from 'vitest'
import { MODULES } from '../src/modules/index.js'
import { medicalModule } from '../src/modules/medical/index.js'
import { peopleModule } from '../src/modules/people/index.js'
import { resettlementModule } from '../src/modules/resettlement/index.js'
import { describeEachDialect } from './support/dialects.js'
import { testAppContext } from './support/test-app.js'

describeEachDialect('the resettlement demo', (ctx) => {
  it('adds journeys and about 20 returnees in one quarter, once, and the year’s figures show them', async () => {
    await ctx.reset()
    const app = testAppContext(ctx.database())
    const demo = resettlementModule.demo
    const first = await demo.run(app)
    expect(first).toMatchObject({ created: 31, skipped: 0 })
    expect(await demo.run(app)).toMatchObject({ created: 0, skipped: 31 })
    const db = app.database.db
    const pathways = await db.selectFrom('resettlement_pathways').select('route').execute()
    expect([...new Set(pathways.map((p) => p.route))].sort()).toEqual([
      'consulate',
      'third_country',
      'underground',
      'unhcr',
    ])
    const returns = await db.selectFrom('returnee_support').selectAll().execute()
    expect(returns).toHaveLength(20)
    expect(
      returns.every(
        (r) =>
          r.status === 'returned' &&
          r.paid_on !== null &&
          r.paid_on >= '2006-01-01' &&
          r.paid_on <= '2006-03-31',
      ),
    ).toBe(true)
    const figures = MODULES.flatMap((m) => m.figures ?? [])
    const compute = (key: string) =>
      figures.find((f) => f.key === key)?.compute(db, fiscalYear(2005))
    expect(await compute('resettlement.returnees.funded')).toBe(20)
    const routes = ['unhcr', 'consulate', 'underground', 'third_country', 'other']
    expect(
      await Promise.all(
        routes.map((r) => compute(`resettlement.resettled.route.${r.replaceAll('_', '-')}`)),
      ),
    ).toEqual([2, 2, 2, 1, 0])
  })
  it('adds the year’s hospital treatment of a torture survivor, flagged, once', async () => {
    await ctx.reset()
    const app = testAppContext(ctx.database())
    await peopleModule.demo.run(app)
    expect(await medicalModule.demo.run(app)).toMatchObject({ created: 1 })
    expect(await medicalModule.demo.run(app)).toMatchObject({ created: 0, skipped: 1 })
    const rows = await app.database.db.selectFrom('medical_treatments').selectAll().execute()
    expect(rows.map((r) => [r.kind, r.sensitive, JSON.parse(r.flags)])).toEqual([
      ['hospital', 1, ['torture_survivor']],
    ])
  })
})
