import { expect, it } from 'vitest'
import { describeEachDialect } from '../../../test/support/dialects.js'
import { testAppContext } from '../../../test/support/test-app.js'
import { ensureContactCompartment } from './contact-compartment.js'

describeEachDialect('the contact inbox compartment', (ctx) => {
  it('lets several servers starting together agree on one contact compartment', async () => {
    await ctx.reset()
    const app = testAppContext(ctx.database())
    const ids = await Promise.all(Array.from({ length: 4 }, () => ensureContactCompartment(app)))
    expect(new Set(ids).size).toBe(1)
  })
})
