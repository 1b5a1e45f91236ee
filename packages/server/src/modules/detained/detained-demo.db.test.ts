import { expect, it } from 'vitest'
import { describeEachDialect } from '../../../test/support/dialects.js'
import { testAppContext } from '../../../test/support/test-app.js'
import { networkModule } from '../network/index.js'
import { detainedDemo } from './detained-demo.js'
import { findWorkerByCode } from './detained-store.js'
import { presentDetainedSummary } from './detained-views.js'

describeEachDialect('the demo’s partners and detained aid workers', (ctx) => {
  it('adds partners across four continents and two records shaped like the seed’s, once', async () => {
    await ctx.reset()
    const app = testAppContext(ctx.database(), { now: () => new Date('2026-06-01T00:00:00Z') })
    const networkDemo = networkModule.demo
    if (!networkDemo) throw new Error('the network module has no demo')
    const partners = await networkDemo.run(app)
    expect(partners).toMatchObject({ created: 14, skipped: 0 })
    expect(await networkDemo.run(app)).toMatchObject({ created: 0, skipped: 14 })
    expect(await detainedDemo.run(app)).toMatchObject({ created: 2, skipped: 0 })
    expect(await detainedDemo.run(app)).toMatchObject({ created: 0, skipped: 2 })

    const db = app.database.db
    const held = await findWorkerByCode(db, 'DW-01')
    const deported = await findWorkerByCode(db, 'DW-02')
    if (!held || !deported) throw new Error('the demo made no records')
    // The seed's report, written at the end of FY2005 (March 2006).
    expect(presentDetainedSummary(held, '2006-03-31').served?.share).toBe('more_than_half')
    expect(presentDetainedSummary(held, '2006-06-10').served?.share).toBe('more_than_two_thirds')
    const gone = presentDetainedSummary(deported, '2026-06-01')
    expect([gone.status, gone.monthsHeld]).toEqual(['deported', 15])
    // Names are synthetic and sealed: nothing readable is stored.
    expect(held.name).not.toMatch(/^[A-Z][a-z]+ /)
    const countries = new Set(
      (await db.selectFrom('network_organisations').select('country').execute()).map(
        (r) => r.country,
      ),
    )
    expect(countries.size).toBeGreaterThanOrEqual(12)
  })
})
