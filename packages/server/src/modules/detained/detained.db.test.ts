import { beforeEach, expect, it } from 'vitest'
import { describeEachDialect } from '../../../test/support/dialects.js'
import { buildUser, signIn } from '../../../test/support/factories.js'
import { testAppContext, testApps } from '../../../test/support/test-app.js'
import type { AppContext } from '../../app-context.js'
import { defineModule } from '../../haven-module.js'
import type { MoneyEvent } from '../../money-events.js'
import { ensureDetainedCompartment } from './detained-compartment.js'

describeEachDialect('detained aid workers through the API', (ctx) => {
  let app: AppContext
  let compartmentId: string
  let coordinator: Record<string, string>
  let caseworker: Record<string, string>
  let orgCoordinator: Record<string, string>
  let day = '2006-05-19'

  /** The app on `day` (the clock the time served is computed against). */
  const at = () => new Date(`${day}T12:00:00Z`)

  beforeEach(async () => {
    await ctx.reset()
    day = '2006-05-19'
    app = testAppContext(ctx.database(), { now: at })
    compartmentId = await ensureDetainedCompartment(app)
    const user = async (role: 'coordinator' | 'caseworker', where: string | null) =>
      (await signIn(app, await buildUser(app, { grants: [{ role, compartmentId: where }] })))
        .headers
    coordinator = await user('coordinator', compartmentId)
    caseworker = await user('caseworker', compartmentId)
    orgCoordinator = await user('coordinator', null)
  })

  /** A new session on the current `day` (sessions idle out as the clock moves on). */
  const signedInToday = async (role: 'coordinator' | 'caseworker' = 'coordinator') =>
    (await signIn(app, await buildUser(app, { grants: [{ role, compartmentId }] }))).headers

  const request = (as: Record<string, string>, method: string, path: string, body?: unknown) =>
    testApps(app).staff.request(`/api/v1${path}`, {
      method,
      headers: { ...as, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
  async function ok(res: Response, status = 200) {
    const body = await res.json()
    expect(res.status, JSON.stringify(body)).toBe(status)
    return body
  }
  const arrest = (body: Record<string, unknown> = {}) =>
    request(coordinator, 'POST', '/detained', {
      compartmentId,
      code: 'DW-01',
      name: 'Synthetic Aid Worker',
      nationality: 'KR',
      arrestedOn: '2003-01-18',
      arrestPlace: 'Yantai',
      charge: 'Helping refugees cross a border',
      ...body,
    })

  it('shows "more than two-thirds" of a five-year term from the right day, and stops counting at release', async () => {
    const worker = await ok(await arrest(), 201)
    expect(worker).toMatchObject({ status: 'detained', served: null, arrestedOn: '2003-01-18' })
    await ok(
      await request(coordinator, 'POST', `/detained/${worker.id}/status`, {
        status: 'sentenced',
        on: '2003-09-01',
        termMonths: 60,
      }),
      201,
    )
    const before = await ok(await request(coordinator, 'GET', `/detained/${worker.id}`))
    expect(before.served).toMatchObject({
      share: 'more_than_half',
      daysServed: 1217,
      termEndsOn: '2008-01-18',
    })
    day = '2006-05-20'
    coordinator = await signedInToday()
    caseworker = await signedInToday('caseworker')
    const on = await ok(await request(coordinator, 'GET', `/detained/${worker.id}`))
    expect(on.served).toMatchObject({ share: 'more_than_two_thirds', daysServed: 1218 })
    const listed = await ok(await request(caseworker, 'GET', '/detained'))
    expect(
      listed.map((w: { code: string; served: { share: string } }) => [w.code, w.served.share]),
    ).toEqual([['DW-01', 'more_than_two_thirds']])
    await ok(
      await request(coordinator, 'POST', `/detained/${worker.id}/status`, {
        status: 'released',
        on: '2006-05-20',
      }),
      201,
    )
    day = '2010-01-01'
    const later = await signedInToday()
    const released = await ok(await request(later, 'GET', `/detained/${worker.id}`))
    expect(released).toMatchObject({ status: 'released', endedOn: '2006-05-20', monthsHeld: 40 })
    expect(released.served).toMatchObject({ share: 'more_than_two_thirds', daysServed: 1218 })
    expect(released.timeline.map((e: { kind: string; on: string }) => [e.kind, e.on])).toEqual([
      ['arrest', '2003-01-18'],
      ['sentenced', '2003-09-01'],
      ['released', '2006-05-20'],
    ])
  })

  it('is restricted: an organisation-wide coordinator sees nothing, and a record is answered as missing (404)', async () => {
    const worker = await ok(await arrest(), 201)
    expect(await ok(await request(orgCoordinator, 'GET', '/detained'))).toEqual([])
    // Answered as missing, like a record that does not exist: a 403 would say it does.
    for (const [method, path, body] of [
      ['GET', `/detained/${worker.id}`, undefined],
      ['POST', `/detained/${worker.id}/status`, { status: 'released', on: '2006-01-05' }],
      [
        'POST',
        `/detained/${worker.id}/advocacy`,
        { kind: 'letter', on: '2005-06-01', addressedTo: 'A' },
      ],
    ] as const) {
      const res = await ok(await request(orgCoordinator, method, path, body), 404)
      expect(res.error.code).toBe('not_found')
      const missing = await ok(
        await request(orgCoordinator, method, path.replace(worker.id, 'nobody'), body),
        404,
      )
      expect(res.error.message).toBe(missing.error.message)
    }
    const write = await request(orgCoordinator, 'POST', '/detained', {
      compartmentId,
      code: 'DW-02',
      name: 'X',
      nationality: 'JP',
      arrestedOn: '2004',
      arrestPlace: 'Dalian',
    })
    // The restricted compartment does not exist for them either: 404, as an unseen compartment.
    expect(write.status).toBe(404)
  })

  it('seals the name: the caseworker sees the record without it, the coordinator with it, audited', async () => {
    const worker = await ok(await arrest(), 201)
    const seenByCaseworker = await ok(await request(caseworker, 'GET', `/detained/${worker.id}`))
    expect(seenByCaseworker.name).toEqual({ state: 'hidden' })
    const seen = await ok(await request(coordinator, 'GET', `/detained/${worker.id}`))
    expect(seen.name).toEqual({ state: 'shown', value: 'Synthetic Aid Worker' })
    const db = app.database.db
    const stored = await db.selectFrom('detained_workers').select('name').executeTakeFirstOrThrow()
    expect(stored.name).not.toContain('Synthetic')
    const reads = await db
      .selectFrom('audit_log')
      .select(['details', 'compartment_id'])
      .where('action', '=', 'detained.identity_read')
      .execute()
    // Creating answers with the record too: one read then, one for the GET; none for the caseworker.
    expect(reads).toHaveLength(2)
    for (const r of reads) {
      expect(r.compartment_id).toBe(compartmentId)
      expect(r.details).not.toContain('Synthetic')
    }
  })

  it('refuses bad input with field codes and writes nothing', async () => {
    const badDate = await arrest({ arrestedOn: '2003-1-18' })
    expect(badDate.status).toBe(422)
    expect((await badDate.json()).error.fields.arrestedOn).toMatch(/a year \(2003\)/)
    const future = await arrest({ arrestedOn: '2007' })
    expect(future.status).toBe(422)
    expect(await ok(await request(coordinator, 'GET', '/detained'))).toEqual([])
    const worker = await ok(await arrest(), 201)
    const noTerm = await request(coordinator, 'POST', `/detained/${worker.id}/status`, {
      status: 'sentenced',
      on: '2003-09-01',
    })
    expect(noTerm.status).toBe(422)
    expect((await noTerm.json()).error.fields.termMonths).toMatch(/months/)
    const early = await request(coordinator, 'POST', `/detained/${worker.id}/status`, {
      status: 'released',
      on: '2002-12-31',
    })
    expect((await early.json()).error.fields.on).toMatch(/before the arrest/)
    const taken = await arrest()
    expect((await taken.json()).error.fields.code).toMatch(/already has this code/)
    const after = await ok(await request(coordinator, 'GET', `/detained/${worker.id}`))
    expect([after.status, after.timeline.length, after.version]).toEqual(['detained', 1, 1])
  })

  it('pays the family through money events, in one transaction with the record', async () => {
    const heard: MoneyEvent[] = []
    let refuse = false
    const books = defineModule({
      name: 'books',
      money: {
        async recorded(_app, _trx, event) {
          if (refuse) throw new Error('the month is closed')
          heard.push(event)
        },
        async withdrawn() {},
      },
    })
    app = { ...app, modules: [...app.modules, books] }
    const worker = await ok(await arrest(), 201)
    const paid = await ok(
      await request(coordinator, 'POST', `/detained/${worker.id}/payments`, {
        paidOn: '2006-02-01',
        amount: '1500.50',
        currency: 'CNY',
      }),
      201,
    )
    expect(paid.payments).toEqual([
      expect.objectContaining({ paidOn: '2006-02-01', amountMinor: 150050, currency: 'CNY' }),
    ])
    expect(heard).toEqual([
      expect.objectContaining({
        on: '2006-02-01',
        direction: 'out',
        amount: { currency: 'CNY', minor: 150050 },
        programme: 'advocacy',
        category: 'family_support',
        counterparty: { kind: 'detained_worker', code: 'DW-01' },
      }),
    ])
    refuse = true
    const refused = await request(coordinator, 'POST', `/detained/${worker.id}/payments`, {
      paidOn: '2006-03-01',
      amount: '100',
      currency: 'CNY',
    })
    expect(refused.status).toBe(500)
    refuse = false
    const after = await ok(await request(coordinator, 'GET', `/detained/${worker.id}`))
    expect(after.payments).toHaveLength(1)
    const tooPrecise = await request(coordinator, 'POST', `/detained/${worker.id}/payments`, {
      paidOn: '2006-03-01',
      amount: '1.005',
      currency: 'JPY',
    })
    expect(tooPrecise.status).toBe(422)
  })

  it('records advocacy with its answer sealed', async () => {
    const worker = await ok(await arrest(), 201)
    const done = await ok(
      await request(coordinator, 'POST', `/detained/${worker.id}/advocacy`, {
        kind: 'government_meeting',
        on: '2005-11-02',
        addressedTo: 'A foreign ministry',
        summary: 'Asked for a consular visit',
        answeredOn: '2005-12-01',
        answer: 'Visit granted',
      }),
      201,
    )
    expect(done.advocacy).toEqual([
      expect.objectContaining({
        kind: 'government_meeting',
        addressedTo: 'A foreign ministry',
        answer: { state: 'shown', value: 'Visit granted' },
      }),
    ])
    const byCaseworker = await ok(await request(caseworker, 'GET', `/detained/${worker.id}`))
    expect(byCaseworker.advocacy[0].answer).toEqual({ state: 'hidden' })
  })
})
