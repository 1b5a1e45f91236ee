import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, expect, it } from 'vitest'
import type { AppContext } from '../src/app-context.js'
import { createPolicy, recordDistribution } from '../src/modules/supplies/distribution-service.js'
import { describeEachDialect } from './support/dialects.js'
import { buildCompartment, buildUser, signIn, type TestUser } from './support/factories.js'
import { buildShelter } from './support/shelter-factories.js'
import { testAppContext, testApps } from './support/test-app.js'

const BY = { actorId: null, requestId: null }

/** The text a reader copies out of a PDF (poppler's pdftotext, installed by CI). */
async function pdfText(res: Response): Promise<string> {
  const file = join(mkdtempSync(join(tmpdir(), 'haven-report-')), 'report.pdf')
  writeFileSync(file, Buffer.from(await res.arrayBuffer()))
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
}

const TEMPLATE_EN =
  'We ran {{shelters.operating}} shelters in FY{{year}}. On average {{ supplies.food.people-per-day.average }} people a day were fed; {{supplies.food.tonnes.shelters}} t of rice.'
const TEMPLATE_JA =
  '{{year}}年度は {{shelters.operating}} か所のシェルターを運営し、1日平均 {{supplies.food.people-per-day.average}}に食料を届け、米 {{supplies.food.tonnes.shelters}} トンを配布しました。'

