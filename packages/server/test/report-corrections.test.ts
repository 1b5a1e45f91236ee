import { beforeEach, expect, it } from 'vitest'
import type { AppContext } from '../src/app-context.js'
import { createPolicy, recordDistribution } from '../src/modules/supplies/distribution-service.js'
import { describeEachDialect } from './support/dialects.js'
import { buildCompartment, buildUser, signIn } from './support/factories.js'
import { buildShelter } from './support/shelter-factories.js'
import { testAppContext, testApps } from './support/test-app.js'

const BY = { actorId: null, requestId: null }
const TEMPLATE_EN =
  'We ran {{shelters.operating}} shelters. On average {{supplies.food.people-per-day.average}} people a day were fed.'
const TEMPLATE_JA =
  '{{shelters.operating}} か所のシェルターを運営し、1日平均 {{supplies.food.people-per-day.average}}に食料を届けました。'

describeEachDialect('corrections of a published report, as new releases', (ctx) => {
  let app: AppContext
  let headers: Record<string, string>[]

  beforeEach(async () => {
    await ctx.reset()
    app = testAppContext(ctx.database(), { now: () => new Date('2031-01-01T10:00:00Z') })
    headers = []
    for (let i = 0; i < 3; i++) {
      const user = await buildUser(app, { grants: [{ role: 'editor', compartmentId: null }] })
      headers.push((await signIn(app, user)).headers)
    }
  })

  const request = (method: string, path: string, body?: unknown, who = 0) =>
    testApps(app).staff.request(`/api/v1${path}`, {
      method,
      headers: {
        ...headers[who],
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })

  /** Three shelters; 2 and 4 people fed in FY2029 (3 a day: "a few"). */
  async function records() {
    for (let i = 0; i < 3; i++) await buildShelter(app, { openedOn: '2028-01-10' })
    const compartment = await buildCompartment(app)
    await createPolicy(
      app,
      {
        compartmentId: compartment.id,
        validFrom: '2029-01-01',
        validTo: null,
        amount: '300',
        currency: 'JPY',
        buysGrams: 10_000,
        dailyCap: 100,
        monthlyCap: '100000000',
        monthlyCapCurrency: 'JPY',
        rationGrams: 500,
      },
      BY,
    )
    const give = (day: string, headcount: number) =>
      recordDistribution(
        app,
        { compartmentId: compartment.id, day, headcount },
        { ...BY, mayOverride: false },
      )
    await give('2029-05-01', 2)
    await give('2029-05-02', 4)
    return give
  }

  /** Submit, two approvals, publish, from `version`; returns the publish answer. */
  async function release(version: number) {
    expect((await request('POST', '/reports/2029/submit', { version }, 0)).status).toBe(200)
    await request('POST', '/reports/2029/approve', { version: version + 1 }, 1)
    await request('POST', '/reports/2029/approve', { version: version + 1 }, 2)
    return request('POST', '/reports/2029/publish', { version: version + 1 }, 1)
  }

  it('publishes a correction as a new release and replaces the page; refuses one that reveals a small count', async () => {
    const give = await records()
    await request('POST', '/reports', { fiscalYear: 2029 })
    await request('PATCH', '/reports/2029', {
      version: 1,
      templateEn: TEMPLATE_EN,
      templateJa: TEMPLATE_JA,
    })
    expect((await release(2)).status).toBe(200)
    // A draft cannot be "corrected"; a stale version is refused.
    expect(
      (
        await request('POST', '/reports/2029/correct', {
          version: 3,
          reason: 'A shelter was missed.',
        })
      ).status,
    ).toBe(409)

    // A shelter was missed: a quantity, which a correction may change.
    await buildShelter(app, { openedOn: '2028-03-01' })
    const started = await request('POST', '/reports/2029/correct', {
      version: 4,
      reason: 'A shelter was missed.',
    })
    expect(started.status).toBe(200)
    expect((await started.json()).status).toBe('draft')
    // Until the correction is published the site keeps the first text.
    const site = (path: string) => testApps(app).site.request(path)
    expect(await (await site('/en/reports/activity-report-fy2029')).text()).toContain(
      'We ran 3 shelters',
    )
    // Editor 0 started the correction (the last editor): editors 1 and 2 approve it.
    expect((await release(5)).status).toBe(200)
    const row = await app.database.db
      .selectFrom('report_publications')
      .selectAll()
      .executeTakeFirstOrThrow()
    expect(row.correction).toBe(1)
    expect(JSON.parse(row.ledger_json).releases.map((r: { id: string }) => r.id)).toEqual([
      'annual-report-FY2029',
      'annual-report-FY2029-correction-1',
    ])
    const en = await (await site('/en/reports/activity-report-fy2029')).text()
    expect(en).toContain('We ran 4 shelters')
    expect(en).toContain('Corrected on')
    expect(await (await site('/ja/reports/activity-report-fy2029')).text()).toContain(
      'に訂正しました',
    )
    const audits = await app.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'report.correction_started')
      .execute()
    expect(audits).toHaveLength(1)

    // More people fed were found: 2 + 4 + 30 over three days is 12 a day. Published as 12 next
    // to the first release's "a few" (1–6), the change would be a count of its own: refused.
    await give('2029-05-03', 30)
    expect(
      (await request('POST', '/reports/2029/correct', { version: 7, reason: 'More people fed.' }))
        .status,
    ).toBe(200)
    const review = await (await request('GET', '/reports/2029/review')).json()
    expect(review.refused).toBe(true)
    const refused = await release(8)
    expect(refused.status).toBe(422)
    expect((await refused.json()).error.code).toBe('report_refused')
    expect(await (await site('/en/reports/activity-report-fy2029')).text()).toContain(
      'We ran 4 shelters',
    )
    const after = await app.database.db
      .selectFrom('report_publications')
      .select('correction')
      .executeTakeFirstOrThrow()
    expect(after.correction).toBe(1)
  })
})
