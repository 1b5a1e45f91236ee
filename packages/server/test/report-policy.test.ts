import { beforeEach, expect, it } from 'vitest'
import type { AppContext } from '../src/app-context.js'
import { createPolicy, recordDistribution } from '../src/modules/supplies/distribution-service.js'
import { describeEachDialect } from './support/dialects.js'
import { buildCompartment, buildUser, signIn } from './support/factories.js'
import { buildShelter } from './support/shelter-factories.js'
import { testAppContext, testApps } from './support/test-app.js'

const BY = { actorId: null, requestId: null }
const NOW = () => new Date('2031-01-01T10:00:00Z')

const TEMPLATE_EN =
  'We ran {{shelters.operating}} shelters. On average {{supplies.food.people-per-day.average}} people a day were fed.'
const TEMPLATE_JA =
  '{{shelters.operating}} か所のシェルターを運営し、1日平均 {{supplies.food.people-per-day.average}}に食料を届けました。'

describeEachDialect('the organisation’s disclosure policy and rounding secret', (ctx) => {
  let app: AppContext
  let headers: Record<string, string>[]
  let admin: Record<string, string>

  beforeEach(async () => {
    await ctx.reset()
    app = testAppContext(ctx.database(), { now: NOW })
    headers = []
    for (let i = 0; i < 3; i++) {
      const user = await buildUser(app, { grants: [{ role: 'editor', compartmentId: null }] })
      headers.push((await signIn(app, user)).headers)
    }
    const administrator = await buildUser(app, {
      grants: [{ role: 'administrator', compartmentId: null }],
    })
    admin = (await signIn(app, administrator)).headers
  })

  const call = (
    on: AppContext,
    who: Record<string, string> | undefined,
    method: string,
    path: string,
    body?: unknown,
  ) =>
    testApps(on).staff.request(`/api/v1${path}`, {
      method,
      headers: {
        ...who,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
  const request = (method: string, path: string, body?: unknown, who = 0) =>
    call(app, headers[who], method, path, body)

  /** FY2029: three shelters; people fed on three days (the average is `sum / 3`). */
  async function records(headcounts: readonly number[]) {
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
    for (const [i, headcount] of headcounts.entries())
      await recordDistribution(
        app,
        { compartmentId: compartment.id, day: `2029-05-0${i + 1}`, headcount },
        { ...BY, mayOverride: false },
      )
  }

  async function draft(year = 2029) {
    await request('POST', '/reports', { fiscalYear: year })
    await request('PATCH', `/reports/${year}`, {
      version: 1,
      templateEn: TEMPLATE_EN,
      templateJa: TEMPLATE_JA,
    })
  }

  const policy = async (on = app) =>
    (await call(on, admin, 'GET', '/report/disclosure-policy')).json()
  const auditRows = (action: string) =>
    app.database.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('action', '=', action)
      .execute()

  it('starts from the defaults; an administrator changes it (audited); bad or stale input is refused', async () => {
    const first = await policy()
    expect(first).toMatchObject({
      thresholds: { 'people-protected': 10, 'people-served': 5 },
      roundingBase: null,
      dangerousNumbers: [],
      version: 0,
      updatedAt: null,
      roundingSecret: { version: 1 },
    })
    expect(first.roundingSecret.fingerprint).toMatch(/^[0-9a-f]{16}$/)
    expect(JSON.stringify(first)).not.toContain('secret":"')

    const saved = await call(app, admin, 'PUT', '/report/disclosure-policy', {
      thresholds: { 'people-protected': 10, 'people-served': 5 },
      roundingBase: 5,
      dangerousNumbers: [17, 3, 17],
      version: 0,
    })
    expect(saved.status).toBe(200)
    expect(await saved.json()).toMatchObject({
      roundingBase: 5,
      dangerousNumbers: [3, 17],
      version: 1,
      updatedAt: '2031-01-01T10:00:00.000Z',
    })
    const [row] = await auditRows('report.policy_changed')
    const details = JSON.parse(String(row?.details))
    expect(details).toMatchObject({ version: 1, roundingBase: 5, dangerousNumbers: 2 })
    expect(details.changed).toEqual(['roundingBase', 'dangerousNumbers'])
    // The numbers themselves stay out of the log.
    expect(String(row?.details)).not.toContain('17')

    const stale = await call(app, admin, 'PUT', '/report/disclosure-policy', {
      thresholds: { 'people-protected': 10, 'people-served': 5 },
      roundingBase: null,
      dangerousNumbers: [],
      version: 0,
    })
    expect(stale.status).toBe(409)
    // Words for hidden counts must stay true for every count they cover: k = 40 breaks them.
    const unfit = await call(app, admin, 'PUT', '/report/disclosure-policy', {
      thresholds: { 'people-protected': 40, 'people-served': 5 },
      roundingBase: null,
      dangerousNumbers: [],
      version: 1,
    })
    expect(unfit.status).toBe(422)
    expect((await unfit.json()).error.code).toBe('report_policy_invalid')
    const negative = await call(app, admin, 'PUT', '/report/disclosure-policy', {
      thresholds: { 'people-protected': 10, 'people-served': 5 },
      roundingBase: 1,
      dangerousNumbers: [-1],
      version: 1,
    })
    expect(negative.status).toBe(422)
    expect((await policy()).version).toBe(1)
    // Editors read it; only administrators change it.
    expect((await request('GET', '/report/disclosure-policy')).status).toBe(200)
    const editorPut = await request('PUT', '/report/disclosure-policy', {
      thresholds: { 'people-protected': 10, 'people-served': 5 },
      roundingBase: null,
      dangerousNumbers: [],
      version: 1,
    })
    expect(editorPut.status).toBe(403)
  })

  it('applies the threshold the organisation chose', async () => {
    await records([3, 4, 5]) // 4 a day: below the default k = 5 for people served
    await draft()
    const hidden = await (await request('GET', '/reports/2029/review')).json()
    expect(hidden.preview.en).toContain('On average a few people a day were fed')
    expect(hidden.preview.ja).toContain('1日平均 数名に食料')
    const saved = await call(app, admin, 'PUT', '/report/disclosure-policy', {
      thresholds: { 'people-protected': 10, 'people-served': 4 },
      roundingBase: null,
      dangerousNumbers: [],
      version: 0,
    })
    expect(saved.status).toBe(200)
    const shown = await (await request('GET', '/reports/2029/review')).json()
    expect(shown.preview.en).toContain('On average 4 people a day were fed')
    expect(shown.preview.ja).toContain('1日平均 4人に食料')
  })

  it('rounds under the stored secret: the same after a restart, and the ledger names that secret', async () => {
    await call(app, admin, 'PUT', '/report/disclosure-policy', {
      thresholds: { 'people-protected': 10, 'people-served': 5 },
      roundingBase: 5,
      dangerousNumbers: [],
      version: 0,
    })
    await records([10, 10, 13]) // 11 a day: published as 10 or 15
    await draft()
    const preview = async (on: AppContext) => {
      const review = await (await call(on, headers[0], 'GET', '/reports/2029/review')).json()
      const fed = review.figures.find(
        (f: { key: string }) => f.key === 'supplies.food.people-per-day.average',
      )
      return {
        en: review.preview.en as string,
        findings: review.findings.en as string,
        total: fed.cells.find((c: { label: string | null }) => c.label === null),
      }
    }
    const before = await preview(app)
    expect(before.total.trueValue).toBe(11)
    // Rounded, with the footnote mark that says so.
    expect(before.total.public.en).toMatch(/^(10|15)†$/)
    expect(before.findings).not.toContain('one-off key')

    // A restart: a new server over the same database and master key, nothing kept in memory.
    const restarted = testAppContext(ctx.database(), { now: NOW })
    for (let i = 0; i < 3; i++) expect(await preview(restarted)).toEqual(before)
    const { roundingSecret } = await policy(restarted)
    expect(roundingSecret).toEqual((await policy()).roundingSecret)
    expect(
      await app.database.db.selectFrom('report_rounding_secrets').select('secret').execute(),
    ).toEqual([{ secret: expect.stringMatching(/^v1\.1\./) }])

    // Published from the restarted server: the ledger records the secret's public name.
    const step = (what: string, version: number, who: number) =>
      call(restarted, headers[who], 'POST', `/reports/2029/${what}`, { version })
    await step('submit', 2, 0)
    await step('approve', 3, 1)
    await step('approve', 3, 2)
    expect((await step('publish', 3, 1)).status).toBe(200)
    const row = await app.database.db
      .selectFrom('report_publications')
      .select(['ledger_json', 'text_en'])
      .executeTakeFirstOrThrow()
    expect(row.text_en).toBe(before.en)
    const figures = JSON.parse(row.ledger_json).releases[0].figures as {
      published: { kind: string; rounding?: { base: number; key: string } }
    }[]
    const rounded = figures.filter((f) => f.published.rounding)
    expect(rounded.length).toBeGreaterThan(0)
    for (const f of rounded)
      expect(f.published.rounding).toEqual({ base: 5, key: roundingSecret.fingerprint })

    // Rotating is deliberate, by an administrator, audited; the old version is retired.
    expect((await request('POST', '/report/disclosure-policy/rotate-secret')).status).toBe(403)
    const rotated = await call(app, admin, 'POST', '/report/disclosure-policy/rotate-secret')
    expect(rotated.status).toBe(200)
    const next = (await rotated.json()).roundingSecret
    expect(next.version).toBe(2)
    expect(next.fingerprint).not.toBe(roundingSecret.fingerprint)
    expect((await policy(restarted)).roundingSecret).toEqual(next)
    const [audited] = await auditRows('report.rounding_secret_rotated')
    expect(JSON.parse(String(audited?.details))).toEqual({
      version: 2,
      fingerprint: next.fingerprint,
    })
  })

  it('refuses to approve a report that would publish a number on the organisation’s list', async () => {
    await records([4, 5, 6])
    await call(app, admin, 'PUT', '/report/disclosure-policy', {
      thresholds: { 'people-protected': 10, 'people-served': 5 },
      roundingBase: null,
      dangerousNumbers: [3],
      version: 0,
    })
    await draft()
    await request('POST', '/reports/2029/submit', { version: 2 })
    const refused = await request('POST', '/reports/2029/approve', { version: 3 }, 1)
    expect(refused.status).toBe(409)
    const problem = (await refused.json()).error
    expect(problem.code).toBe('report_dangerous_number')
    expect(problem.message).toContain('shelters.operating')
  })
})
