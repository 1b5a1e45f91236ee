import { beforeEach, describe, expect, it } from 'vitest'
import type { AppContext } from '../src/app-context.js'
import type { CompartmentsTable } from '../src/compartments/compartment-tables.js'
import { describeEachDialect } from './support/dialects.js'
import { buildCompartment, buildUser, signIn } from './support/factories.js'
import { buildPerson } from './support/people-factories.js'
import { testAppContext, testApps } from './support/test-app.js'

const POLICY = {
  validFrom: '2026-01-01',
  amount: '20',
  currency: 'CNY',
  buysGrams: 10_000,
  dailyCap: 20,
  monthlyCap: '180000',
  monthlyCapCurrency: 'JPY',
  rationGrams: 500,
}

describeEachDialect('supplies, policies and distributions under caps', (ctx) => {
  let app: AppContext
  let yan: CompartmentsTable
  let jrl: CompartmentsTable
  let coordinator: Record<string, string>
  let worker: Record<string, string>
  let finance: Record<string, string>

  beforeEach(async () => {
    await ctx.reset()
    app = testAppContext(ctx.database(), { now: () => new Date('2026-06-15T10:00:00Z') })
    yan = await buildCompartment(app, 'YAN-01')
    jrl = await buildCompartment(app, 'JRL-01')
    const as = async (role: 'coordinator' | 'field_worker' | 'finance') =>
      (await signIn(app, await buildUser(app, { grants: [{ role, compartmentId: yan.id }] })))
        .headers
    coordinator = await as('coordinator')
    worker = await as('field_worker')
    finance = await as('finance')
  })

  const request = (method: string, path: string, body: unknown, headers: Record<string, string>) =>
    testApps(app).staff.request(`/api/v1${path}`, {
      method,
      headers: {
        ...headers,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
  const post = (path: string, body: unknown, headers = coordinator) =>
    request('POST', path, body, headers)

  async function setUp() {
    expect(
      (
        await post(
          '/exchange-rates',
          { date: '2026-01-01', base: 'CNY', quote: 'JPY', rate: '15' },
          finance,
        )
      ).status,
    ).toBe(201)
    const res = await post('/allowance-policies', { ...POLICY, compartmentId: yan.id })
    expect(res.status).toBe(201)
  }

  // Issue #15: the home page's panel, today's people served against the cap in one's shelters.
  it('counts the people served on a day against the cap, only in the shelters one works in', async () => {
    await setUp()
    const get = async (query: string, headers: Record<string, string>) => {
      const res = await request('GET', `/distributions/headcounts?${query}`, undefined, headers)
      return { status: res.status, body: await res.json() }
    }
    for (const headcount of [3, 4])
      expect(
        (
          await post(
            '/distributions',
            { compartmentId: yan.id, day: '2026-06-10', headcount },
            worker,
          )
        ).status,
      ).toBe(201)
    // JRL-01 has a policy too, but this field worker is granted YAN-01 only.
    const jrlCoordinator = (
      await signIn(
        app,
        await buildUser(app, { grants: [{ role: 'coordinator', compartmentId: jrl.id }] }),
      )
    ).headers
    expect(
      (
        await post(
          '/allowance-policies',
          { ...POLICY, dailyCap: 5, compartmentId: jrl.id },
          jrlCoordinator,
        )
      ).status,
    ).toBe(201)
    // Its coordinator sees JRL-01 alone.
    expect((await get('day=2026-06-10', jrlCoordinator)).body).toEqual([
      {
        compartmentId: jrl.id,
        compartmentCode: 'JRL-01',
        day: '2026-06-10',
        people: 0,
        dailyCap: 5,
      },
    ])
    expect(await get('day=2026-06-10', worker)).toEqual({
      status: 200,
      body: [
        {
          compartmentId: yan.id,
          compartmentCode: 'YAN-01',
          day: '2026-06-10',
          people: 7,
          dailyCap: 20,
        },
      ],
    })
    // Another day: nobody served yet, the cap still in force.
    expect((await get('day=2026-06-11', worker)).body).toEqual([
      {
        compartmentId: yan.id,
        compartmentCode: 'YAN-01',
        day: '2026-06-11',
        people: 0,
        dailyCap: 20,
      },
    ])
    // Before the policy: no cap, nobody served, nothing to show.
    expect((await get('day=2025-12-31', worker)).body).toEqual([])
    const bad = await get('day=10.06.2026', worker)
    expect(bad.status).toBe(422)
    expect(bad.body.error.code).toBe('validation_failed')
  })

  it('accepts exactly 20 of 21 simultaneous distributions against a cap of 20', async () => {
    await setUp()
    const all = await Promise.all(
      Array.from({ length: 21 }, () =>
        post('/distributions', { compartmentId: yan.id, day: '2026-06-10', headcount: 1 }, worker),
      ),
    )
    const statuses = all.map((r) => r.status).sort()
    expect(statuses.filter((s) => s === 201)).toHaveLength(20)
    expect(statuses.filter((s) => s === 409)).toHaveLength(1)
    const refused = all.find((r) => r.status === 409)
    const body = await refused?.json()
    expect(body.error.code).toBe('daily_cap_reached')
    expect(body.error.message).toContain('20')

    const figures = await request(
      'GET',
      `/distributions/figures?compartmentId=${yan.id}&year=2026`,
      undefined,
      coordinator,
    )
    const f = await figures.json()
    expect(figures.status, JSON.stringify(f)).toBe(200)
    expect(f.days).toEqual([
      expect.objectContaining({ day: '2026-06-10', people: 20, atCap: true }),
    ])
    expect(f.daysAtCap).toBe(1)
    expect(f.months[0].spend).toEqual({ minor: 40_000, currency: 'CNY', amount: '400.00' })
    expect(f.months[0].capSpend).toEqual({ minor: 6000, currency: 'JPY', amount: '6000' })
    expect(f.thisMonth.remaining.minor).toBe(174_000)
    expect(f.ration).toEqual(expect.objectContaining({ kcalPerDay: 1800, short: true }))
    expect(f.riceKgYear).toBe(200)
  })

  it('lets a coordinator past the cap with a reason, and only a coordinator', async () => {
    await setUp()
    await post(
      '/distributions',
      { compartmentId: yan.id, day: '2026-06-10', headcount: 20 },
      worker,
    )
    const reason = 'Family of three arrived after crossing; cannot wait.'
    const byWorker = await post(
      '/distributions',
      { compartmentId: yan.id, day: '2026-06-10', headcount: 1, overrideReason: reason },
      worker,
    )
    expect(byWorker.status).toBe(403)
    const byCoordinator = await post('/distributions', {
      compartmentId: yan.id,
      day: '2026-06-10',
      headcount: 1,
      overrideReason: reason,
    })
    expect(byCoordinator.status).toBe(201)
    const body = await byCoordinator.json()
    expect(body).toMatchObject({
      overrideCode: 'daily_cap_reached',
      overrideReason: reason,
      dayPeople: 21,
    })
  })

  it('refuses the month past its budget with monthly_budget_reached', async () => {
    await post(
      '/exchange-rates',
      { date: '2026-01-01', base: 'CNY', quote: 'JPY', rate: '15' },
      finance,
    )
    await post('/allowance-policies', { ...POLICY, compartmentId: yan.id, monthlyCap: '900' })
    const first = await post(
      '/distributions',
      { compartmentId: yan.id, day: '2026-06-01', headcount: 3 },
      worker,
    )
    expect(first.status).toBe(201) // 3 × 20 CNY × 15 = 900 JPY
    const next = await post(
      '/distributions',
      { compartmentId: yan.id, day: '2026-06-02', headcount: 1 },
      worker,
    )
    expect(next.status).toBe(409)
    expect((await next.json()).error.code).toBe('monthly_budget_reached')
  })

  it('refuses bad input with a clear 4xx, writing nothing', async () => {
    await setUp()
    const other = await buildPerson(app, jrl.id)
    const own = await buildPerson(app, yan.id)
    const cases: [unknown, number, string][] = [
      [{ compartmentId: yan.id, day: '2026-07-01', headcount: 1 }, 422, 'validation_failed'],
      [{ compartmentId: yan.id, day: '2026-06-01', headcount: -3 }, 422, 'validation_failed'],
      [
        { compartmentId: yan.id, day: '2026-06-01', personCode: other.code },
        422,
        'person_not_in_compartment',
      ],
      [
        { compartmentId: yan.id, day: '2026-06-01', personCode: 'NOPE' },
        422,
        'person_not_in_compartment',
      ],
      [{ compartmentId: yan.id, day: '2025-06-01', headcount: 1 }, 422, 'no_allowance_policy'],
    ]
    for (const [body, status, code] of cases) {
      const res = await post('/distributions', body, worker)
      expect([res.status, (await res.json()).error.code], JSON.stringify(body)).toEqual([
        status,
        code,
      ])
    }
    const ok = await post(
      '/distributions',
      { compartmentId: yan.id, day: '2026-06-01', personCode: own.code },
      worker,
    )
    expect(ok.status).toBe(201)
    expect((await ok.json()).personCode).toBe(own.code)
    const overlap = await post('/allowance-policies', {
      ...POLICY,
      compartmentId: yan.id,
      validFrom: '2026-03-01',
    })
    expect([overlap.status, (await overlap.json()).error.code]).toEqual([409, 'policy_overlap'])
    const badCurrency = await post('/allowance-policies', {
      ...POLICY,
      compartmentId: yan.id,
      validFrom: '2030-01-01',
      currency: 'RMB',
    })
    expect(badCurrency.status).toBe(422)
    const list = await request('GET', `/distributions?compartmentId=${yan.id}`, undefined, worker)
    expect(await list.json()).toHaveLength(1)
  })

  describe('stock', () => {
    it('never goes negative, naming the shortfall; deliveries inside North Korea hold no stock', async () => {
      const item = await (
        await post('/supplies/items', { name: 'rice', kind: 'rice', unit: 'kg' })
      ).json()
      const shelter = await (
        await post('/supplies/locations', {
          name: 'YAN-01 store',
          kind: 'shelter',
          compartmentId: yan.id,
        })
      ).json()
      const dprk = await (
        await post('/supplies/locations', { name: 'Inside North Korea', kind: 'delivery' })
      ).json()
      const buy = await post('/supplies/movements', {
        itemId: item.id,
        kind: 'purchase',
        toLocationId: shelter.id,
        quantity: 120,
        occurredOn: '2026-06-01',
        cost: '480',
        currency: 'CNY',
      })
      expect(buy.status).toBe(201)
      const tooMuch = await post('/supplies/movements', {
        itemId: item.id,
        kind: 'transfer',
        fromLocationId: shelter.id,
        toLocationId: dprk.id,
        quantity: 200,
        occurredOn: '2026-06-02',
      })
      expect(tooMuch.status).toBe(409)
      const refusal = await tooMuch.json()
      expect(refusal.error.code).toBe('insufficient_stock')
      expect(refusal.error.message).toBe('Only 120 kg of rice at YAN-01; 200 kg asked.')
      const deliver = await post('/supplies/movements', {
        itemId: item.id,
        kind: 'distribution',
        fromLocationId: shelter.id,
        toLocationId: dprk.id,
        quantity: 100,
        occurredOn: '2026-06-02',
      })
      expect(deliver.status).toBe(201)
      const overview = await (await request('GET', '/supplies', undefined, worker)).json()
      expect(overview.stock).toEqual([{ itemId: item.id, locationId: shelter.id, quantity: 20 }])
      const badUnit = await post('/supplies/items', { name: 'x', kind: 'other', unit: 'bushel' })
      expect(badUnit.status).toBe(422)
      const absurd = await post('/supplies/movements', {
        itemId: item.id,
        kind: 'loss',
        fromLocationId: shelter.id,
        quantity: 1e12,
        occurredOn: '2026-06-02',
      })
      expect(absurd.status).toBe(422)
      const figures = await (
        await request(
          'GET',
          `/distributions/figures?compartmentId=${yan.id}&year=2026`,
          undefined,
          finance,
        )
      ).json()
      expect(figures.bulkDeliveredKgYear).toBe(100)
    })
  })
})
