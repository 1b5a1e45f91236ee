import { beforeAll, expect, it } from 'vitest'
import { describeEachDialect } from '../../test/support/dialects.js'
import { buildUser, signIn } from '../../test/support/factories.js'
import { testAppContext, testApps } from '../../test/support/test-app.js'
import type { AppContext } from '../app-context.js'
import { generateScale } from './generate-scale.js'

describeEachDialect('synthetic data at scale', (ctx) => {
  let app: AppContext
  beforeAll(async () => {
    await ctx.reset()
    app = testAppContext(ctx.database())
  })

  it('writes people through the real sealing and indexing, findable by name through the API', async () => {
    const progress: number[] = []
    const result = await generateScale(app, {
      people: 1200,
      peoplePerCompartment: 400,
      batchSize: 250,
      onProgress: (_s, done) => progress.push(done),
    })
    expect(result).toMatchObject({ compartments: 3, rows: { people: 1200 } })
    expect(result.rows.cases).toBeGreaterThan(300)
    expect(progress.at(-1)).toBe(1200)
    const rows = await ctx
      .database()
      .db.selectFrom('people')
      .select(['identity', 'code'])
      .limit(5)
      .execute()
    for (const row of rows) expect(row.identity).toMatch(/^v1\.1\./)

    const compartment = await ctx
      .database()
      .db.selectFrom('compartments')
      .selectAll()
      .where('code', '=', 'SYN-01')
      .executeTakeFirstOrThrow()
    const user = await buildUser(app, {
      grants: [{ role: 'caseworker', compartmentId: compartment.id }],
    })
    const { headers } = await signIn(app, user)
    const someone = await ctx
      .database()
      .db.selectFrom('people')
      .selectAll()
      .where('compartment_id', '=', compartment.id)
      .orderBy('code')
      .limit(1)
      .executeTakeFirstOrThrow()
    const reveal = await (
      await testApps(app).staff.request(`/api/v1/people/${someone.id}/reveal`, {
        method: 'POST',
        headers,
      })
    ).json()
    const latin = reveal.identity.names.find((n: { script: string }) => n.script === 'latin').value
    const found = await (
      await testApps(app).staff.request(`/api/v1/people?q=${encodeURIComponent(latin)}`, {
        headers,
      })
    ).json()
    expect(found.people.map((p: { code: string }) => p.code)).toContain(someone.code)
  })

  it('adds nothing when run again, and continues a larger run where the last stopped', async () => {
    expect((await generateScale(app, { people: 1200, peoplePerCompartment: 400 })).rows).toEqual({
      people: 0,
      cases: 0,
      person_terms: 0,
    })
    expect(
      (await generateScale(app, { people: 1500, peoplePerCompartment: 500 })).rows.people,
    ).toBe(300)
    const count = await ctx
      .database()
      .db.selectFrom('people')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    expect(Number(count.n)).toBe(1500)
    const codes = await ctx.database().db.selectFrom('people').select('code').execute()
    expect(new Set(codes.map((c) => c.code)).size).toBe(1500)
  })

  it('adds ten years of distributions under a policy, with the totals the dashboard reads', async () => {
    const first = await generateScale(app, {
      people: 1500,
      peoplePerCompartment: 500,
      distributions: 30_000,
      batchSize: 2000,
    })
    expect(first.rows).toMatchObject({ people: 0, distributions: 30_000, allowance_policies: 3 })
    // Idempotent: a second run writes nothing.
    const again = await generateScale(app, {
      people: 1500,
      peoplePerCompartment: 500,
      distributions: 30_000,
    })
    expect(again.rows.distributions).toBe(0)
    const db = ctx.database().db
    const raw = await db
      .selectFrom('distributions')
      .select((eb) => [
        eb.fn.countAll<number | string>().as('n'),
        eb.fn.sum<number | string>('rice_grams').as('rice'),
      ])
      .executeTakeFirstOrThrow()
    const days = await db
      .selectFrom('distribution_days')
      .select((eb) => [
        eb.fn.sum<number | string>('people').as('people'),
        eb.fn.sum<number | string>('rice_grams').as('rice'),
      ])
      .executeTakeFirstOrThrow()
    expect(Number(raw.n)).toBe(30_000)
    expect(Number(days.people)).toBe(30_000)
    expect(Number(days.rice)).toBe(Number(raw.rice))
    const range = await db
      .selectFrom('distributions')
      .select((eb) => [eb.fn.min('day').as('first'), eb.fn.max('day').as('last')])
      .executeTakeFirstOrThrow()
    expect(range).toEqual({ first: '2016-04-01', last: '2026-03-31' })

    // The dashboard's figures for a fiscal-year month come from those totals, through the API.
    const compartment = await db
      .selectFrom('compartments')
      .selectAll()
      .where('code', '=', 'SYN-01')
      .executeTakeFirstOrThrow()
    const user = await buildUser(app, {
      grants: [{ role: 'coordinator', compartmentId: compartment.id }],
    })
    const { headers } = await signIn(app, user)
    const res = await testApps(app).staff.request(
      `/api/v1/distributions/figures?compartmentId=${compartment.id}&year=2020`,
      { headers },
    )
    const figures = await res.json()
    expect(res.status, JSON.stringify(figures)).toBe(200)
    const peopleIn2020 = await db
      .selectFrom('distributions')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('compartment_id', '=', compartment.id)
      .where('day', '>=', '2020-01-01')
      .where('day', '<=', '2020-12-31')
      .executeTakeFirstOrThrow()
    const perMonth = (figures.months as { people: number }[]).reduce((n, m) => n + m.people, 0)
    expect(perMonth).toBe(Number(peopleIn2020.n))
    expect(figures.riceKgYear).toBe(Number(peopleIn2020.n) * 10)
  })
})
