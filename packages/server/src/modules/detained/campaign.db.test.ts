import { beforeEach, expect, it } from 'vitest'
import { describeEachDialect } from '../../../test/support/dialects.js'
import { buildUser, signIn } from '../../../test/support/factories.js'
import { testAppContext, testApps } from '../../../test/support/test-app.js'
import type { AppContext } from '../../app-context.js'
import { ensureDetainedCompartment } from './detained-compartment.js'

describeEachDialect('a detained aid worker’s public campaign page', (ctx) => {
  let app: AppContext
  let compartmentId: string
  let coordinator: Record<string, string>
  let caseworker: Record<string, string>
  let orgCoordinator: Record<string, string>
  let administrator: Record<string, string>

  beforeEach(async () => {
    await ctx.reset()
    app = testAppContext(ctx.database(), { now: () => new Date('2006-07-01T12:00:00Z') })
    compartmentId = await ensureDetainedCompartment(app)
    const user = async (
      role: 'coordinator' | 'caseworker' | 'administrator',
      where: string | null,
    ) =>
      (await signIn(app, await buildUser(app, { grants: [{ role, compartmentId: where }] })))
        .headers
    coordinator = await user('coordinator', compartmentId)
    caseworker = await user('caseworker', compartmentId)
    orgCoordinator = await user('coordinator', null)
    administrator = await user('administrator', compartmentId)
  })

  const request = (as: Record<string, string>, method: string, path: string, body?: unknown) =>
    testApps(app).staff.request(`/api/v1${path}`, {
      method,
      headers: { ...as, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
  const site = async (path: string) => {
    const res = await testApps(app).site.request(path)
    return { status: res.status, html: await res.text() }
  }
  async function ok(res: Response, status = 200) {
    const body = await res.json()
    expect(res.status, JSON.stringify(body)).toBe(status)
    return body
  }
  /** Arrested in January 2003, sentenced to five years: more than two-thirds served on 2006-07-01. */
  async function sentenced(code: string, name: string, publicFigure: boolean) {
    const worker = await ok(
      await request(coordinator, 'POST', '/detained', {
        compartmentId,
        code,
        name,
        nationality: 'KR',
        arrestedOn: '2003-01',
        arrestPlace: 'Yantai',
        charge: 'Helping refugees cross a border',
        publicFigure,
      }),
      201,
    )
    return ok(
      await request(coordinator, 'POST', `/detained/${worker.id}/status`, {
        status: 'sentenced',
        on: '2003-09-01',
        termMonths: 60,
      }),
      201,
    )
  }
  const campaign = (fields: Record<string, boolean>, slug = 'free-dw-01') => ({
    slug,
    fields: { publicName: false, arrest: true, sentence: true, status: true, ...fields },
    textEn: 'Write to the embassy.\n\nAsk for a humanitarian release.',
    textJa: '大使館に手紙を書いてください。',
  })

  it('is on the site only once approved, with exactly the chosen fields, until withdrawn', async () => {
    const worker = await sentenced('DW-01', 'Synthetic Hidden Worker', false)
    const path = `/detained/${worker.id}/campaign`
    // Never approved: nothing on the site, not even in the list or the sitemap.
    expect((await site('/en/campaigns/free-dw-01')).status).toBe(404)
    const empty = await site('/en/campaigns/')
    expect(empty.status).toBe(200)
    expect(empty.html).toContain('There is no campaign at present.')
    expect(worker.campaign).toBe(null)
    expect(worker.publicFigure).toBe(false)

    // The name of someone who is not a public figure can never go public; refused, nothing written.
    const named = await ok(
      await request(coordinator, 'PUT', path, campaign({ publicName: true })),
      422,
    )
    expect(named.error.fields['fields.publicName']).toMatch(/not marked as a public figure/)
    const noArrest = await ok(
      await request(coordinator, 'PUT', path, campaign({ arrest: false })),
      422,
    )
    expect(Object.keys(noArrest.error.fields)).toEqual(['fields.sentence'])
    expect((await request(caseworker, 'PUT', path, campaign({}))).status).toBe(403)
    // An organisation-wide coordinator is not told the record exists.
    expect((await request(orgCoordinator, 'PUT', path, campaign({}))).status).toBe(404)
    const db = app.database.db
    expect(await db.selectFrom('site_campaigns').selectAll().execute()).toEqual([])
    expect((await site('/en/campaigns/free-dw-01')).status).toBe(404)

    const approved = await ok(await request(coordinator, 'PUT', path, campaign({ status: false })))
    expect(approved.campaign).toMatchObject({
      slug: 'free-dw-01',
      fields: { publicName: false, arrest: true, sentence: true, status: false },
      textJa: '大使館に手紙を書いてください。',
    })
    const en = await site('/en/campaigns/free-dw-01')
    expect(en.status).toBe(200)
    expect(en.html).toContain('An aid worker detained for helping refugees')
    expect(en.html).toContain('more than two-thirds of a five-year term')
    expect(en.html).toContain('January 2003, Yantai')
    expect(en.html).toContain('<p>Ask for a humanitarian release.</p>')
    expect(en.html).not.toContain('Synthetic')
    expect(en.html).not.toContain('Helping refugees cross a border')
    expect(en.html).not.toContain('Sentenced')
    // No script but the JSON-LD every page carries.
    expect(en.html).not.toMatch(/<script(?! type="application\/ld\+json")/)
    const ja = await site('/ja/campaigns/free-dw-01')
    expect(ja.html).toContain('刑期5年の3分の2を超える期間')
    expect(ja.html).toContain('大使館に手紙を書いてください。')
    expect((await site('/en/campaigns/')).html).toContain('href="/en/campaigns/free-dw-01"')
    const sitemap = (await site('/sitemap.xml')).html
    expect(sitemap).toContain('/en/campaigns/free-dw-01</loc>')
    expect(sitemap).toContain('/ja/campaigns/free-dw-01</loc>')
    expect(sitemap).toContain('/en/campaigns/</loc>')
    // What went public is the chosen fields, nothing more, even in the table the site reads.
    const stored = await db.selectFrom('site_campaigns').selectAll().executeTakeFirstOrThrow()
    expect(stored).toMatchObject({ public_name: null, status: null, term_months: 60 })
    const audits = await db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('action', 'like', 'detained.campaign%')
      .execute()
    expect(audits.map((a) => a.action)).toEqual(['detained.campaign_approved'])
    expect(JSON.parse(String(audits[0]?.details))).toMatchObject({
      slug: 'free-dw-01',
      fields: ['arrest', 'sentence'],
    })

    // Released: the page says so at once (status now chosen) and stops counting at release.
    await ok(await request(coordinator, 'PUT', path, campaign({})))
    await ok(
      await request(coordinator, 'POST', `/detained/${worker.id}/status`, {
        status: 'released',
        on: '2006-06-20',
      }),
      201,
    )
    const released = (await site('/en/campaigns/free-dw-01')).html
    expect(released).toContain('<dd>Released</dd>')
    expect(released).toContain('more than two-thirds of a five-year term')

    // An administrator granted the compartment withdraws it: gone from the site (410), the list,
    // the sitemap; the texts are erased on both sides.
    const withdrawn = await ok(await request(administrator, 'DELETE', path))
    expect(withdrawn.campaign).toBe(null)
    const gone = await site('/en/campaigns/free-dw-01')
    expect(gone.status).toBe(410)
    expect(gone.html).not.toContain('Write to the embassy')
    expect((await site('/en/campaigns/')).html).not.toContain('free-dw-01')
    expect((await site('/sitemap.xml')).html).not.toContain('free-dw-01')
    expect(await db.selectFrom('site_campaigns').select('text_en').execute()).toEqual([
      { text_en: null },
    ])
    expect((await request(coordinator, 'DELETE', path)).status).toBe(404)
  })

  it('names a public figure only, and keeps an address to one record', async () => {
    const figure = await sentenced('DW-02', 'Synthetic Public Figure', true)
    const other = await sentenced('DW-03', 'Synthetic Private Worker', false)
    await ok(
      await request(
        coordinator,
        'PUT',
        `/detained/${figure.id}/campaign`,
        campaign({ publicName: true }),
      ),
    )
    const page = await site('/en/campaigns/free-dw-01')
    expect(page.html).toContain('<h1>Synthetic Public Figure</h1>')
    const taken = await ok(
      await request(coordinator, 'PUT', `/detained/${other.id}/campaign`, campaign({})),
      422,
    )
    expect(taken.error.fields.slug).toMatch(/Another campaign/)
    expect((await site('/en/campaigns/')).html).not.toContain('Synthetic Private Worker')
  })

  it('marks a record a public figure after creation, and clearing the flag takes the name off a live page', async () => {
    const worker = await sentenced('DW-07', 'Synthetic Named Worker', false)
    const path = `/detained/${worker.id}/public-figure`
    // Only a coordinator granted the compartment decides whether the worker may be named.
    expect(
      (await request(caseworker, 'PUT', path, { publicFigure: true, version: worker.version }))
        .status,
    ).toBe(403)
    expect(
      (await request(orgCoordinator, 'PUT', path, { publicFigure: true, version: worker.version }))
        .status,
    ).toBe(404)
    expect((await request(coordinator, 'PUT', path, { publicFigure: 'yes' })).status).toBe(422)
    // A stale version is a 409, and nothing changes.
    const stale = await request(coordinator, 'PUT', path, { publicFigure: true, version: 99 })
    expect(stale.status).toBe(409)
    expect(
      (await ok(await request(coordinator, 'GET', `/detained/${worker.id}`))).publicFigure,
    ).toBe(false)

    const marked = await ok(
      await request(coordinator, 'PUT', path, { publicFigure: true, version: worker.version }),
    )
    expect(marked.publicFigure).toBe(true)
    await ok(
      await request(
        coordinator,
        'PUT',
        `/detained/${worker.id}/campaign`,
        campaign({ publicName: true }, 'free-dw-07'),
      ),
    )
    expect((await site('/en/campaigns/free-dw-07')).html).toContain('Synthetic Named Worker')

    // Naming may now endanger the family: the flag goes, and the name leaves the page at once.
    const current = await ok(await request(coordinator, 'GET', `/detained/${worker.id}`))
    const cleared = await ok(
      await request(coordinator, 'PUT', path, { publicFigure: false, version: current.version }),
    )
    expect(cleared.publicFigure).toBe(false)
    expect(cleared.campaign.fields.publicName).toBe(false)
    for (const lang of ['en', 'ja']) {
      const page = await site(`/${lang}/campaigns/free-dw-07`)
      expect(page.status).toBe(200)
      expect(page.html).not.toContain('Synthetic')
    }
    const db = app.database.db
    const stored = await db.selectFrom('site_campaigns').selectAll().executeTakeFirstOrThrow()
    expect(stored).toMatchObject({ slug: 'free-dw-07', public_name: null, term_months: 60 })
    // It cannot come back by a new approval while the flag is off.
    expect(
      (
        await request(
          coordinator,
          'PUT',
          `/detained/${worker.id}/campaign`,
          campaign({ publicName: true }, 'free-dw-07'),
        )
      ).status,
    ).toBe(422)
    const audits = await db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('action', 'like', 'detained.public_figure%')
      .orderBy('seq')
      .execute()
    expect(audits.map((a) => a.action)).toEqual([
      'detained.public_figure_set',
      'detained.public_figure_cleared',
    ])
    expect(JSON.stringify(audits)).toContain('nameUnpublished')
    expect(JSON.stringify(audits)).not.toContain('Synthetic')
  })
})
