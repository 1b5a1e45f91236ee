import { fiscalYear } from '@haven/core/site/fiscal-year'
import { expect, it } from 'vitest'
import { describeEachDialect } from '../../../test/support/dialects.js'
import { uniqueShelterCode } from '../../../test/support/shelter-factories.js'
import { testAppContext } from '../../../test/support/test-app.js'
import { sheltersModule } from './index.js'
import { createShelter, updateShelter } from './shelter-service.js'

const BY = { actorId: null, requestId: null }

describeEachDialect('the shelters module’s figures for a fiscal year', (ctx) => {
  it('counts the shelters open on at least one day of the year', async () => {
    await ctx.reset()
    const app = testAppContext(ctx.database(), { now: () => new Date('2031-01-01T00:00:00Z') })
    const open = (openedOn: string) =>
      createShelter(
        app,
        {
          code: uniqueShelterCode(),
          region: 'Yanbian',
          capacity: 10,
          fundingStatus: 'funded',
          openedOn,
        },
        BY,
      )
    const close = async (id: string, version: number, closedOn: string) =>
      updateShelter(app, id, { version, status: 'closed', closedOn }, BY)
    await open('2028-01-10') // open throughout
    const early = await open('2028-02-01')
    await close(early.compartment_id, early.version, '2029-03-31') // closed the day before
    const lastDay = await open('2028-03-01')
    await close(lastDay.compartment_id, lastDay.version, '2029-04-01') // open on its first day
    await open('2030-03-31') // opened on its last day
    await open('2030-04-01') // the next year
    const operating = sheltersModule.figures?.find((f) => f.key === 'shelters.operating')
    expect(await operating?.compute(app.database.db, fiscalYear(2029))).toBe(3)
  })
})
