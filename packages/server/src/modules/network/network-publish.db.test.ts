import { beforeEach, expect, it } from 'vitest'
import { describeEachDialect } from '../../../test/support/dialects.js'
import { buildCompartment, buildUser, signIn } from '../../../test/support/factories.js'
import { testAppContext, testApps } from '../../../test/support/test-app.js'
import type { AppContext } from '../../app-context.js'
import { defineModule } from '../../haven-module.js'
import type { MoneyEvent } from '../../money-events.js'

/** Every JSON-LD data block of a page, parsed (a block that is not valid JSON fails the test). */
function jsonLdOf(html: string): Record<string, unknown>[] {
  const blocks = [...html.matchAll(/<script type="application\/ld\+json">([^<]*)<\/script>/g)]
  return blocks.map((m) => JSON.parse(m[1] ?? '') as Record<string, unknown>)
}

describeEachDialect('publishing an event to the public website', (ctx) => {
  let app: AppContext
  let editor: Record<string, string>
  let coordinator: Record<string, string>

  beforeEach(async () => {
    await ctx.reset()
    app = testAppContext(ctx.database(), { now: () => new Date('2026-06-01T10:00:00Z') })
    const restricted = (await buildCompartment(app)).id
    const e = await buildUser(app, { grants: [{ role: 'editor', compartmentId: null }] })
    const c = await buildUser(app, { grants: [{ role: 'coordinator', compartmentId: restricted }] })
    editor = (await signIn(app, e)).headers
    coordinator = (await signIn(app, c)).headers
  })

  const request = (as: Record<string, string>, method: string, path: string, body?: unknown) =>
    testApps(app).staff.request(`/api/v1${path}`, {
      method,
      headers: { ...as, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
  const site = (path: string) => testApps(app).site.request(path)
  async function ok(res: Response, status = 200) {
    const body = await res.json()
    expect(res.status, JSON.stringify(body)).toBe(status)
    return body
  }
  const hearing = async () =>
    ok(
      await request(editor, 'POST', '/network/events', {
        kind: 'hearing',
        title: 'Hearing on refugees',
        role: 'testified',
        startsOn: '2006-04-27',
        endsOn: '2006-04-28',
        city: 'Washington',
        country: 'US',
      }),
      201,
    )
  const pages = [
    { locale: 'en', title: 'We testified at a hearing', summary: 'Our testimony on refugees.' },
    { locale: 'ja', title: '公聴会で証言しました', summary: '難民についての証言。' },
  ]

  it('puts a hearing on the site in English and Japanese with valid schema.org Event JSON-LD', async () => {
    const event = await hearing()
    const published = await ok(
      await request(editor, 'POST', `/network/events/${event.id}/publish`, {
        slug: 'hearing-2006',
        documents: pages,
      }),
      201,
    )
    expect(published.paths).toEqual(['/en/news/hearing-2006', '/ja/news/hearing-2006'])

    const expected = {
      en: { title: 'We testified at a hearing', place: 'Washington, United States' },
      ja: { title: '公聴会で証言しました', place: 'Washington、アメリカ合衆国' },
    } as const
    for (const locale of ['en', 'ja'] as const) {
      const res = await site(`/${locale}/news/hearing-2006`)
      expect(res.status).toBe(200)
      const html = await res.text()
      expect(html).toContain(`lang="${locale}"`)
      expect(html).toContain(expected[locale].title)
      const events = jsonLdOf(html).filter((d) => d['@type'] === 'Event')
      expect(events).toHaveLength(1)
      expect(events[0]).toMatchObject({
        '@context': 'https://schema.org',
        name: expected[locale].title,
        startDate: '2006-04-27',
        endDate: '2006-04-28',
        location: { '@type': 'Place', name: expected[locale].place },
      })
      expect(String(events[0]?.url)).toContain(`/${locale}/news/hearing-2006`)
    }
  })

  it('republishes the site pages when the published event is edited, in the same request', async () => {
    const event = await hearing()
    await ok(
      await request(editor, 'POST', `/network/events/${event.id}/publish`, {
        slug: 'hearing-moved',
        documents: pages,
      }),
      201,
    )
    await ok(
      await request(editor, 'PATCH', `/network/events/${event.id}`, {
        kind: 'hearing',
        title: 'Hearing on refugees',
        role: 'testified',
        startsOn: '2006-05-04',
        endsOn: '2006-05-05',
        city: 'Geneva',
        country: 'CH',
        organiserIds: [],
        version: 1,
      }),
    )
    const expected = {
      en: { title: 'We testified at a hearing', place: 'Geneva, Switzerland' },
      ja: { title: '公聴会で証言しました', place: 'Geneva、スイス' },
    } as const
    for (const locale of ['en', 'ja'] as const) {
      const html = await (await site(`/${locale}/news/hearing-moved`)).text()
      // The editor's headline stays; the dates and place are the record's new ones.
      expect(html).toContain(expected[locale].title)
      expect(html).not.toContain('Washington')
      const events = jsonLdOf(html).filter((d) => d['@type'] === 'Event')
      expect(events[0]).toMatchObject({
        startDate: '2006-05-04',
        endDate: '2006-05-05',
        location: { '@type': 'Place', name: expected[locale].place },
      })
    }
    const logged = await app.database.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'network.event_edited')
      .execute()
    expect(JSON.parse(String(logged[0]?.details)).republished).toEqual(['en', 'ja'])
  })

  it('refuses a non-editor, an unknown event, a repeated language and a slug already used', async () => {
    const event = await hearing()
    const path = `/network/events/${event.id}/publish`
    const refused = await request(coordinator, 'POST', path, { slug: 'x', documents: pages })
    expect(refused.status).toBe(403)
    const unknown = await request(
      editor,
      'POST',
      '/network/events/00000000000000000000000000/publish',
      {
        slug: 'x',
        documents: pages,
      },
    )
    expect(unknown.status).toBe(404)
    const twice = await ok(
      await request(editor, 'POST', path, { slug: 'x', documents: [pages[0], pages[0]] }),
      422,
    )
    expect(twice.error.fields).toEqual({
      documents: 'Each language may be given once. Remove the repeated one.',
    })
    await ok(await request(editor, 'POST', path, { slug: 'taken', documents: pages }), 201)
    const shown = await ok(await request(editor, 'GET', `/network/events/${event.id}`))
    expect(shown.site).toEqual({
      slug: 'taken',
      paths: ['/en/news/taken', '/ja/news/taken'],
    })
    // The same event twice would be two pages about one hearing.
    const again = await ok(
      await request(editor, 'POST', path, { slug: 'taken-2', documents: pages }),
      409,
    )
    expect(again.error.code).toBe('event_published')
    expect((await site('/en/news/taken-2')).status).toBe(404)
    // Another event under an address already used: refused, and it stays unpublished.
    const other = await hearing()
    const taken = await ok(
      await request(editor, 'POST', `/network/events/${other.id}/publish`, {
        slug: 'taken',
        documents: pages,
      }),
      409,
    )
    expect(taken.error.code).toBe('slug_taken')
    expect((await ok(await request(editor, 'GET', `/network/events/${other.id}`))).site).toBe(null)
    // Nothing of the refused attempts reached the site.
    expect((await site('/en/news/x')).status).toBe(404)
  })

  it('tells the books what an event cost, in one transaction with the record', async () => {
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
    const event = await hearing()
    const path = `/network/events/${event.id}/costs`
    const cost = { paidOn: '2006-04-27', amount: '180000', currency: 'JPY', what: 'Air fares' }
    // Costs are posted to the books: the site's editor may not record one, a coordinator may.
    expect((await request(editor, 'POST', path, cost)).status).toBe(403)
    expect(heard).toEqual([])
    const shown = await ok(await request(coordinator, 'POST', path, cost), 201)
    expect(shown.costs).toEqual([
      {
        id: expect.any(String),
        paidOn: '2006-04-27',
        amountMinor: 180000,
        currency: 'JPY',
        what: 'Air fares',
      },
    ])
    expect(heard).toEqual([
      expect.objectContaining({
        source: { module: 'network', kind: 'event_cost', id: shown.costs[0].id },
        on: '2006-04-27',
        direction: 'out',
        amount: { currency: 'JPY', minor: 180000 },
        programme: 'advocacy',
        category: 'event_cost',
      }),
    ])
    const bad = await ok(await request(coordinator, 'POST', path, { ...cost, amount: '0' }), 422)
    expect(Object.keys(bad.error.fields)).toEqual(['amount'])
    refuse = true
    expect((await request(coordinator, 'POST', path, cost)).status).toBe(500)
    // The refused posting left no cost behind.
    expect(
      (await ok(await request(editor, 'GET', `/network/events/${event.id}`))).costs,
    ).toHaveLength(1)
  })
})
