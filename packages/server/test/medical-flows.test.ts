import type { Role } from '@haven/core/auth/roles'
import type { CaseType } from '@haven/core/people/case-schema'
import { fiscalYear } from '@haven/core/site/fiscal-year'
import { beforeEach, expect, it } from 'vitest'
import type { AppContext } from '../src/app-context.js'
import { defineModule } from '../src/haven-module.js'
import { MODULES } from '../src/modules/index.js'
import { openCase } from '../src/modules/people/case-service.js'
import type { MoneyEvent } from '../src/money-events.js'
import { describeEachDialect } from './support/dialects.js'
import { buildCompartment, buildUser, signIn } from './support/factories.js'
import { buildPerson } from './support/people-factories.js'
import { testAppContext, testApps } from './support/test-app.js'

const BY = { actorId: null, requestId: null }

describeEachDialect('medical aid through the API', (ctx) => {
  let app: AppContext
  let shelterId: string
  let coordinator: Record<string, string>
  let caseworker: Record<string, string>
  let booked: MoneyEvent[]

  const books = defineModule({
    name: 'books',
    money: {
      async recorded(_app, _trx, event) {
        booked.push(event)
      },
      async withdrawn() {},
    },
  })

  const request = (method: string, path: string, as: Record<string, string>, body?: unknown) =>
    testApps(app).staff.request(`/api/v1${path}`, {
      method,
      headers: { ...as, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })

  async function userWith(grants: { role: Role; compartmentId: string | null }[]) {
    return (await signIn(app, await buildUser(app, { grants }))).headers
  }

  async function medicalCase(type: CaseType = 'medical') {
    const person = await buildPerson(app, shelterId)
    const kase = await openCase(
      app,
      person,
      { personId: person.id, type, priority: 'normal', assigneeId: null, openedOn: '2005-09-01' },
      BY,
    )
    return { person, kase }
  }

  beforeEach(async () => {
    await ctx.reset()
    booked = []
    app = {
      ...testAppContext(ctx.database(), { now: () => new Date('2006-06-01T10:00:00Z') }),
      modules: [...MODULES, books],
    }
    shelterId = (await buildCompartment(app)).id
    coordinator = await userWith([{ role: 'coordinator', compartmentId: shelterId }])
    caseworker = await userWith([{ role: 'caseworker', compartmentId: shelterId }])
  })

  it('records a hospital treatment with its cost, tells the books, and counts it for the year', async () => {
    const { person, kase } = await medicalCase()
    const res = await request('POST', '/medical/treatments', caseworker, {
      caseId: kase.id,
      kind: 'hospital',
      provider: 'Partner clinic network',
      startedOn: '2005-11',
      cost: { amount: '3500', currency: 'CNY', paidOn: '2005-12-02' },
    })
    expect(res.status, JSON.stringify(await res.clone().json())).toBe(201)
    const made = await res.json()
    expect(made).toMatchObject({
      caseCode: kase.code,
      personCode: person.code,
      kind: 'hospital',
      cost: { amount: '3500.00', currency: 'CNY', paidOn: '2005-12-02' },
      flags: [],
    })
    expect(booked).toMatchObject([
      {
        source: { module: 'medical', kind: 'treatment', id: made.id },
        on: '2005-12-02',
        amount: { currency: 'CNY', minor: 350000 },
        programme: 'medical',
        direction: 'out',
      },
    ])
    await request('POST', '/medical/treatments', caseworker, {
      caseId: kase.id,
      kind: 'medicines',
      provider: 'Partner pharmacy',
      startedOn: '2006-04',
    })
    const figures = MODULES.flatMap((m) => m.figures ?? [])
    const compute = (key: string) =>
      figures.find((f) => f.key === key)?.compute(app.database.db, fiscalYear(2005))
    expect(await compute('medical.people-treated.by-kind')).toEqual({
      dimensions: [{ name: 'kind', labels: ['clinic', 'hospital', 'medicines'] }],
      values: [0, 1, 0], // the medicines began in April 2006: the next fiscal year
    })
    expect(await compute('medical.costs')).toEqual({
      dimensions: [{ name: 'currency', labels: ['CNY'] }],
      values: [350000],
    })
    const listed = await (
      await request('GET', `/medical/treatments?caseId=${kase.id}`, caseworker)
    ).json()
    expect(listed.total).toBe(2)
  })

  it('shows a flagged treatment to coordinators only; to the others it does not exist', async () => {
    const { kase } = await medicalCase()
    const flagged = {
      caseId: kase.id,
      kind: 'hospital',
      provider: 'Partner hospital',
      startedOn: '2006-01',
      flags: ['torture_survivor'],
    }
    const refused = await request('POST', '/medical/treatments', caseworker, flagged)
    expect(refused.status).toBe(403)
    const plain = await (
      await request('POST', '/medical/treatments', caseworker, {
        ...flagged,
        flags: [],
        kind: 'clinic',
      })
    ).json()
    const res = await request('POST', '/medical/treatments', coordinator, flagged)
    expect(res.status).toBe(201)
    const made = await res.json()
    const hidden = await request('GET', `/medical/treatments/${made.id}`, caseworker)
    expect([hidden.status, (await hidden.json()).error.code]).toEqual([404, 'not_found'])
    // The flag restricts the case itself (unassigned: its coordinators only), so its plain
    // treatment is gone for the caseworker too (test/case-restriction.test.ts: the other paths).
    expect((await request('GET', `/medical/treatments/${plain.id}`, caseworker)).status).toBe(404)
    const seen = await (await request('GET', '/medical/treatments', caseworker)).json()
    expect(seen).toEqual({ total: 0, items: [] })
    const all = await (await request('GET', '/medical/treatments', coordinator)).json()
    expect(all.total).toBe(2)
    expect(
      (await (await request('GET', `/medical/treatments/${made.id}`, coordinator)).json()).flags,
    ).toEqual(['torture_survivor'])
    const audit = await app.database.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'medical.treatment_recorded')
      .execute()
    expect(JSON.stringify(audit)).not.toContain('torture')
    expect(JSON.stringify(audit)).not.toContain('Partner')
    // Elsewhere, nothing at all.
    const outsider = await userWith([
      { role: 'coordinator', compartmentId: (await buildCompartment(app)).id },
    ])
    expect((await request('GET', `/medical/treatments/${plain.id}`, outsider)).status).toBe(404)
    expect(await (await request('GET', '/medical/treatments', outsider)).json()).toEqual({
      items: [],
      total: 0,
    })
  })

  it('refuses bad input and writes nothing', async () => {
    const { kase } = await medicalCase()
    const { kase: schooling } = await medicalCase('education')
    const base = {
      caseId: kase.id,
      kind: 'clinic',
      provider: 'Partner clinic',
      startedOn: '2006-01',
    }
    for (const [body, field] of [
      [{ ...base, caseId: schooling.id }, 'caseId'],
      [{ ...base, kind: 'surgery' }, 'kind'],
      [{ ...base, provider: '' }, 'provider'],
      [{ ...base, startedOn: '2006-01-15' }, 'startedOn'],
      [{ ...base, startedOn: '2006-07' }, 'startedOn'],
      [{ ...base, cost: { amount: '12.5', currency: 'JPY', paidOn: '2006-01-10' } }, 'cost.amount'],
      [{ ...base, cost: { amount: '10', currency: 'CNY', paidOn: '2006-07-10' } }, 'cost.paidOn'],
      [{ ...base, flags: ['vip'] }, 'flags.0'],
      [{ ...base, diagnosis: 'broken arm' }, ''],
    ] as const) {
      const res = await request('POST', '/medical/treatments', coordinator, body)
      const answer = await res.json()
      expect([res.status, answer.error.code], JSON.stringify(body)).toEqual([
        422,
        'validation_failed',
      ])
      if (field) expect(Object.keys(answer.error.fields), JSON.stringify(body)).toContain(field)
    }
    expect(await app.database.db.selectFrom('medical_treatments').selectAll().execute()).toEqual([])
    expect(booked).toEqual([])
  })

  it('gives first-aid kits on a medical case from stock: checked, recorded against the case, refused otherwise', async () => {
    const { person, kase } = await medicalCase()
    const stocked = async (kind: string, unit: string, quantity: number) => {
      const item = await (
        await request('POST', '/supplies/items', coordinator, { name: `Demo ${kind}`, kind, unit })
      ).json()
      const at = await (
        await request('POST', '/supplies/locations', coordinator, {
          name: `Store ${kind}`,
          kind: 'warehouse',
        })
      ).json()
      const bought = await request('POST', '/supplies/movements', coordinator, {
        itemId: item.id,
        kind: 'purchase',
        toLocationId: at.id,
        quantity,
        occurredOn: '2005-06-01',
        cost: '100',
        currency: 'CNY',
      })
      expect(bought.status).toBe(201)
      return { itemId: item.id as string, fromLocationId: at.id as string }
    }
    const kits = await stocked('first_aid_kit', 'kit', 10)
    const clothes = await stocked('clothes_winter', 'set', 5)
    const stockOf = async (at: { itemId: string; fromLocationId: string }) => {
      const overview = await (await request('GET', '/supplies', coordinator)).json()
      return overview.stock.find(
        (s: { itemId: string; locationId: string }) =>
          s.itemId === at.itemId && s.locationId === at.fromLocationId,
      )?.quantity
    }
    const give = (body: unknown, as = caseworker, caseId = kase.id) =>
      request('POST', `/medical/cases/${caseId}/kits`, as, body)

    const res = await give({ ...kits, quantity: 3, occurredOn: '2006-02-01' })
    expect(res.status, JSON.stringify(await res.clone().json())).toBe(201)
    expect(await res.json()).toMatchObject({
      caseId: kase.id,
      itemName: 'Demo first_aid_kit',
      quantity: 3,
      occurredOn: '2006-02-01',
    })
    expect(await stockOf(kits)).toBe(7)
    // A supply movement to the case's person, in the handouts like any other.
    const handouts = await (await request('GET', '/supplies/handouts', caseworker)).json()
    expect(handouts).toMatchObject({
      total: 1,
      items: [{ personCode: person.code, itemKind: 'first_aid_kit', quantity: 3, people: 1 }],
    })

    // More than the stock holds: 409, nothing moved, nothing recorded.
    const short = await give({ ...kits, quantity: 8, occurredOn: '2006-02-02' })
    expect([short.status, (await short.json()).error.code]).toEqual([409, 'insufficient_stock'])
    expect(await stockOf(kits)).toBe(7)
    // Clothes are not kits: 422, and the clothes stay in stock.
    const notKit = await give({ ...clothes, quantity: 1, occurredOn: '2006-02-02' })
    const notKitBody = await notKit.json()
    expect([notKit.status, Object.keys(notKitBody.error.fields)]).toEqual([422, ['itemId']])
    expect(await stockOf(clothes)).toBe(5)
    // Not a medical case; bad quantities and days.
    const { kase: schooling } = await medicalCase('education')
    const other = await give(
      { ...kits, quantity: 1, occurredOn: '2006-02-02' },
      caseworker,
      schooling.id,
    )
    expect(Object.keys((await other.json()).error.fields)).toEqual(['caseId'])
    for (const [body, field] of [
      [{ ...kits, quantity: 0, occurredOn: '2006-02-02' }, 'quantity'],
      [{ ...kits, quantity: 1.5, occurredOn: '2006-02-02' }, 'quantity'],
      [{ ...kits, quantity: 101, occurredOn: '2006-02-02' }, 'quantity'],
      [{ ...kits, quantity: 1, occurredOn: '2006-02' }, 'occurredOn'],
      [{ ...kits, quantity: 1, occurredOn: '2006-07-01' }, 'occurredOn'],
    ] as const) {
      const bad = await give(body)
      const answer = await bad.json()
      expect([bad.status, Object.keys(answer.error.fields)], JSON.stringify(body)).toEqual([
        422,
        [field],
      ])
    }
    expect(await stockOf(kits)).toBe(7)

    const listed = await (await request('GET', `/medical/cases/${kase.id}/kits`, caseworker)).json()
    expect(listed).toMatchObject({ total: 1, items: [{ quantity: 3, occurredOn: '2006-02-01' }] })
    // Elsewhere: the case does not exist, for reading or giving.
    const outsider = await userWith([
      { role: 'coordinator', compartmentId: (await buildCompartment(app)).id },
    ])
    expect((await request('GET', `/medical/cases/${kase.id}/kits`, outsider)).status).toBe(404)
    expect((await give({ ...kits, quantity: 1, occurredOn: '2006-02-03' }, outsider)).status).toBe(
      404,
    )
    expect(await stockOf(kits)).toBe(7)
    const audit = await app.database.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('action', '=', 'stock.handout')
      .execute()
    expect(audit).toHaveLength(1)
    expect(JSON.stringify(audit)).not.toContain(person.code)
  })
})
