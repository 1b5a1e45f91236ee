import { beforeEach, expect, it } from 'vitest'
import type { AppContext } from '../src/app-context.js'
import { describeEachDialect } from './support/dialects.js'
import { buildCompartment, buildUser, signIn } from './support/factories.js'
import { buildPerson } from './support/people-factories.js'
import { staffApi } from './support/staff-api.js'
import { testAppContext } from './support/test-app.js'

interface PeoplePage {
  people: { code: string; name: string | null }[]
  nextCursor: string | null
  total: number
  totalCapped: boolean
}

// Issue #15: the people list showed codes only, with no count; names belong to roles that may
// identify, and a look at a page of names is one audit entry, not one per row.
describeEachDialect('the people list: count, names for those who may identify', (ctx) => {
  let app: AppContext
  beforeEach(async () => {
    await ctx.reset()
    app = testAppContext(ctx.database(), { now: () => new Date('2026-06-01T10:00:00Z') })
  })
  const api = staffApi(() => app)

  it('counts every match, shows names on request to a caseworker, and audits the page once', async () => {
    const north = await buildCompartment(app, 'NOR-01')
    const south = await buildCompartment(app, 'SOU-01')
    for (let i = 0; i < 27; i++)
      await buildPerson(app, north.id, { names: [{ script: 'latin', value: `North ${i}` }] })
    await buildPerson(app, south.id)
    const worker = await buildUser(app, {
      grants: [{ role: 'caseworker', compartmentId: north.id }],
    })
    const { headers } = await signIn(app, worker)

    const first = (await (await api.get('/people?names=1', headers)).json()) as PeoplePage
    expect(first.total).toBe(27)
    expect(first.totalCapped).toBe(false)
    expect(first.people).toHaveLength(25)
    expect(first.people.every((p) => p.name?.startsWith('North '))).toBe(true)
    const second = (await (
      await api.get(`/people?names=1&cursor=${encodeURIComponent(first.nextCursor ?? '')}`, headers)
    ).json()) as PeoplePage
    expect(second.people).toHaveLength(2)
    expect(second.total).toBe(27)

    // Without asking (pickers, searches) no names are opened and nothing is audited.
    const plain = (await (await api.get('/people', headers)).json()) as PeoplePage
    expect(plain.people.every((p) => p.name === null)).toBe(true)

    const looks = await ctx
      .database()
      .db.selectFrom('audit_log')
      .select(['actor_id', 'compartment_id', 'details'])
      .where('action', '=', 'person.list_identity_read')
      .execute()
    expect(looks).toHaveLength(2)
    expect(looks.every((l) => l.compartment_id === north.id && l.actor_id === worker.id)).toBe(true)
    const details = JSON.parse(looks[0]?.details ?? '{}') as { codes: string[] }
    expect(details.codes).toEqual(first.people.map((p) => p.code))
    // The names themselves never reach the audit log.
    expect(looks.some((l) => l.details?.includes('North'))).toBe(false)
  })

  it('shows codes only to a role that may not identify, and counts what the filters match', async () => {
    const north = await buildCompartment(app, 'NOR-01')
    for (let i = 0; i < 3; i++) await buildPerson(app, north.id)
    const volunteer = await buildUser(app, {
      grants: [{ role: 'field_worker', compartmentId: north.id }],
    })
    const { headers } = await signIn(app, volunteer)
    const response = await api.get('/people?names=1', headers)
    expect(response.status).toBe(200)
    const page = (await response.json()) as PeoplePage
    expect(page.total).toBe(3)
    expect(page.people.map((p) => p.name)).toEqual([null, null, null])
    const none = (await (
      await api.get('/people?situation=in_hiding', headers)
    ).json()) as PeoplePage
    expect(none.total).toBe(0)
    const looks = await ctx
      .database()
      .db.selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'person.list_identity_read')
      .execute()
    expect(looks).toHaveLength(0)
  })
})
