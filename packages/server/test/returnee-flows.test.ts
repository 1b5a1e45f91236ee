import type { Role } from '@haven/core/auth/roles'
import type { CaseType } from '@haven/core/people/case-schema'
import { fiscalYear } from '@haven/core/site/fiscal-year'
import { beforeEach, expect, it } from 'vitest'
import type { AppContext } from '../src/app-context.js'
import { defineModule } from '../src/haven-module.js'
import { MODULES } from '../src/modules/index.js'
import { openCase } from '../src/modules/people/case-service.js'
import { ensureResettlementCompartment } from '../src/modules/resettlement/resettlement-compartment.js'
import type { MoneyEvent } from '../src/money-events.js'
import { describeEachDialect } from './support/dialects.js'
import { buildCompartment, buildUser, signIn } from './support/factories.js'
import { buildPerson } from './support/people-factories.js'
import { testAppContext, testApps } from './support/test-app.js'

const BY = { actorId: null, requestId: null }

describeEachDialect('returnee support through the API', (ctx) => {
  let app: AppContext
  let shelterId: string
  let restrictedId: string
  let headers: Record<string, string>
  /** What a module keeping books (finance, once it exists) was told, and whether it refuses. */
  let booked: MoneyEvent[]
  let booksClosed: boolean

  const books = defineModule({
    name: 'books',
    money: {
      async recorded(_app, _trx, event) {
        if (booksClosed) throw new Error('the month is closed')
        booked.push(event)
      },
      async withdrawn() {},
    },
  })

  const request = (method: string, path: string, body?: unknown, as = headers) =>
    testApps(app).staff.request(`/api/v1${path}`, {
      method,
      headers: { ...as, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })

  async function userWith(grants: { role: Role; compartmentId: string | null }[]) {
    return (await signIn(app, await buildUser(app, { grants }))).headers
  }

  async function returnCase(type: CaseType = 'return') {
    const person = await buildPerson(app, shelterId)
    const kase = await openCase(
      app,
      person,
      { personId: person.id, type, priority: 'normal', assigneeId: null, openedOn: '2005-12-01' },
      BY,
    )
    return { person, kase }
  }

  async function requested() {
    const { person, kase } = await returnCase()
    const res = await request('POST', '/resettlement/returns', {
      compartmentId: restrictedId,
      caseId: kase.id,
      requestedOn: '2006-01',
    })
    expect(res.status, JSON.stringify(await res.clone().json())).toBe(201)
    return { person, kase, made: await res.json() }
  }

  beforeEach(async () => {
    await ctx.reset()
    booked = []
    booksClosed = false
    app = {
      ...testAppContext(ctx.database(), { now: () => new Date('2006-06-01T10:00:00Z') }),
      modules: [...MODULES, books],
    }
    shelterId = (await buildCompartment(app)).id
    restrictedId = await ensureResettlementCompartment(app)
    headers = await userWith([
      { role: 'caseworker', compartmentId: shelterId },
      { role: 'caseworker', compartmentId: restrictedId },
    ])
  })

  it('takes a request through assessment, funds and return, tells the books, and stops there', async () => {
    const { person, kase, made } = await requested()
    expect(made).toMatchObject({
      status: 'requested',
      caseCode: kase.code,
      personCode: person.code,
    })
    const assessed = await request('POST', `/resettlement/returns/${made.id}/assessment`, {
      version: 1,
      decision: 'approved',
      on: '2006-01',
    })
    expect(await assessed.json()).toMatchObject({ status: 'approved', version: 2 })
    const paid = await request('POST', `/resettlement/returns/${made.id}/funds`, {
      version: 2,
      amount: '2000',
      currency: 'CNY',
      paidOn: '2006-02-10',
    })
    expect(await paid.json()).toMatchObject({
      status: 'funded',
      amount: '2000.00',
      currency: 'CNY',
    })
    expect(booked).toHaveLength(1)
    expect(booked[0]).toMatchObject({
      source: { module: 'resettlement', kind: 'returnee_funds', id: made.id },
      on: '2006-02-10',
      direction: 'out',
      amount: { currency: 'CNY', minor: 200000 },
      programme: 'resettlement',
      counterparty: { kind: 'person', code: person.code },
    })
    const back = await request('POST', `/resettlement/returns/${made.id}/returned`, {
      version: 3,
      on: '2006-03',
    })
    expect(await back.json()).toMatchObject({
      status: 'returned',
      returnedOn: '2006-03',
      actions: [],
    })
    // After the return nothing more is taken: no step follows it.
    for (const [path, body] of [
      ['assessment', { version: 4, decision: 'declined', on: '2006-04' }],
      ['funds', { version: 4, amount: '100', currency: 'CNY', paidOn: '2006-04-02' }],
      ['returned', { version: 4, on: '2006-05' }],
    ] as const) {
      const res = await request('POST', `/resettlement/returns/${made.id}/${path}`, body)
      expect([res.status, (await res.json()).error.code], path).toEqual([409, 'return_wrong_step'])
    }
    const audit = await app.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', made.id)
      .execute()
    expect(audit.map((a) => a.action)).toEqual([
      'resettlement.return_requested',
      'resettlement.return_approved',
      'resettlement.return_funded',
      'resettlement.return_returned',
    ])
    const figures = MODULES.flatMap((m) => m.figures ?? [])
    const compute = (key: string) =>
      figures.find((f) => f.key === key)?.compute(app.database.db, fiscalYear(2005))
    expect(await compute('resettlement.returnees.funded')).toBe(1)
    expect(await compute('resettlement.returnees.funds')).toEqual({
      dimensions: [{ name: 'currency', labels: ['CNY'] }],
      values: [200000],
    })
    expect(
      await figures
        .find((f) => f.key === 'resettlement.returnees.funded')
        ?.compute(app.database.db, fiscalYear(2006)),
    ).toBe(0)
  })

  it('refuses bad input and steps out of order, and a refusal by the books refuses the payment', async () => {
    const { kase: medical } = await returnCase('medical')
    const bad = await request('POST', '/resettlement/returns', {
      compartmentId: restrictedId,
      caseId: medical.id,
      requestedOn: '2006-01',
    })
    expect(Object.keys((await bad.json()).error.fields)).toContain('caseId')
    const { kase, made } = await requested()
    const twice = await request('POST', '/resettlement/returns', {
      compartmentId: restrictedId,
      caseId: kase.id,
      requestedOn: '2006-01',
    })
    expect([twice.status, (await twice.json()).error.code]).toEqual([409, 'return_exists'])
    const early = await request('POST', `/resettlement/returns/${made.id}/funds`, {
      version: 1,
      amount: '2000',
      currency: 'CNY',
      paidOn: '2006-02-10',
    })
    expect([early.status, (await early.json()).error.code]).toEqual([409, 'return_wrong_step'])
    await request('POST', `/resettlement/returns/${made.id}/assessment`, {
      version: 1,
      decision: 'approved',
      on: '2006-01',
    })
    for (const [body, field] of [
      [{ amount: '12.5', currency: 'JPY', paidOn: '2006-02-10' }, 'amount'],
      [{ amount: '0', currency: 'CNY', paidOn: '2006-02-10' }, 'amount'],
      [{ amount: '2000', currency: 'XXY', paidOn: '2006-02-10' }, 'currency'],
      [{ amount: '2000', currency: 'CNY', paidOn: '2005-12-31' }, 'paidOn'],
      [{ amount: '2000', currency: 'CNY', paidOn: '2006-07-01' }, 'paidOn'],
      [{ amount: '2000', currency: 'CNY', paidOn: '2006-02-10', followUp: 'call in a month' }, ''],
    ] as const) {
      const res = await request('POST', `/resettlement/returns/${made.id}/funds`, {
        version: 2,
        ...body,
      })
      const answer = await res.json()
      expect([res.status, answer.error.code], JSON.stringify(body)).toEqual([
        422,
        'validation_failed',
      ])
      if (field) expect(Object.keys(answer.error.fields), JSON.stringify(body)).toContain(field)
    }
    booksClosed = true
    const refused = await request('POST', `/resettlement/returns/${made.id}/funds`, {
      version: 2,
      amount: '2000',
      currency: 'CNY',
      paidOn: '2006-02-10',
    })
    expect(refused.status).toBe(500)
    const seen = await (await request('GET', `/resettlement/returns/${made.id}`)).json()
    expect(seen).toMatchObject({ status: 'approved', amount: null, paidOn: null, version: 2 })
    expect(booked).toEqual([])
  })

  it('hides requests from everyone without a grant in the restricted compartment itself', async () => {
    const { made } = await requested()
    for (const as of [
      await userWith([{ role: 'caseworker', compartmentId: shelterId }]),
      await userWith([{ role: 'coordinator', compartmentId: null }]),
    ]) {
      const one = await request('GET', `/resettlement/returns/${made.id}`, undefined, as)
      expect(one.status).toBe(404)
      expect(await (await request('GET', '/resettlement/returns', undefined, as)).json()).toEqual({
        items: [],
        total: 0,
      })
    }
    const list = await (await request('GET', '/resettlement/returns?status=requested')).json()
    expect(list).toMatchObject({ total: 1, items: [{ id: made.id }] })
  })
})
