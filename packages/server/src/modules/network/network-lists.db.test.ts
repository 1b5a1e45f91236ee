import { beforeEach, expect, it } from 'vitest'
import { describeEachDialect } from '../../../test/support/dialects.js'
import { buildUser, signIn } from '../../../test/support/factories.js'
import { testAppContext, testApps } from '../../../test/support/test-app.js'
import type { AppContext } from '../../app-context.js'
import { createEvent, createOrganisation, createPublication } from './network-service.js'

const BY = { actorId: null, requestId: null }

describeEachDialect('the organiser picker’s search and the publications list', (ctx) => {
  let app: AppContext
  let finance: Record<string, string>

  beforeEach(async () => {
    await ctx.reset()
    app = testAppContext(ctx.database(), { now: () => new Date('2026-06-01T10:00:00Z') })
    const f = await buildUser(app, { grants: [{ role: 'finance', compartmentId: null }] })
    finance = (await signIn(app, f)).headers
  })
  const get = async (path: string) => {
    const res = await testApps(app).staff.request(`/api/v1${path}`, { headers: finance })
    expect(res.status).toBe(200)
    return (await res.json()) as { total: number; rows: { name?: string; title?: string }[] }
  }

  it('finds partners by a part of their name in any case (a wildcard is read as nothing)', async () => {
    for (const name of ['Seoul Refugee Forum', 'Tokyo Support Centre', 'Forum of Churches'])
      await createOrganisation(
        app,
        { name, type: 'ngo', country: 'KR', status: 'active', since: '2025-01-01' },
        BY,
      )
    const forums = await get('/network/organisations?q=FORUM')
    expect(forums.total).toBe(2)
    expect(forums.rows.map((r) => r.name)).toEqual(['Forum of Churches', 'Seoul Refugee Forum'])
    expect((await get('/network/organisations?q=%25')).total).toBe(3)
    expect((await get('/network/organisations?q=nobody')).total).toBe(0)
  })

  it('lists publications not linked to an event, and those that are, counted', async () => {
    const event = await createEvent(
      app,
      {
        kind: 'screening',
        title: 'Screening',
        role: 'host',
        startsOn: '2006-05-01',
        country: 'JP',
        organiserIds: [],
      },
      BY,
    )
    await createPublication(
      app,
      { kind: 'film', title: 'The film', language: 'ko', eventId: event.id },
      BY,
    )
    await createPublication(app, { kind: 'report', title: 'Annual report', language: 'ja' }, BY)
    await createPublication(app, { kind: 'book', title: 'Testimonies', language: 'eo' }, BY)
    expect((await get('/network/publications')).total).toBe(3)
    const alone = await get('/network/publications?event=without_event')
    expect(alone.rows.map((r) => r.title).sort()).toEqual(['Annual report', 'Testimonies'])
    const shown = await get('/network/publications?event=with_event')
    expect(shown.rows.map((r) => r.title)).toEqual(['The film'])
    expect((await get('/network/publications?event=without_event&kind=book')).total).toBe(1)
    const bad = await testApps(app).staff.request('/api/v1/network/publications?event=maybe', {
      headers: finance,
    })
    expect(bad.status).toBe(422)
  })
})