describeEachDialect('the annual report through the API', (ctx) => {
  let app: AppContext
  let editors: { user: TestUser; headers: Record<string, string> }[]

  beforeEach(async () => {
    await ctx.reset()
    app = testAppContext(ctx.database(), { now: () => new Date('2031-01-01T10:00:00Z') })
    editors = []
    for (let i = 0; i < 3; i++) {
      const user = await buildUser(app, { grants: [{ role: 'editor', compartmentId: null }] })
      editors.push({ user, headers: (await signIn(app, user)).headers })
    }
  })

  const request = (method: string, path: string, body?: unknown, who = 0) =>
    testApps(app).staff.request(`/api/v1${path}`, {
      method,
      headers: {
        ...editors[who]?.headers,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
  const json = async (res: Response) => res.json()

  /** FY2029 (April 2029 – March 2030): three shelters; 2 and 4 people fed on two days. */
  async function records(more: [string, number][] = []) {
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
    for (const [day, headcount] of more) await give(day, headcount)
    return compartment
  }

  it('lists every module’s figures with unit, sensitivity and meaning in both languages', async () => {
    const res = await request('GET', '/report/figures')
    expect(res.status).toBe(200)
    const figures = (await json(res)) as {
      key: string
      module: string
      unit: string
      sensitivity: string
      label: { en: string; ja: string }
      description: { en: string; ja: string }
    }[]
    const shelters = figures.find((f) => f.key === 'shelters.operating')
    expect(shelters).toMatchObject({
      module: 'shelters',
      unit: 'shelters',
      sensitivity: 'quantity',
    })
    expect(shelters?.label.ja).toBe('運営したシェルター数')
    const keys = figures.map((f) => f.key)
    expect(keys).toContain('supplies.food.people-per-day.average')
    expect(keys).toContain('supplies.food.spend')
    expect(figures.every((f) => f.description.en.length > 0 && f.description.ja.length > 0)).toBe(
      true,
    )
  })

  it('starts from the seed’s sections, then from last year’s text; refuses unknown figures', async () => {
    const first = await request('POST', '/reports', { fiscalYear: 2029 })
    expect(first.status).toBe(201)
    const report = await json(first)
    expect(report.status).toBe('draft')
    expect(report.label).toBe('2029–2030')
    const en = report.templateEn as string
    expect(en.indexOf('## Shelters')).toBeGreaterThan(0)
    expect(en.indexOf('## Food')).toBeGreaterThan(en.indexOf('## Shelters'))
    expect(en.indexOf('## Rescues')).toBeGreaterThan(en.indexOf('## Food'))
    expect(report.templateJa).toContain('## 救出')

    expect((await request('POST', '/reports', { fiscalYear: 2029 })).status).toBe(409)

    const unknown = await request('PATCH', '/reports/2029', {
      version: 1,
      templateEn: 'We gave {{food.tonnes.china}} tonnes and {{shelters.operating}} shelters.',
    })
    expect(unknown.status).toBe(422)
    const problem = (await json(unknown)).error
    expect(problem.code).toBe('report_unknown_figure')
    expect(problem.message).toContain('food.tonnes.china')
    expect((await json(await request('GET', '/reports/2029'))).templateEn).toBe(en)

    const saved = await request('PATCH', '/reports/2029', { version: 1, templateEn: TEMPLATE_EN })
    expect(saved.status).toBe(200)
    expect((await json(saved)).version).toBe(2)
    const stale = await request('PATCH', '/reports/2029', { version: 1, templateJa: TEMPLATE_JA })
    expect(stale.status).toBe(409)

    const next = await json(await request('POST', '/reports', { fiscalYear: 2030 }))
    expect(next.templateEn).toBe(TEMPLATE_EN)
    const list = await json(await request('GET', '/reports'))
    expect(list.map((r: { fiscalYear: number }) => r.fiscalYear)).toEqual([2030, 2029])
  })

  it('refuses a figure without data for the year', async () => {
    await request('POST', '/reports', { fiscalYear: 2029 })
    await request('PATCH', '/reports/2029', {
      version: 1,
      templateEn: 'Spent: {{supplies.food.spend}}',
    })
    const res = await request('GET', '/reports/2029/review')
    expect(res.status).toBe(422)
    const problem = (await json(res)).error
    expect(problem.code).toBe('report_figure_no_data')
    expect(problem.message).toContain('supplies.food.spend')
  })

  it('reviews privately, needs two approvers who did not edit last, publishes and freezes', async () => {
    await records()
    await request('POST', '/reports', { fiscalYear: 2029 })
    await request('PATCH', '/reports/2029', {
      version: 1,
      templateEn: TEMPLATE_EN,
      templateJa: TEMPLATE_JA,
    })

    const reviewed = await request('GET', '/reports/2029/review')
    expect(reviewed.status).toBe(200)
    const review = await json(reviewed)
    expect(review.refused).toBe(false)
    const fed = review.figures.find(
      (f: { key: string }) => f.key === 'supplies.food.people-per-day.average',
    )
    const fedTotal = fed.cells.find((c: { label: string | null }) => c.label === null)
    // The true average (3) is below the threshold for people served (5): a word in public.
    expect(fedTotal.trueValue).toBe(3)
    expect(fedTotal.public).toEqual({ en: 'a few', ja: '数名' })
    expect(fedTotal.rules).toContain('word')
    expect(review.preview.en).toBe(
      'We ran 3 shelters in FY2029–2030. On average a few people a day were fed; 0.06 t of rice.',
    )
    expect(review.preview.ja).toContain('1日平均 数名に食料')
    expect(review.preview.ja).toContain('3 か所')
    expect(review.findings.en.length).toBeGreaterThan(0)

    const step = (what: string, version: number, who: number) =>
      request('POST', `/reports/2029/${what}`, { version }, who)
    expect((await json(await step('approve', 2, 1))).error.code).toBe('workflow_state')
    expect((await step('submit', 2, 0)).status).toBe(200)
    // Editor 0 wrote the text last: they may not approve it.
    const own = await step('approve', 3, 0)
    expect(own.status).toBe(403)
    expect((await json(own)).error.code).toBe('report_own_approval')
    expect((await step('approve', 3, 1)).status).toBe(200)
    expect((await json(await step('approve', 3, 1))).error.code).toBe('report_already_approved')
    const early = await step('publish', 3, 1)
    expect(early.status).toBe(409)
    expect((await json(early)).error.code).toBe('report_needs_approvals')
    const approved = await json(await step('approve', 3, 2))
    expect(approved.approvals.map((a: { userId: string }) => a.userId)).toEqual([
      editors[1]?.user.id,
      editors[2]?.user.id,
    ])
    // No PDF before publication: it is made from the frozen text only.
    expect((await request('GET', '/reports/2029/pdf/en')).status).toBe(404)
    const published = await step('publish', 3, 1)
    expect(published.status).toBe(200)
    const body = await json(published)
    expect(body.status).toBe('published')
    expect(body.publishedAt).toBe('2031-01-01T10:00:00.000Z')

    const db = app.database.db
    const frozen = await db.selectFrom('report_publications').selectAll().executeTakeFirstOrThrow()
    expect(frozen.text_en).toBe(review.preview.en)
    expect(frozen.text_ja).toBe(review.preview.ja)
    expect(JSON.parse(frozen.ledger_json).releases.map((r: { id: string }) => r.id)).toEqual([
      'annual-report-FY2029',
    ])

    // On the website's Activity Reports, in both languages, with the safe figures only.
    const site = (path: string) => testApps(app).site.request(path)
    const page = await site('/en/reports/activity-report-fy2029')
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('Activity Report – Fiscal Year 2029–2030')
    expect(html).toContain('We ran 3 shelters in FY2029–2030. On average a few people a day')
    const ja = await (await site('/ja/reports/activity-report-fy2029')).text()
    expect(ja).toContain('1日平均 数名に食料')
    expect(await (await site('/en/reports/')).text()).toContain(
      '/en/reports/activity-report-fy2029',
    )

    // The PDF in each language, fonts embedded: the same safe wording, the title in Japanese.
    const pdfEn = await request('GET', '/reports/2029/pdf/en')
    expect(pdfEn.status).toBe(200)
    expect(pdfEn.headers.get('content-type')).toContain('application/pdf')
    const textEn = await pdfText(pdfEn)
    expect(textEn).toContain('Activity Report – Fiscal Year 2029–2030')
    expect(textEn).toMatch(/On average a few people a day\s+were fed/)
    const textJa = await pdfText(await request('GET', '/reports/2029/pdf/ja'))
    expect(textJa).toContain('活動報告 2029–2030年度')
    expect(textJa).toContain('数名')
    expect(textJa).not.toMatch(/平均\s*3/)
    expect((await request('GET', '/reports/2029/pdf/ko')).status).toBe(422)

    // A later record changes nothing published, and the text can no longer be edited.
    await buildShelter(app, { openedOn: '2028-02-01' })
    const after = await db.selectFrom('report_publications').selectAll().executeTakeFirstOrThrow()
    expect(after.text_en).toContain('We ran 3 shelters')
    const edit = await request('PATCH', '/reports/2029', { version: 4, templateEn: 'x' })
    expect((await json(edit)).error.code).toBe('report_published')
    expect((await json(await step('publish', 4, 1))).error.code).toBe('report_published')
  })

  it('shows a count of people at or above the threshold as a number, with its counter in Japanese', async () => {
    await records([['2029-06-01', 24]]) // (2 + 4 + 24) / 3 = 10 a day
    await request('POST', '/reports', { fiscalYear: 2029 })
    await request('PATCH', '/reports/2029', {
      version: 1,
      templateEn: TEMPLATE_EN,
      templateJa: TEMPLATE_JA,
    })
    const review = await json(await request('GET', '/reports/2029/review'))
    expect(review.preview.en).toContain('On average 10 people a day were fed')
    expect(review.preview.ja).toContain('1日平均 10人に食料')
  })

  it('checks each new year against the ledger of every report published before it', async () => {
    await records()
    const publish = async (year: number) => {
      await request('POST', '/reports', { fiscalYear: year })
      await request('PATCH', `/reports/${year}`, {
        version: 1,
        templateEn: TEMPLATE_EN,
        templateJa: TEMPLATE_JA,
      })
      await request('POST', `/reports/${year}/submit`, { version: 2 })
      await request('POST', `/reports/${year}/approve`, { version: 3 }, 1)
      await request('POST', `/reports/${year}/approve`, { version: 3 }, 2)
      return request('POST', `/reports/${year}/publish`, { version: 3 }, 1)
    }
    expect((await publish(2029)).status).toBe(200)
    expect((await publish(2030)).status).toBe(200)
    const rows = await app.database.db
      .selectFrom('report_publications')
      .select(['fiscal_year', 'ledger_json', 'text_en'])
      .orderBy('fiscal_year')
      .execute()
    const ids = rows.map((r) => JSON.parse(r.ledger_json).releases.map((x: { id: string }) => x.id))
    expect(ids).toEqual([
      ['annual-report-FY2029'],
      ['annual-report-FY2029', 'annual-report-FY2030'],
    ])
    // Nobody was fed in FY2030: zero is shown as zero (the policy shows zeros).
    expect(rows[1]?.text_en).toContain('On average 0 people a day were fed')
    // The second year compares itself with the first, as both were published.
    expect(rows[0]?.text_en).not.toContain('Compared with')
    expect(rows[1]?.text_en).toContain('## Compared with FY2029–2030')
    expect(rows[1]?.text_en).toContain('| People fed per day (average) | a few | 0 |')
    const ja = await app.database.db
      .selectFrom('report_publications')
      .select('text_ja')
      .where('fiscal_year', '=', 2030)
      .executeTakeFirstOrThrow()
    expect(ja.text_ja).toContain('## 2029–2030年度との比較')
    const pdf = await pdfText(await request('GET', '/reports/2030/pdf/en'))
    expect(pdf).toContain('Compared with FY2029–2030')
    expect(pdf).toMatch(/People fed per day \(average\)\s+a few\s+0/)
  })

  it('flags a tonnage typed in the narrative that the records contradict, and blocks approval', async () => {
    // 2 + 4 people fed × 10 kg the allowance buys = 60 kg = 0.06 t in FY2029.
    await records()
    await request('POST', '/reports', { fiscalYear: 2029 })
    await request('PATCH', '/reports/2029', {
      version: 1,
      templateEn:
        'We distributed 30 tonnes of rice ({{supplies.food.tonnes.shelters}} t recorded).',
      templateJa: '米 0.06トンを配布しました。',
    })
    const review = await json(await request('GET', '/reports/2029/review'))
    expect(review.narrative).toHaveLength(2)
    const [en, ja] = review.narrative
    expect(en).toMatchObject({
      locale: 'en',
      text: '30 tonnes',
      status: 'contradiction',
      figure: 'supplies.food.tonnes.shelters',
    })
    expect(en.explanation.en).toContain(
      'contradiction: stated 30 t/year; from the records: 0.06 t/year',
    )
    expect(en.explanation.ja).toContain('矛盾: 記載値 30 t/年')
    expect(ja).toMatchObject({ locale: 'ja', text: '0.06トン', status: 'consistent' })

    expect((await request('POST', '/reports/2029/submit', { version: 2 })).status).toBe(200)
    const refused = await request('POST', '/reports/2029/approve', { version: 3 }, 1)
    expect(refused.status).toBe(409)
    const problem = (await json(refused)).error
    expect(problem.code).toBe('report_narrative_contradiction')
    expect(problem.message).toContain('“30 tonnes”')
    expect((await json(await request('GET', '/reports/2029'))).approvals).toEqual([])

    // Corrected to what the records say: approval goes through.
    await request('PATCH', '/reports/2029', {
      version: 3,
      templateEn: 'We distributed 0.06 tonnes of rice.',
    })
    await request('POST', '/reports/2029/submit', { version: 4 })
    expect((await request('POST', '/reports/2029/approve', { version: 5 }, 1)).status).toBe(200)
  })

  it('returns an edited text under review to draft: approvals are for a version', async () => {
    await request('POST', '/reports', { fiscalYear: 2029 })
    await request('PATCH', '/reports/2029', { version: 1, templateEn: 'Text', templateJa: '本文' })
    await request('POST', '/reports/2029/submit', { version: 2 })
    await request('POST', '/reports/2029/approve', { version: 3 }, 1)
    const edited = await json(
      await request('PATCH', '/reports/2029', { version: 3, templateEn: 'Text, edited' }, 2),
    )
    expect(edited.status).toBe('draft')
    await request('POST', '/reports/2029/submit', { version: 4 }, 2)
    const current = await json(await request('GET', '/reports/2029'))
    expect(current.status).toBe('review')
    expect(current.approvals).toEqual([])
    // Editor 2 edited last now; editor 0 and 1 may approve, editor 2 may not.
    expect((await request('POST', '/reports/2029/approve', { version: 5 }, 2)).status).toBe(403)
  })
})
