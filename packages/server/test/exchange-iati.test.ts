import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { IATI_COUNTRY_CODES, IATI_ORGANISATION_TYPES } from '@haven/core/exchange/iati-codes'
import { beforeEach, describe, expect, it } from 'vitest'
import type { AppContext } from '../src/app-context.js'
import { createPolicy, recordDistribution } from '../src/modules/supplies/distribution-service.js'
import { describeEachDialect } from './support/dialects.js'
import { buildCompartment, buildUser, signIn } from './support/factories.js'
import { buildShelter } from './support/shelter-factories.js'
import { testAppContext, testApps } from './support/test-app.js'

/** The IATI schemas and codelists, kept in the project (`standards/iati`, see its README). */
const IATI = join(import.meta.dirname, '../../../standards/iati')
const BY = { actorId: null, requestId: null }

const TEMPLATE_EN =
  'We ran {{shelters.operating}} shelters in FY{{year}}. On average {{ supplies.food.people-per-day.average }} people a day were fed; {{supplies.food.tonnes.shelters}} t of rice.'
const TEMPLATE_JA =
  '{{year}}年度は {{shelters.operating}} か所のシェルターを運営し、1日平均 {{supplies.food.people-per-day.average}}に食料を届け、米 {{supplies.food.tonnes.shelters}} トンを配布しました。'

const SETTINGS = {
  orgRef: 'JP-CN-1234567890123',
  orgType: '22',
  nameEn: 'Haven Relief & Rescue <Tokyo>',
  nameJa: 'ヘイブン救援会',
  countries: [
    { code: 'CN', percentage: 90 },
    { code: 'JP', percentage: 10 },
  ],
}

/** Writes the file and runs `xmllint --nonet` against the IATI schema; returns its complaints. */
function schemaErrors(xml: string, schema: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'haven-iati-')), 'file.xml')
  writeFileSync(file, xml)
  const run = spawnSync(
    'xmllint',
    ['--nonet', '--noout', '--schema', join(IATI, 'schemas', schema), file],
    { encoding: 'utf8' },
  )
  return run.status === 0 ? '' : run.stderr
}

/** Every code a codelist file lists. */
function codesOf(codelist: string): Set<string> {
  const text = readFileSync(join(IATI, 'codelists', `${codelist}.xml`), 'utf8')
  return new Set([...text.matchAll(/<code>([^<]*)<\/code>/g)].map((m) => (m[1] ?? '').trim()))
}

/**
 * Checks every value the file gives where the codelists' mapping.xml names a codelist (with the
 * mapping's condition as a predicate): each must be a code of that list. Returns what was checked
 * and what failed.
 */
function codelistCheck(xml: string, root: 'iati-activit' | 'iati-organisation') {
  const file = join(mkdtempSync(join(tmpdir(), 'haven-iati-')), 'file.xml')
  writeFileSync(file, xml)
  const mapping = readFileSync(join(IATI, 'codelists', 'mapping.xml'), 'utf8')
  const checked: string[] = []
  const wrong: string[] = []
  for (const m of mapping.matchAll(/<mapping>([\s\S]*?)<\/mapping>/g)) {
    const body = m[1] ?? ''
    const path = /<path>([^<]+)<\/path>/.exec(body)?.[1]?.trim() ?? ''
    const list = /<codelist ref="([^"]+)"/.exec(body)?.[1] ?? ''
    const condition = /<condition>([^<]+)<\/condition>/.exec(body)?.[1]?.trim()
    // `iati-activit` takes both the file's root (iati-activities) and each iati-activity.
    if (!path.startsWith(`//${root}`)) continue
    // `a/b/@c` with a condition on b becomes `a/b[condition]/@c` (text() likewise).
    const at = path.lastIndexOf('/')
    const xpath = condition
      ? `${path.slice(0, at)}[${condition.replace(/&apos;/g, "'")}]${path.slice(at)}`
      : path
    const run = spawnSync('xmllint', ['--nonet', '--xpath', xpath, file], { encoding: 'utf8' })
    if (run.status !== 0) continue // nothing there
    const values = path.endsWith('text()')
      ? run.stdout.split('\n').filter((v) => v.trim() !== '')
      : [...run.stdout.matchAll(/="([^"]*)"/g)].map((v) => v[1] ?? '')
    const codes = codesOf(list)
    for (const v of values) {
      checked.push(`${path}=${v}`)
      if (!codes.has(v.trim())) wrong.push(`${path}=${v} is not in ${list}`)
    }
  }
  return { checked, wrong }
}

