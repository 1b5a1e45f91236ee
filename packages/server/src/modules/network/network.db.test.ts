import { fiscalYear } from '@haven/core/site/fiscal-year'
import { beforeEach, expect, it } from 'vitest'
import { describeEachDialect } from '../../../test/support/dialects.js'
import { buildCompartment, buildUser, signIn } from '../../../test/support/factories.js'
import { testAppContext, testApps } from '../../../test/support/test-app.js'
import type { AppContext } from '../../app-context.js'
import type { FigureValue } from '../../figures.js'
import { networkModule } from './index.js'

/** A one-dimensional figure table as `{ label: value }`. */
function byLabel(value: FigureValue | undefined): Record<string, number> {
  if (value === undefined || typeof value === 'number') throw new Error('not a table')
  const labels = value.dimensions[0]?.labels ?? []
  return Object.fromEntries(labels.map((l, i) => [l, value.values[i] ?? Number.NaN]))
}

describeEachDialect('partners, events and publications through the API', (ctx) => {
  let app: AppContext
  let editor: Record<string, string>
  let coordinator: Record<string, string>
  let restricted: string

  beforeEach(async () => {
    await ctx.reset()
    app = testAppContext(ctx.database(), { now: () => new Date('2026-06-01T10:00:00Z') })
    restricted = (await buildCompartment(app)).id
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
  async function ok(res: Response, status = 200) {
    const body = await res.json()
    expect(res.status, JSON.stringify(body)).toBe(status)
    return body
  }
  const partner = async (body: Record<string, unknown>) =>
    ok(await request(editor, 'POST', '/network/organisations', body), 201)

  it('keeps a partner’s relationship over time: the current status is the latest by day', async () => {
    const centre = await partner({
      name: 'Support Centre',
      type: 'ngo',
      country: 'kr',
      region: 'Seoul',
      website: 'https://centre.example.org',
      status: 'active',
      since: '2004-05-01',
    })
    expect(centre).toMatchObject({ country: 'KR', continent: 'asia', status: 'active' })
    const ended = await ok(
      await request(editor, 'POST', `/network/organisations/${centre.id}/status`, {
        status: 'ended',
        on: '2006-02-01',
        reason: 'Its leadership changed',
      }),
      201,
    )
    expect(ended).toMatchObject({ status: 'ended', statusSince: '2006-02-01' })
    // A back-dated pause is history; it does not overwrite the later end.
    const paused = await ok(
      await request(editor, 'POST', `/network/organisations/${centre.id}/status`, {
        status: 'paused',
        on: '2005-09-01',
      }),
      201,
    )
    expect(paused.status).toBe('ended')
    expect(paused.history.map((h: { status: string; on: string }) => [h.status, h.on])).toEqual([
      ['active', '2004-05-01'],
      ['paused', '2005-09-01'],
      ['ended', '2006-02-01'],
    ])
    const before = await request(editor, 'POST', `/network/organisations/${centre.id}/status`, {
      status: 'prospect',
      on: '2003-01-01',
    })
    expect(before.status).toBe(422)
    expect((await before.json()).error.fields.on).toMatch(/first entry \(2004-05-01\)/)
  })

  it('refuses a country that is not ISO 3166 and a link that is not http(s), writing nothing', async () => {
    const res = await request(editor, 'POST', '/network/organisations', {
      name: 'Nowhere',
      type: 'media',
      country: 'XX',
      website: 'javascript:alert(1)',
    })
    expect(res.status).toBe(422)
    const body = await res.json()
    expect(body.error.code).toBe('validation_failed')
    expect(Object.keys(body.error.fields).sort()).toEqual(['country', 'website'])
    const list = await ok(await request(editor, 'GET', '/network/organisations'))
    expect(list.total).toBe(0)
  })

  it('lists partners by continent with a count and pages', async () => {
    for (const [name, country] of [
      ['Tokyo Church', 'JP'],
      ['Seoul NGO', 'KR'],
      ['Toronto School', 'CA'],
      ['Sydney Media', 'AU'],
      ['Geneva Agency', 'CH'],
    ])
      await partner({ name, type: 'ngo', country, status: 'active', since: '2005-01-01' })
    const asia = await ok(await request(editor, 'GET', '/network/organisations?continent=asia'))
    expect(asia.total).toBe(2)
    expect(asia.rows.map((r: { name: string }) => r.name)).toEqual(['Seoul NGO', 'Tokyo Church'])
    const japan = await ok(await request(editor, 'GET', '/network/organisations?country=jp'))
    expect(japan.rows.map((r: { name: string }) => r.name)).toEqual(['Tokyo Church'])
    const wrong = await ok(
      await request(editor, 'GET', '/network/organisations?country=JP&continent=europe'),
    )
    expect(wrong.total).toBe(0)
    const page2 = await ok(await request(editor, 'GET', '/network/organisations?page=2'))
    expect([page2.total, page2.rows.length]).toEqual([5, 0])
  })

  it('draws partners and events on the world map, by country and by continent', async () => {
    await partner({ name: 'Tokyo', type: 'church', country: 'JP', status: 'active' })
    await partner({ name: 'Osaka', type: 'school', country: 'JP', status: 'active' })
    await partner({ name: 'Ended', type: 'ngo', country: 'KR', status: 'ended' })
    await partner({ name: 'Canberra', type: 'media', country: 'AU', status: 'active' })
    await ok(
      await request(editor, 'POST', '/network/events', {
        kind: 'screening',
        title: 'A film',
        role: 'host',
        startsOn: '2006-01-20',
        country: 'DE',
      }),
      201,
    )
    const map = await ok(await request(editor, 'GET', '/network/map'))
    expect(map.countries.length).toBeGreaterThan(150)
    const japan = map.countries.find((c: { code: string }) => c.code === 'JP')
    expect(japan).toMatchObject({ partners: 2, events: 0 })
    expect(japan.d).toMatch(/^M[\d.]+,[\d.]+/)
    expect(map.countries.find((c: { code: string }) => c.code === 'KR')).toMatchObject({
      partners: 0,
    })
    expect(map.byCountry).toEqual([
      { code: 'AU', partners: 1, events: 0 },
      { code: 'DE', partners: 0, events: 1 },
      { code: 'JP', partners: 2, events: 0 },
    ])
    expect(map.byContinent).toEqual([
      { continent: 'asia', partners: 2, events: 0 },
      { continent: 'europe', partners: 0, events: 1 },
      { continent: 'oceania', partners: 1, events: 0 },
    ])
  })

  it('seals contacts: only those who may identify in their compartment see them, and each look is audited', async () => {
    const church = await partner({ name: 'A Church', type: 'church', country: 'CN' })
    const added = await ok(
      await request(coordinator, 'POST', `/network/organisations/${church.id}/contacts`, {
        compartmentId: restricted,
        name: 'Pastor Example',
        email: 'pastor@example.org',
      }),
      201,
    )
    // The editor may record partners but not people at them, nor learn the compartment exists.
    const byEditor = await request(editor, 'POST', `/network/organisations/${church.id}/contacts`, {
      compartmentId: restricted,
      name: 'Someone',
    })
    expect(byEditor.status).toBe(404)
    const seenByEditor = await ok(
      await request(editor, 'GET', `/network/organisations/${church.id}`),
    )
    expect(seenByEditor.contacts).toEqual([])
    const seen = await ok(await request(coordinator, 'GET', `/network/organisations/${church.id}`))
    expect(seen.contacts).toEqual([
      expect.objectContaining({
        id: added.id,
        name: { state: 'shown', value: 'Pastor Example' },
        email: { state: 'shown', value: 'pastor@example.org' },
        phone: { state: 'shown', value: '' },
      }),
    ])
    const db = app.database.db
    const stored = await db.selectFrom('network_contacts').selectAll().executeTakeFirstOrThrow()
    expect(stored.name).not.toContain('Pastor')
    expect(stored.email ?? '').not.toContain('example.org')
    const reads = await db
      .selectFrom('audit_log')
      .select(['compartment_id', 'details'])
      .where('action', '=', 'network.contacts_read')
      .execute()
    expect(reads).toHaveLength(1)
    expect(reads[0]?.compartment_id).toBe(restricted)
    expect(reads[0]?.details).toContain(added.id)
    expect(reads[0]?.details).not.toContain('Pastor')
  })

  it('records a hearing where the organisation testified, with its organisers and a film shown there', async () => {
    const congress = await partner({ name: 'A Commission', type: 'government', country: 'US' })
    const event = await ok(
      await request(editor, 'POST', '/network/events', {
        kind: 'hearing',
        title: 'Hearing on refugees in China',
        role: 'testified',
        startsOn: '2006-04-27',
        city: 'Washington',
        country: 'US',
        audience: 120,
        organiserIds: [congress.id],
      }),
      201,
    )
    expect(event).toMatchObject({
      role: 'testified',
      continent: 'north_america',
      organisers: [{ id: congress.id, name: 'A Commission', country: 'US' }],
    })
    const film = await ok(
      await request(editor, 'POST', '/network/publications', {
        kind: 'film',
        title: 'A documentary',
        language: 'ko',
        eventId: event.id,
      }),
      201,
    )
    const read = await ok(await request(editor, 'GET', `/network/events/${event.id}`))
    expect(read.publications).toEqual([
      expect.objectContaining({ id: film.id, title: 'A documentary', kind: 'film', version: 1 }),
    ])
    const organised = await ok(
      await request(editor, 'GET', `/network/organisations/${congress.id}`),
    )
    expect(organised.events.map((e: { id: string }) => e.id)).toEqual([event.id])
    const testified = await ok(await request(editor, 'GET', '/network/events?role=testified'))
    expect(testified.total).toBe(1)
  })

  it('refuses an event naming an unknown organiser or ending before it starts, writing nothing', async () => {
    const base = { kind: 'conference', title: 'X', role: 'spoke', country: 'JP' }
    const unknown = await request(editor, 'POST', '/network/events', {
      ...base,
      startsOn: '2006-01-10',
      organiserIds: ['no-such-partner'],
    })
    expect(unknown.status).toBe(422)
    expect((await unknown.json()).error.fields['organiserIds.0']).toMatch(/No partner/)
    const reversed = await request(editor, 'POST', '/network/events', {
      ...base,
      startsOn: '2006-01-10',
      endsOn: '2006-01-09',
    })
    expect(reversed.status).toBe(422)
    expect((await ok(await request(editor, 'GET', '/network/events'))).total).toBe(0)
  })

  it('keeps ISBNs checked and normalised (the Esperanto edition of the testimonies)', async () => {
    const book = await ok(
      await request(editor, 'POST', '/network/publications', {
        kind: 'translation',
        title: 'Testimonies',
        language: 'eo',
        translatedFrom: 'ja',
        isbn: '978-0-306-40615-7',
        publishedOn: '2006-03-01',
      }),
      201,
    )
    expect(book).toMatchObject({ isbn: '9780306406157', language: 'eo', translatedFrom: 'ja' })
    const bad = await request(editor, 'POST', '/network/publications', {
      kind: 'book',
      title: 'Y',
      language: 'en',
      isbn: '978-0-306-40615-8',
    })
    expect(bad.status).toBe(422)
    expect((await bad.json()).error.fields.isbn).toMatch(/not a valid ISBN/)
  })

  it('offers events by role and partners by continent for a fiscal year', async () => {
    const active = (name: string, country: string, since: string) =>
      partner({ name, type: 'ngo', country, status: 'active', since })
    await active('Asia Before', 'JP', '2004-01-01') // active when the year began
    const ended = await active('Europe Ended', 'DE', '2004-01-01')
    await ok(
      await request(editor, 'POST', `/network/organisations/${ended.id}/status`, {
        status: 'ended',
        on: '2005-03-31', // the day before FY2005 began
      }),
      201,
    )
    await active('Oceania Late', 'AU', '2006-03-31') // active on the year's last day
    await partner({ name: 'Prospect', type: 'ngo', country: 'KR', since: '2005-06-01' })
    await active('Next Year', 'US', '2006-04-01')
    for (const [role, startsOn] of [
      ['testified', '2005-04-01'],
      ['testified', '2006-03-31'],
      ['spoke', '2005-10-10'],
      ['spoke', '2006-04-01'], // next year
    ])
      await ok(
        await request(editor, 'POST', '/network/events', {
          kind: 'lecture',
          title: 'T',
          role,
          startsOn,
          country: 'JP',
        }),
        201,
      )
    const figure = (key: string) => networkModule.figures?.find((f) => f.key === key)
    const year = fiscalYear(2005)
    const byContinent = byLabel(
      await figure('network.partners.by-continent')?.compute(app.database.db, year),
    )
    expect(byContinent).toMatchObject({ asia: 1, europe: 0, oceania: 1, north_america: 0 })
    const roles = byLabel(await figure('network.events.by-role')?.compute(app.database.db, year))
    expect(roles).toMatchObject({ testified: 2, spoke: 1, panelist: 0 })
  })
})
