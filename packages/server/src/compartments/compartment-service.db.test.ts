import { expect, it } from 'vitest'
import { describeEachDialect } from '../../test/support/dialects.js'
import { testAppContext } from '../../test/support/test-app.js'
import type { HavenError } from '../http/haven-error.js'
import { createCompartment } from './compartment-service.js'

const BY = { actorId: null, requestId: null }

describeEachDialect('creating compartments at the same moment', (ctx) => {
  it('gives one of two simultaneous creations the code and the other compartment_code_taken', async () => {
    await ctx.reset()
    const app = testAppContext(ctx.database())
    const input = { code: 'YAN-07', name: 'Shelter', kind: 'shelter' as const }
    const results = await Promise.allSettled(
      Array.from({ length: 4 }, () => createCompartment(app, app.database.db, input, BY)),
    )
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    for (const r of results.filter((r) => r.status === 'rejected'))
      expect((r.reason as HavenError).code).toBe('compartment_code_taken')
  })
})