describe('the IATI codes kept in core, and the checks of this file', () => {
  it('are the codelists of the standard', () => {
    const countries = readFileSync(join(IATI, 'codelists', 'Country.xml'), 'utf8')
    const active = [
      ...countries.matchAll(/<codelist-item([^>]*)>\s*<code>([A-Z]{2})<\/code>/g),
    ].flatMap((m) => ((m[1] ?? '').includes('withdrawn') ? [] : [m[2]]))
    expect([...IATI_COUNTRY_CODES]).toEqual(active)
    expect(new Set(IATI_ORGANISATION_TYPES)).toEqual(codesOf('OrganisationType'))
  })

  it('has checks that fail on a broken file and on a code outside its list', () => {
    const broken =
      '<?xml version="1.0"?><iati-activities version="2.03"><iati-activity/></iati-activities>'
    expect(schemaErrors(broken, 'iati-activities-schema.xsd')).toContain('iati-identifier')
    const wrongSector = `<iati-activities version="2.03"><iati-activity><sector vocabulary="1" code="99999"/></iati-activity></iati-activities>`
    expect(codelistCheck(wrongSector, 'iati-activit').wrong).toEqual([
      '//iati-activity/sector/@code=99999 is not in Sector',
    ])
  })
})

describeEachDialect('data exchange: IATI files from the books and the published report', (ctx) => {
  let app: AppContext
  let editors: Record<string, string>[]
  let finance: Record<string, string>
  let coordinator: Record<string, string>

  beforeEach(async () => {
    await ctx.reset()
    app = testAppContext(ctx.database(), { now: () => new Date('2031-01-01T10:00:00Z') })
    editors = []
    for (let i = 0; i < 3; i++) {
      const user = await buildUser(app, { grants: [{ role: 'editor', compartmentId: null }] })
      editors.push((await signIn(app, user)).headers)
    }
    const money = await buildUser(app, { grants: [{ role: 'finance', compartmentId: null }] })
    finance = (await signIn(app, money)).headers
    const compartment = await buildCompartment(app)
    const coord = await buildUser(app, {
      grants: [{ role: 'coordinator', compartmentId: compartment.id }],
    })
    coordinator = (await signIn(app, coord)).headers
  })

  const request = (method: string, path: string, headers: Record<string, string>, body?: unknown) =>
    testApps(app).staff.request(`/api/v1${path}`, {
      method,
      headers: {
        ...headers,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
  const ok = async (res: Response, status = 200) => {
    const text = await res.text()
    expect(res.status, text).toBe(status)
    return text
  }

  /** FY2029: three shelters, 2 and 4 people fed at 300 yen (the books post the food money). */
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
    for (const [day, headcount] of [
      ['2029-05-01', 2],
      ['2029-05-02', 4],
    ] as const)
      await recordDistribution(
        app,
        { compartmentId: compartment.id, day, headcount },
        { ...BY, mayOverride: false },
      )
    await ok(await request('PUT', '/finance/budgets/2029/food', finance, { total: '1200000' }))
    await ok(
      await request('POST', '/finance/entries', finance, {
        on: '2029-07-10',
        direction: 'out',
        amount: '50000',
        currency: 'JPY',
        programme: 'medical',
        memo: '=HYPERLINK("x") clinic',
      }),
      201,
    )
  }

  async function publishReport(year: number) {
    const step = (path: string, body: unknown, who: number) =>
      request('POST', `/reports/${year}${path}`, editors[who] ?? {}, body)
    await ok(await request('POST', '/reports', editors[0] ?? {}, { fiscalYear: year }), 201)
    await ok(
      await request('PATCH', `/reports/${year}`, editors[0] ?? {}, {
        version: 1,
        templateEn: TEMPLATE_EN,
        templateJa: TEMPLATE_JA,
      }),
    )
    await ok(await step('/submit', { version: 2 }, 0))
    await ok(await step('/approve', { version: 3 }, 1))
    await ok(await step('/approve', { version: 3 }, 2))
    await ok(await step('/publish', { version: 3 }, 1))
  }

  it('refuses until set up, checks the settings, and is finance’s alone', async () => {
    const early = await request('GET', '/exchange/iati/activities.xml?fiscalYear=2029', finance)
    expect(early.status).toBe(409)
    expect((await early.json()).error.code).toBe('iati_not_configured')
    expect(JSON.parse(await ok(await request('GET', '/exchange/iati/settings', finance)))).toEqual({
      settings: null,
    })

    for (const bad of [
      { ...SETTINGS, countries: [{ code: 'CN', percentage: 90 }] },
      { ...SETTINGS, countries: [{ code: 'XX', percentage: 100 }] },
      {
        ...SETTINGS,
        countries: [
          { code: 'CN', percentage: 50 },
          { code: 'CN', percentage: 50 },
        ],
      },
      { ...SETTINGS, orgRef: 'my org' },
      { ...SETTINGS, orgType: '99' },
    ]) {
      const res = await request('PUT', '/exchange/iati/settings', finance, bad)
      expect(res.status, JSON.stringify(bad)).toBe(422)
      expect((await res.json()).error.code).toBe('validation_failed')
    }
    const saved = JSON.parse(
      await ok(await request('PUT', '/exchange/iati/settings', finance, SETTINGS)),
    )
    expect(saved.settings).toMatchObject({ orgRef: SETTINGS.orgRef, countries: SETTINGS.countries })

    // Neither editors nor coordinators make IATI files or change what they say.
    for (const who of [editors[0] ?? {}, coordinator]) {
      expect(
        (await request('GET', '/exchange/iati/organisation.xml?fiscalYear=2029', who)).status,
      ).toBe(403)
      expect((await request('PUT', '/exchange/iati/settings', who, SETTINGS)).status).toBe(403)
    }
    const bad = await request('GET', '/exchange/iati/organisation.xml?fiscalYear=abc', finance)
    expect(bad.status).toBe(422)

    const log = await app.database.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('action', '=', 'exchange.iati_settings_changed')
      .execute()
    expect(log).toHaveLength(1)
    expect(JSON.parse(log[0]?.details ?? '{}').fields).toEqual([
      'orgRef',
      'orgType',
      'nameEn',
      'nameJa',
      'countries',
    ])
  })

  it('makes files that pass the IATI 2.03 schemas and codelists, with only published results, and the HXL CSV of them', async () => {
    await records()
    await ok(await request('PUT', '/exchange/iati/settings', finance, SETTINGS))

    // Before the report is published: money, no results, no link to a report.
    const before = await ok(
      await request('GET', '/exchange/iati/activities.xml?fiscalYear=2029', finance),
    )
    expect(schemaErrors(before, 'iati-activities-schema.xsd')).toBe('')
    expect(before).not.toContain('<result')

    await publishReport(2029)
    // A record after publication changes no result: the files read what was published.
    await buildShelter(app, { openedOn: '2029-06-01' })

    const res = await request('GET', '/exchange/iati/activities.xml?fiscalYear=2029', finance)
    expect(res.headers.get('content-type')).toContain('application/xml')
    expect(res.headers.get('content-disposition')).toContain('haven-iati-activities-fy2029.xml')
    const activities = await ok(res)
    expect(schemaErrors(activities, 'iati-activities-schema.xsd')).toBe('')
    const activityCodes = codelistCheck(activities, 'iati-activit')
    expect(activityCodes.wrong).toEqual([])
    // The check saw the file's coded values (sector, countries, currency, types…).
    expect(activityCodes.checked).toEqual(
      expect.arrayContaining([
        '//iati-activity/sector/@code=72040',
        '//iati-activity/recipient-country/@code=CN',
        '//iati-activity/transaction/transaction-type/@code=4',
        '//iati-activity/result/indicator/@measure=1',
        '//iati-activities/@version=2.03',
      ]),
    )

    // One activity per programme with money: food (budget, May's 1,800 yen) and medical.
    expect(activities).toContain('<iati-identifier>JP-CN-1234567890123-food</iati-identifier>')
    expect(activities).toContain('<iati-identifier>JP-CN-1234567890123-medical</iati-identifier>')
    expect(activities).not.toContain('-education</iati-identifier>')
    expect(activities).toContain('<value currency="JPY" value-date="2029-04-01">1200000</value>')
    expect(activities).toContain('<transaction-date iso-date="2029-05-31"/>')
    expect(activities).toContain('<value currency="JPY" value-date="2029-05-31">1800</value>')
    expect(activities).toContain('<value currency="JPY" value-date="2029-07-31">50000</value>')
    expect(activities).toContain('<narrative xml:lang="ja">2029-05の支出（月の合計）</narrative>')
    // Names are escaped, never markup; a memo never reaches the file.
    expect(activities).toContain('Haven Relief &amp; Rescue &lt;Tokyo&gt;')
    expect(activities).not.toContain('HYPERLINK')

    // Results: the shelters the report published (3, not the 4 open now), no people in words.
    const shelters = activities.slice(activities.indexOf('-shelters</iati-identifier>'))
    expect(activities).toContain('-shelters</iati-identifier>')
    expect(shelters).toContain('<actual value="3"/>')
    expect(activities).not.toContain('<actual value="4"/>')
    expect(activities).toContain('運営したシェルター数')
    const published = await app.database.db
      .selectFrom('report_publications')
      .select('figures_json')
      .executeTakeFirstOrThrow()
    const perDay = (
      JSON.parse(published.figures_json) as { key: string; cells: { shown?: number | null }[] }[]
    ).find((f) => f.key === 'supplies.food.people-per-day.average')
    expect(perDay?.cells.every((c) => c.shown === null || c.shown === undefined)).toBe(true)
    expect(activities).not.toContain('People fed per day')

    const organisation = await ok(
      await request('GET', '/exchange/iati/organisation.xml?fiscalYear=2029', finance),
    )
    expect(schemaErrors(organisation, 'iati-organisations-schema.xsd')).toBe('')
    const orgCodes = codelistCheck(organisation, 'iati-organisation')
    expect(orgCodes.wrong).toEqual([])
    expect(orgCodes.checked).toEqual(
      expect.arrayContaining([
        '//iati-organisation/reporting-org/@type=22',
        '//iati-organisation/total-budget/value/@currency=JPY',
        '//iati-organisation/document-link/category/@code=B01',
      ]),
    )
    expect(organisation).toContain(
      '<organisation-identifier>JP-CN-1234567890123</organisation-identifier>',
    )
    expect(organisation).toContain('<value currency="JPY" value-date="2030-03-31">51800</value>')
    expect(organisation).toContain('/en/reports/activity-report-fy2029')

    // The same published figures as HXL-tagged CSV: headings in the language, tags on row 2.
    const hxl = await request(
      'GET',
      '/exchange/hxl/report-figures.csv?fiscalYear=2029&lang=ja',
      editors[0] ?? {},
    )
    expect(hxl.headers.get('content-disposition')).toContain('haven-figures-fy2029-ja-hxl.csv')
    const lines = (await ok(hxl))
      .replace(/^\ufeff/, '')
      .trim()
      .split('\n')
    expect(lines[0]).toBe('年度,開始日,終了日,数値コード,数値,区分,値,公表した表記,単位')
    expect(lines[1]).toBe(
      '#date+fiscal_year,#date+start,#date+end,#indicator+code,#indicator+name,#indicator+category,#indicator+num,#indicator+text,#meta+unit',
    )
    const row = (key: string) => lines.find((l) => l.includes(`,${key},`))?.split(',')
    expect(row('shelters.operating')).toEqual([
      '2029–2030',
      '2029-04-01',
      '2030-03-31',
      'shelters.operating',
      '運営したシェルター数',
      '',
      '3',
      '3',
      'か所',
    ])
    // Hidden as words: the words, and no number behind them.
    const perDayRow = row('supplies.food.people-per-day.average')
    expect(perDayRow?.[6]).toBe('')
    expect(perDayRow?.[7]).toBe('数名')
    const en = await ok(
      await request('GET', '/exchange/hxl/report-figures.csv?fiscalYear=2029', finance),
    )
    expect(en).toContain('Fiscal year,From,To,Figure code')
    expect(en).toContain('a few')
    // Nothing published for a year: 404; coordinators get none.
    expect(
      (await request('GET', '/exchange/hxl/report-figures.csv?fiscalYear=2030', finance)).status,
    ).toBe(404)
    expect(
      (await request('GET', '/exchange/hxl/report-figures.csv?fiscalYear=2029', coordinator))
        .status,
    ).toBe(403)

    // Each download is audited with the file and year.
    const log = await app.database.db
      .selectFrom('audit_log')
      .select(['details'])
      .where('action', '=', 'export.iati')
      .execute()
    expect(log.map((l) => JSON.parse(l.details))).toEqual(
      expect.arrayContaining([
        { file: 'activities', fiscalYear: 2029 },
        { file: 'organisation', fiscalYear: 2029 },
      ]),
    )
  })

  it('publishes a year’s files at stable public addresses listed in the sitemap, and takes them off again', async () => {
    await records()
    await ok(await request('PUT', '/exchange/iati/settings', finance, SETTINGS))
    await publishReport(2029)
    const site = testApps(app).site
    const sitemap = async () => (await site.request('/sitemap.xml')).text()
    const ACTIVITIES = 'http://localhost:3000/open-data/iati/fy2029/activities.xml'
    const ORGANISATION = 'http://localhost:3000/open-data/iati/fy2029/organisation.xml'

    // Not enabled: no address in the sitemap, nothing at it.
    expect(await sitemap()).not.toContain('/open-data/')
    expect((await site.request('/open-data/iati/fy2029/activities.xml')).status).toBe(404)
    expect(JSON.parse(await ok(await request('GET', '/exchange/iati/public', finance)))).toEqual({
      items: [],
    })
    // Only finance publishes; a year with nothing to say is refused and publishes nothing.
    expect((await request('PUT', '/exchange/iati/public/2029', editors[0] ?? {})).status).toBe(403)
    const empty = await request('PUT', '/exchange/iati/public/2040', finance)
    expect(empty.status).toBe(409)
    expect(await sitemap()).not.toContain('/open-data/')

    const published = JSON.parse(
      await ok(await request('PUT', '/exchange/iati/public/2029', finance)),
    )
    expect(published.items).toEqual([
      {
        fiscalYear: 2029,
        paths: ['/open-data/iati/fy2029/activities.xml', '/open-data/iati/fy2029/organisation.xml'],
        urls: [ACTIVITIES, ORGANISATION],
        updatedAt: '2031-01-01T10:00:00.000Z',
      },
    ])
    const listed = await sitemap()
    expect(listed).toContain(`<loc>${ACTIVITIES}</loc>`)
    expect(listed).toContain(`<loc>${ORGANISATION}</loc>`)
    // The sitemap stays well-formed XML.
    const file = join(mkdtempSync(join(tmpdir(), 'haven-sitemap-')), 'sitemap.xml')
    writeFileSync(file, listed)
    const lint = spawnSync('xmllint', ['--nonet', '--noout', file], { encoding: 'utf8' })
    expect(lint.status, lint.stderr).toBe(0)

    // Anyone may fetch them, signed in or not; they are the files finance downloads, and valid.
    const publicFile = await site.request('/open-data/iati/fy2029/activities.xml')
    expect(publicFile.status).toBe(200)
    expect(publicFile.headers.get('content-type')).toContain('application/xml')
    const activities = await publicFile.text()
    expect(schemaErrors(activities, 'iati-activities-schema.xsd')).toBe('')
    expect(activities).toContain('<iati-identifier>JP-CN-1234567890123-food</iati-identifier>')
    const organisation = await (
      await site.request('/open-data/iati/fy2029/organisation.xml')
    ).text()
    expect(schemaErrors(organisation, 'iati-organisations-schema.xsd')).toBe('')

    // Withdrawn: off the sitemap and gone from its address. Both steps are audited.
    await ok(await request('DELETE', '/exchange/iati/public/2029', finance))
    expect(await sitemap()).not.toContain('/open-data/')
    expect((await site.request('/open-data/iati/fy2029/activities.xml')).status).toBe(404)
    const log = await app.database.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('action', 'in', ['exchange.iati_published', 'exchange.iati_withdrawn'])
      .orderBy('seq')
      .execute()
    expect(log.map((l) => [l.action, JSON.parse(l.details)])).toEqual([
      ['exchange.iati_published', { fiscalYear: 2029 }],
      ['exchange.iati_withdrawn', { fiscalYear: 2029 }],
    ])
  })
})
