import { beforeEach, expect, it } from 'vitest'
import type { AppContext } from '../src/app-context.js'
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
