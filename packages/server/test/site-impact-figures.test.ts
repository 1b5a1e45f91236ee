import { createDisclosureEngine, oneWayTable, parsePeriod } from '@haven/disclosure'
import { beforeEach, expect, it } from 'vitest'
import type { AppContext } from '../src/app-context.js'
import { readLedger, recordLedgerRelease } from '../src/disclosure/ledger-store.js'
import { describeEachDialect } from './support/dialects.js'
import { buildUser, signIn } from './support/factories.js'
import { jsonRequest, testAppContext, testApps } from './support/test-app.js'

const FIGURES = {
  fiscalYear: 2005,
  figures: [
    {
      key: 'shelters.people.protected',
      sensitivity: 'people-protected',
      value: 1234,
      label: { en: 'people sheltered', ja: '人を保護' },
    },
    {
      key: 'shelters.people.resettled',
      sensitivity: 'people-protected',
      value: 3,
      label: { en: 'people resettled', ja: '人が第三国へ' },
    },
    {
      key: 'supplies.rice.tonnes',
      sensitivity: 'quantity',
      value: 18,
      label: { en: 'tonnes of rice', ja: 'トンの米' },
    },
  ],
}

describeEachDialect('impact figures on the home page', (ctx) => {
  let app: AppContext
  beforeEach(async () => {
    await ctx.reset()
    // A new app each time: its page cache must not carry a home page over from another test.
    app = testAppContext(ctx.database())
  })
  const site = (path: string) => testApps(app).site.request(path)
  async function editorApi() {
    const editor = await buildUser(app, { grants: [{ role: 'editor', compartmentId: null }] })
    const { headers } = await signIn(app, editor)
    return (method: string, path: string, body?: unknown) =>
      testApps(app).staff.request(`/api/v1${path}`, jsonRequest(method, body, headers))
  }

  it('publishes what the disclosure engine lets through, with its year, and withholds a count under the threshold', async () => {
    const api = await editorApi()
    const res = await api('PUT', '/cms/impact-figures', FIGURES)
    expect(res.status).toBe(200)
    const view = (await res.json()) as { withheld: string[]; published: { key: string }[] }
    // Three people resettled is under the threshold for people protected (k = 10).
    expect(view.withheld).toEqual(['shelters.people.resettled'])
    expect(view.published.map((f) => f.key)).toEqual([
      'shelters.people.protected',
      'supplies.rice.tonnes',
    ])

    const en = await (await site('/en/')).text()
    expect(en).toContain('Our work in FY2005–2006')
    expect(en).toContain(
      '<span class="figure">1,234</span> <span class="figure-label">people sheltered</span>',
    )
    expect(en).toContain(
      '<span class="figure">18</span> <span class="figure-label">tonnes of rice</span>',
    )
    expect(en).not.toContain('people resettled')
    const ja = await (await site('/ja/')).text()
    expect(ja).toContain('2005–2006年度の活動')
    expect(ja).toContain('<span class="figure-label">人を保護</span>')
    // The editor's screen reads back what the public sees, never the count behind it.
    const current = await api('GET', '/cms/impact-figures')
    expect(await current.json()).toEqual({
      fiscalYear: 2005,
      published: [
        {
          key: 'shelters.people.protected',
          label: { en: 'people sheltered', ja: '人を保護' },
          shown: { kind: 'number', value: 1234 },
        },
        {
          key: 'supplies.rice.tonnes',
          label: { en: 'tonnes of rice', ja: 'トンの米' },
          shown: { kind: 'number', value: 18 },
        },
      ],
      withheld: [],
    })

    const audit = await app.database.db
      .selectFrom('audit_log')
      .select(['action'])
      .where('action', '=', 'cms.impact_figures_published')
      .execute()
    expect(audit.length).toBe(1)
  })

  it('replaces the set as a whole, and an empty set takes the figures off the home page', async () => {
    const api = await editorApi()
    await api('PUT', '/cms/impact-figures', FIGURES)
    expect(await (await site('/en/')).text()).toContain('people sheltered')
    const res = await api('PUT', '/cms/impact-figures', { fiscalYear: 2006, figures: [] })
    expect(res.status).toBe(200)
    const home = await (await site('/en/')).text()
    expect(home).not.toContain('people sheltered')
    expect(home).not.toContain('class="impact"')
  })

  it('refuses bad input with field errors and keeps what was published', async () => {
    const api = await editorApi()
    await api('PUT', '/cms/impact-figures', FIGURES)
    for (const bad of [
      { ...FIGURES, fiscalYear: 1200 },
      { ...FIGURES, figures: [{ ...FIGURES.figures[0], value: -1 }] },
      { ...FIGURES, figures: [{ ...FIGURES.figures[0], label: { en: 'x', ja: '' } }] },
      { ...FIGURES, figures: [FIGURES.figures[0], FIGURES.figures[0]] },
      { ...FIGURES, figures: [{ ...FIGURES.figures[0], sensitivity: 'secret' }] },
    ]) {
      const res = await api('PUT', '/cms/impact-figures', bad)
      expect(res.status, JSON.stringify(bad)).toBe(422)
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
        'validation_failed',
      )
    }
    expect(await (await site('/en/')).text()).toContain('people sheltered')
  })

  it('refuses figures that, with figures published before, would reveal a small count by difference, and changes nothing', async () => {
    const api = await editorApi()
    expect((await api('PUT', '/cms/impact-figures', FIGURES)).status).toBe(200)
    // 1,234 people protected in FY2005 was published; 1,237 now would tell a reader that three
    // more people were protected than said (a count under the threshold of 10).
    const changed = {
      ...FIGURES,
      figures: [{ ...FIGURES.figures[0], value: 1237 }, FIGURES.figures[2]],
    }
    const res = await api('PUT', '/cms/impact-figures', changed)
    expect(res.status).toBe(422)
    const body = (await res.json()) as { error: { code: string; message: string } }
    expect(body.error.code).toBe('impact_figures_refused')
    expect(body.error.message).toContain('shelters.people.protected')
    expect(await (await site('/en/')).text()).toContain('<span class="figure">1,234</span>')
    const ledger = await readLedger(app.database.db)
    expect(ledger.releases).toHaveLength(1)
    // The release recorded what the public saw, and that the three people resettled were hidden.
    const resettled = ledger.releases[0]?.figures.find((f) =>
      f.id.startsWith('shelters.people.resettled:'),
    )
    expect(resettled?.published.kind).toBe('hidden')

    // The same figures again reveal nothing new; another year's figure is another count.
    expect((await api('PUT', '/cms/impact-figures', FIGURES)).status).toBe(200)
    const nextYear = { ...changed, fiscalYear: 2006 }
    expect((await api('PUT', '/cms/impact-figures', nextYear)).status).toBe(200)
    expect(await (await site('/en/')).text()).toContain('<span class="figure">1,237</span>')
    expect((await readLedger(app.database.db)).releases).toHaveLength(3)
  })

  it('checks the figures against what an annual report published', async () => {
    // An annual report of FY2005 published people protected by shelter, and their total.
    const engine = await createDisclosureEngine()
    const report = engine.prepareRelease({
      id: 'annual-report-FY2005',
      title: 'Activity Report FY2005–2006',
      date: '2006-06-30',
      tables: [
        {
          table: oneWayTable({
            id: 'shelters.people.protected',
            measure: 'shelters.people.protected',
            integer: true,
            dimension: { name: 'shelter', labels: ['JRL-01', 'YAN-02'] },
            values: [1200, 34],
          }),
          context: { population: 'shelters.people.protected', period: parsePeriod('FY2005') },
          sensitivity: 'people-protected',
        },
      ],
    })
    expect(report.refused).toBe(false)
    await recordLedgerRelease(
      app.database.db,
      report.entry,
      'annual-report',
      '2006-06-30T00:00:00.000Z',
    )
    const api = await editorApi()
    const one = (value: number) => ({
      fiscalYear: 2005,
      figures: [{ ...FIGURES.figures[0], value }],
    })
    // The report said 1,234 in all; 1,230 on the home page gives away a difference of four.
    const refused = await api('PUT', '/cms/impact-figures', one(1230))
    expect(refused.status).toBe(422)
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe(
      'impact_figures_refused',
    )
    expect(await (await site('/en/')).text()).not.toContain('class="impact"')
    // The report's own total passes.
    expect((await api('PUT', '/cms/impact-figures', one(1234))).status).toBe(200)
    expect(await (await site('/en/')).text()).toContain('<span class="figure">1,234</span>')
  })

  it('is for editors only', async () => {
    const coordinator = await buildUser(app, {
      grants: [{ role: 'coordinator', compartmentId: null }],
    })
    const { headers } = await signIn(app, coordinator)
    const res = await testApps(app).staff.request(
      '/api/v1/cms/impact-figures',
      jsonRequest('PUT', FIGURES, headers),
    )
    expect(res.status).toBe(403)
    expect(await (await site('/en/')).text()).not.toContain('class="impact"')
  })
})
