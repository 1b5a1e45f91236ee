import { expect, it } from 'vitest'
import { describeEachDialect } from '../../../test/support/dialects.js'
import { testAppContext } from '../../../test/support/test-app.js'
import { volunteersDemo } from './volunteers-demo.js'

describeEachDialect('the demo’s volunteers', (ctx) => {
  it('adds three synthetic volunteers once: an active intern with hours, one screened, one applied', async () => {
    await ctx.reset()
    const app = testAppContext(ctx.database(), { now: () => new Date('2026-06-01T00:00:00Z') })
    expect(await volunteersDemo.run(app)).toMatchObject({ created: 3, skipped: 0 })
    expect(await volunteersDemo.run(app)).toMatchObject({ created: 0, skipped: 3 })
    const db = app.database.db
    const rows = await db.selectFrom('volunteers').selectAll().orderBy('seq').execute()
    expect(rows.map((r) => [r.code, r.status])).toEqual([
      ['VOL-001', 'active'],
      ['VOL-002', 'screening'],
      ['VOL-003', 'applied'],
    ])
    expect(JSON.parse(rows[0]?.languages ?? '[]')).toContainEqual({
      language: 'zh',
      level: 'fluent',
    })
    // Names are sealed: nothing readable is stored.
    expect(JSON.stringify(rows)).not.toContain('Demo Intern')
    const hours = await db.selectFrom('volunteer_hours').select('minutes').execute()
    expect(hours.reduce((sum, h) => sum + Number(h.minutes), 0)).toBe(570)
  })
})
