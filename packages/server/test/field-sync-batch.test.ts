import { randomUUID } from 'node:crypto'
import { beforeEach, expect, it } from 'vitest'
import type { AppContext } from '../src/app-context.js'
import type { CompartmentsTable } from '../src/compartments/compartment-tables.js'
import { HavenError } from '../src/http/haven-error.js'
import { recordDistributionIn } from '../src/modules/supplies/index.js'
import { describeEachDialect } from './support/dialects.js'
import { buildCompartment, buildUser, signIn, type TestUser } from './support/factories.js'
import { buildPerson } from './support/people-factories.js'
import { testAppContext, testApps } from './support/test-app.js'

// A daily cap of 20 people and a monthly budget of 300 people's worth (20 CNY at 15 JPY each).
const POLICY = {
  validFrom: '2026-01-01',
  amount: '20',
  currency: 'CNY',
  buysGrams: 10_000,
  dailyCap: 20,
  monthlyCap: '90000',
  monthlyCapCurrency: 'JPY',
  rationGrams: 500,
}

describeEachDialect('field push of distributions as one batch', (ctx) => {
  let app: AppContext
  let yan: CompartmentsTable
  let worker: Record<string, string>
  let workerUser: TestUser
  let personCode: string

  beforeEach(async () => {
    await ctx.reset()
    app = testAppContext(ctx.database(), { now: () => new Date('2026-06-15T10:00:00Z') })
    yan = await buildCompartment(app, 'YAN-01')
    const coordinator = (
      await signIn(
        app,
        await buildUser(app, { grants: [{ role: 'coordinator', compartmentId: yan.id }] }),
      )
    ).headers
    workerUser = await buildUser(app, { grants: [{ role: 'caseworker', compartmentId: yan.id }] })
    worker = (await signIn(app, workerUser)).headers
    const finance = (
      await signIn(
        app,
        await buildUser(app, { grants: [{ role: 'finance', compartmentId: null }] }),
      )
    ).headers
    const rate = { date: '2026-01-01', base: 'CNY', quote: 'JPY', rate: '15' }
    expect((await call('POST', '/exchange-rates', rate, finance)).status).toBe(201)
    const policy = { ...POLICY, compartmentId: yan.id }
    expect((await call('POST', '/allowance-policies', policy, coordinator)).status).toBe(201)
    personCode = (await buildPerson(app, yan.id)).code
  })

  const call = (method: string, path: string, body: unknown, headers: Record<string, string>) =>
    testApps(app).staff.request(`/api/v1${path}`, {
      method,
      headers: {
        ...headers,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })

  async function device(): Promise<string> {
    const res = await call('POST', '/field/devices', { name: 'Phone A' }, worker)
    expect(res.status).toBe(201)
    return (await res.json()).id
  }

  interface Answer {
    clientId: string
    outcome: string
    code: string | null
    entityId: string | null
  }

  const push = async (id: string, mutations: unknown[]): Promise<Answer[]> => {
    const res = await call('POST', '/field/sync/push', { deviceId: id, mutations }, worker)
    expect(res.status).toBe(200)
    return (await res.json()).results
  }

  /**
   * An outbox over two days of one month: headcounts past the daily cap on the first day, a
   * person unknown in the middle (refused, counting for nothing), a registered person's own
   * ration, a day with no policy, and enough on the second day to pass the monthly budget.
   */
  function outbox(month: string) {
    const d = (day: string, data: Record<string, unknown>) => ({
      clientId: randomUUID(),
      kind: 'distribution' as const,
      data: { compartmentId: yan.id, day: `${month}-${day}`, ...data },
    })
    return [
      d('10', { headcount: 6 }),
      d('10', { headcount: 6 }),
      d('10', { personCode: 'YAN-01-P9999' }),
      d('10', { headcount: 6 }),
      d('10', { personCode }),
      d('10', { headcount: 3 }),
      d('10', { headcount: 1 }),
      ...Array.from({ length: 16 }, (_, i) => d(String(11 + i), { headcount: 20 })),
      d('27', { headcount: 1 }),
    ]
  }

  /** What the books, counters and audit hold for a month: to compare the two paths. */
  async function effectsOf(month: string) {
    const db = app.database.db
    const rows = await db
      .selectFrom('distributions')
      .select([
        'day',
        'headcount',
        'amount_minor',
        'cap_amount_minor',
        'override_code',
        'person_id',
      ])
      .where('day', 'like', `${month}-%`)
      .orderBy('day')
      .orderBy('created_at')
      .execute()
    const days = await db
      .selectFrom('distribution_days')
      .select(['day', 'people', 'spend_minor', 'cap_spend_minor', 'rice_grams', 'overrides'])
      .where('day', 'like', `${month}-%`)
      .orderBy('day')
      .execute()
    const months = await db
      .selectFrom('distribution_months')
      .select(['people', 'spend_minor', 'cap_spend_minor', 'rice_grams', 'overrides'])
      .where('month', '=', month)
      .execute()
    const postings = await db
      .selectFrom('finance_postings')
      .select(['account_code', 'minor', 'report_minor', 'rate', 'counterparty_code'])
      .where('month', '=', month)
      .orderBy('account_code')
      .orderBy('minor')
      .orderBy('counterparty_code')
      .execute()
    const ids = (
      await db.selectFrom('distributions').select('id').where('day', 'like', `${month}-%`).execute()
    ).map((r) => r.id)
    const audits = await db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('entity_id', 'in', ids)
      .orderBy('action')
      .orderBy('details')
      .execute()
    // Rows written together share a time: compared as sorted sets.
    const numbers = <T extends object>(list: T[]) =>
      list
        .map((r) =>
          Object.fromEntries(
            Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v]),
          ),
        )
        .sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1))
    return {
      rows: numbers(rows.map((r) => ({ ...r, day: r.day.slice(-2) }))),
      days: numbers(days.map((r) => ({ ...r, day: r.day.slice(-2) }))),
      months: numbers(months),
      postings: numbers(postings.map((p) => ({ ...p, minor: Number(p.minor) }))),
      audits: numbers(audits),
    }
  }

  it('flags exactly the entries one-at-a-time recording flags, with the same books, counters and audit', async () => {
    // Pushed: May, as one batch.
    const batch = outbox('2026-05')
    const answers = await push(await device(), batch)
    // One at a time: April, each through the door a push used before the batch door.
    const alone = outbox('2026-04')
    const by = { actorId: workerUser.id, requestId: null, mayOverride: false }
    const oneByOne: [string, string | null][] = []
    for (const m of alone) {
      try {
        const done = await app.database.db
          .transaction()
          .execute((trx) =>
            recordDistributionIn(app, trx, m.data, by, { id: m.clientId, overCap: 'flag' }),
          )
        oneByOne.push([done.flagged ? 'flagged' : 'applied', done.flagged])
      } catch (error) {
        if (!(error instanceof HavenError)) throw error
        oneByOne.push(['refused', error.code])
      }
    }
    expect(answers.map((a) => [a.outcome, a.code])).toEqual(oneByOne)
    // The day's cap is passed by the 6th (6 + 6 + 6 + 1 = 19, then 3 more is 22): flagged from
    // there that day; the next day is under the cap; the month's budget (300 people) runs out
    // on the 24th.
    expect(oneByOne.slice(0, 8)).toEqual([
      ['applied', null],
      ['applied', null],
      ['refused', 'person_not_in_compartment'],
      ['applied', null],
      ['applied', null],
      ['flagged', 'daily_cap_reached'],
      ['flagged', 'daily_cap_reached'],
      ['applied', null],
    ])
    expect(oneByOne.filter(([, code]) => code === 'monthly_budget_reached').length).toBeGreaterThan(
      0,
    )
    const [may, april] = [await effectsOf('2026-05'), await effectsOf('2026-04')]
    expect(may.rows).toHaveLength(batch.length - 1)
    expect(may).toEqual(april)
  })

  it('adds nothing when a batch is pushed again, nor when its record of answers is lost', async () => {
    const id = await device()
    const batch = outbox('2026-05')
    const first = await push(id, batch)
    const db = app.database.db
    const count = async () => ({
      distributions: (await db.selectFrom('distributions').select('id').execute()).length,
      transactions: (await db.selectFrom('finance_transactions').select('id').execute()).length,
      audit: (await db.selectFrom('audit_log').select('seq').execute()).length,
      days: await db.selectFrom('distribution_days').selectAll().orderBy('day').execute(),
    })
    const before = await count()
    expect(await push(id, batch)).toEqual(first)
    const after = await count()
    expect(after).toEqual({ ...before, audit: after.audit })
    // The distributions are there but the device's record of them is gone (as when a push's
    // answers were recorded elsewhere): each is found by its id and counts once.
    await db.deleteFrom('field_changes').execute()
    const replayed = await push(id, batch)
    expect(replayed.map((a) => a.outcome)).toEqual(
      first.map((a) => (a.outcome === 'refused' ? 'refused' : 'applied')),
    )
    const again = await count()
    expect({ ...again, audit: 0 }).toEqual({ ...before, audit: 0 })
  })
})
