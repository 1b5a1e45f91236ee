import { syntheticName } from '@haven/core/synthetic/synthetic-names'
import { beforeEach, expect, it } from 'vitest'
import { describeEachDialect } from '../../../test/support/dialects.js'
import { buildUser, signIn } from '../../../test/support/factories.js'
import { testAppContext, testApps } from '../../../test/support/test-app.js'
import type { AppContext } from '../../app-context.js'
import { findCompartmentByCode } from '../../compartments/compartment-store.js'
import { peopleModule } from './index.js'
import { DEMO_COMPARTMENTS, demoRandom } from './people-demo.js'

describeEachDialect('the people demo step', (ctx) => {
  let app: AppContext
  beforeEach(async () => {
    await ctx.reset()
    app = testAppContext(ctx.database(), { now: () => new Date('2026-06-01T10:00:00Z') })
  })

  it('fills two compartments with people, cases, overdue follow-ups and incidents, found by name through the API; a second run adds nothing', async () => {
    // Only this module's step: the whole demo (every module) is the CLI's, and took over 30 s on
    // PostgreSQL under CI load.
    const step = peopleModule.demo
    if (!step) throw new Error('the people module has no demo step')
    expect(step.name).toBe('people, cases and incidents')
    expect((await step.run(app)).created).toBe(28)
    const yb = await findCompartmentByCode(app.database.db, DEMO_COMPARTMENTS[0].code)
    if (!yb) throw new Error('no demo compartment')
    const worker = await buildUser(app, { grants: [{ role: 'caseworker', compartmentId: yb.id }] })
    const { headers } = await signIn(app, worker)
    const get = async (path: string) => {
      const res = await testApps(app).staff.request(`/api/v1${path}`, { headers })
      expect(res.status).toBe(200)
      return res.json()
    }
    // The first demo person's names come from the same seeded generator.
    const name = syntheticName(demoRandom(DEMO_COMPARTMENTS[0].seed, 0))
    for (const query of [name.latin, name.hangul]) {
      const page = await get(`/people?q=${encodeURIComponent(query)}`)
      expect(page.people.map((p: { code: string }) => p.code)).toContain('DEMO-YB-P0001')
    }
    const cases = await get('/cases')
    expect(cases.cases.length).toBeGreaterThan(5)
    expect((await get('/follow-ups/overdue')).length).toBeGreaterThan(0)
    expect((await get('/incidents')).length).toBe(4)

    expect(await step.run(app)).toEqual({ created: 0, skipped: 28 })
  })
})
