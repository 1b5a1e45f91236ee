import { beforeEach, expect, it } from 'vitest'
import { describeEachDialect } from '../../../test/support/dialects.js'
import { buildCompartment, buildUser, signIn } from '../../../test/support/factories.js'
import { testAppContext, testApps } from '../../../test/support/test-app.js'
import type { AppContext } from '../../app-context.js'

describeEachDialect('editing partners, contacts, events and publications at a version', (ctx) => {
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

  const request = async (
    as: Record<string, string>,
    method: string,
    path: string,
    body?: unknown,
  ) => {
    const res = await testApps(app).staff.request(`/api/v1${path}`, {
      method,
      headers: { ...as, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    return { status: res.status, body: await res.json() }
  }
  async function ok(
    res: Promise<{ status: number; body: Record<string, unknown> }>,
    status = 200,
  ): Promise<Record<string, unknown> & { id: string; version: number }> {
    const r = await res
    expect(r.status, JSON.stringify(r.body)).toBe(status)
    return r.body as Record<string, unknown> & { id: string; version: number }
  }
  const audits = (action: string) =>
    app.database.db
      .selectFrom('audit_log')
      .select(['entity_id', 'compartment_id', 'details'])
      .where('action', '=', action)
      .execute()

  it('edits a partner at the version read; a stale edit is refused and changes nothing', async () => {
    const centre = await ok(
      request(editor, 'POST', '/network/organisations', {
        name: 'Support Centre',
        type: 'ngo',
        country: 'KR',
        status: 'active',
        since: '2004-05-01',
      }),
      201,
    )
    expect(centre.version).toBe(1)
    const edit = { name: 'Support Centre Seoul', type: 'ngo', country: 'kr', region: 'Seoul' }
    const edited = await ok(
      request(editor, 'PATCH', `/network/organisations/${centre.id}`, { ...edit, version: 1 }),
    )
    expect(edited).toMatchObject({
      name: 'Support Centre Seoul',
      country: 'KR',
      region: 'Seoul',
      website: null,
      status: 'active',
      version: 2,
    })
    // A second editor who read version 1 is told, not allowed to overwrite.
    const stale = await request(editor, 'PATCH', `/network/organisations/${centre.id}`, {
      ...edit,
      name: 'Overwritten',
      version: 1,
    })
    expect([stale.status, stale.body.error.code]).toEqual([409, 'version_conflict'])
    const bad = await request(editor, 'PATCH', `/network/organisations/${centre.id}`, {
      ...edit,
      country: 'XX',
      version: 2,
    })
    expect([bad.status, bad.body.error.code]).toEqual([422, 'validation_failed'])
    const read = await ok(request(editor, 'GET', `/network/organisations/${centre.id}`))
    expect(read).toMatchObject({ name: 'Support Centre Seoul', country: 'KR', version: 2 })
    const logged = await audits('network.organisation_edited')
    expect(logged).toHaveLength(1)
    expect(JSON.parse(String(logged[0]?.details))).toEqual({
      fields: ['name', 'region'],
      version: 2,
    })
    const missing = await request(editor, 'PATCH', '/network/organisations/nope', {
      ...edit,
      version: 1,
    })
    expect(missing.status).toBe(404)
  })

  it('edits a contact sealed again in its compartment, only by those who may identify there', async () => {
    const church = await ok(
      request(editor, 'POST', '/network/organisations', {
        name: 'A Church',
        type: 'church',
        country: 'CN',
      }),
      201,
    )
    const added = await ok(
      request(coordinator, 'POST', `/network/organisations/${church.id}/contacts`, {
        compartmentId: restricted,
        name: 'Pastor Example',
        email: 'pastor@example.org',
      }),
      201,
    )
    const path = `/network/organisations/${church.id}/contacts/${added.id}`
    const edit = { name: 'Pastor Example-Li', phone: '+86 10 0000 0000', version: 1 }
    // The editor holds no grant there: answered as if the contact did not exist.
    expect((await request(editor, 'PATCH', path, edit)).status).toBe(404)
    expect(await ok(request(coordinator, 'PATCH', path, edit))).toEqual({
      id: added.id,
      compartmentId: restricted,
      version: 2,
    })
    const stale = await request(coordinator, 'PATCH', path, { ...edit, name: 'X' })
    expect([stale.status, stale.body.error.code]).toEqual([409, 'version_conflict'])
    // A contact id under another partner is not found there.
    const other = await ok(
      request(editor, 'POST', '/network/organisations', { name: 'B', type: 'ngo', country: 'JP' }),
      201,
    )
    expect(
      (
        await request(
          coordinator,
          'PATCH',
          `/network/organisations/${other.id}/contacts/${added.id}`,
          {
            ...edit,
            version: 2,
          },
        )
      ).status,
    ).toBe(404)
    const seen = await ok(request(coordinator, 'GET', `/network/organisations/${church.id}`))
    expect(seen.contacts).toEqual([
      expect.objectContaining({
        id: added.id,
        name: { state: 'shown', value: 'Pastor Example-Li' },
        // Left out of the edit: cleared.
        email: { state: 'shown', value: '' },
        phone: { state: 'shown', value: '+86 10 0000 0000' },
        version: 2,
        editable: true,
      }),
    ])
    const stored = await app.database.db
      .selectFrom('network_contacts')
      .selectAll()
      .executeTakeFirstOrThrow()
    expect(stored.name).not.toContain('Pastor')
    expect(stored.phone ?? '').not.toContain('0000')
    const logged = await audits('network.contact_edited')
    expect(logged).toHaveLength(1)
    expect(logged[0]?.compartment_id).toBe(restricted)
    expect(logged[0]?.details).not.toContain('Pastor')
    expect(JSON.parse(String(logged[0]?.details))).toMatchObject({ filled: ['name', 'phone'] })
  })

  it('edits an event with its organisers replaced; a stale or reversed edit writes nothing', async () => {
    const commission = await ok(
      request(editor, 'POST', '/network/organisations', {
        name: 'A Commission',
        type: 'government',
        country: 'US',
      }),
      201,
    )
    const forum = await ok(
      request(editor, 'POST', '/network/organisations', {
        name: 'A Forum',
        type: 'ngo',
        country: 'US',
      }),
      201,
    )
    const event = await ok(
      request(editor, 'POST', '/network/events', {
        kind: 'hearing',
        title: 'Hearing',
        role: 'participant',
        startsOn: '2006-04-27',
        country: 'US',
        organiserIds: [commission.id],
      }),
      201,
    )
    const edit = {
      kind: 'hearing',
      title: 'Hearing on refugees in China',
      role: 'testified',
      startsOn: '2006-04-27',
      city: 'Washington',
      country: 'US',
      audience: 120,
      organiserIds: [commission.id, forum.id],
    }
    const edited = await ok(
      request(editor, 'PATCH', `/network/events/${event.id}`, { ...edit, version: 1 }),
    )
    expect(edited).toMatchObject({ role: 'testified', city: 'Washington', version: 2 })
    expect((edited.organisers as { id: string }[]).map((o) => o.id).sort()).toEqual(
      [commission.id, forum.id].sort(),
    )
    const reversed = await request(editor, 'PATCH', `/network/events/${event.id}`, {
      ...edit,
      endsOn: '2006-04-01',
      version: 2,
    })
    expect(reversed.status).toBe(422)
    const unknown = await request(editor, 'PATCH', `/network/events/${event.id}`, {
      ...edit,
      organiserIds: ['no-such-partner'],
      version: 2,
    })
    expect(unknown.status).toBe(422)
    const stale = await request(editor, 'PATCH', `/network/events/${event.id}`, {
      ...edit,
      organiserIds: [],
      version: 1,
    })
    expect([stale.status, stale.body.error.code]).toEqual([409, 'version_conflict'])
    const read = await ok(request(editor, 'GET', `/network/events/${event.id}`))
    expect(read).toMatchObject({ title: 'Hearing on refugees in China', endsOn: null, version: 2 })
    expect(read.organisers).toHaveLength(2)
    const logged = await audits('network.event_edited')
    expect(logged).toHaveLength(1)
    expect(JSON.parse(String(logged[0]?.details)).fields).toEqual([
      'title',
      'role',
      'city',
      'audience',
      'organisers',
    ])
  })

  it('edits a publication at the version read, its ISBN checked again', async () => {
    const book = await ok(
      request(editor, 'POST', '/network/publications', {
        kind: 'book',
        title: 'Testimonies',
        language: 'ja',
      }),
      201,
    )
    const edit = {
      kind: 'translation',
      title: 'Testimonies (Esperanto)',
      language: 'eo',
      translatedFrom: 'ja',
      isbn: '978-4-00-000000-0',
      version: 1,
    }
    const badIsbn = await request(editor, 'PATCH', `/network/publications/${book.id}`, {
      ...edit,
      isbn: '978-4-00-000000-3',
    })
    expect(badIsbn.status).toBe(422)
    const edited = await ok(request(editor, 'PATCH', `/network/publications/${book.id}`, edit))
    expect(edited).toMatchObject({ language: 'eo', isbn: '9784000000000', version: 2 })
    const stale = await request(editor, 'PATCH', `/network/publications/${book.id}`, edit)
    expect([stale.status, stale.body.error.code]).toEqual([409, 'version_conflict'])
    // A caseworker reads partners but does not keep them.
    const caseworker = await buildUser(app, {
      grants: [{ role: 'caseworker', compartmentId: restricted }],
    })
    const denied = await request(
      (await signIn(app, caseworker)).headers,
      'PATCH',
      `/network/publications/${book.id}`,
      { ...edit, version: 2 },
    )
    expect(denied.status).toBe(403)
    expect(await audits('network.publication_edited')).toHaveLength(1)
  })
})
