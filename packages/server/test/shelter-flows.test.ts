import { beforeEach, expect, it } from 'vitest'
import type { AppContext } from '../src/app-context.js'
import { findCompartment } from '../src/compartments/compartment-store.js'
import { runRotation, startRotation } from '../src/crypto/key-rotation.js'
import { shredCompartment } from '../src/crypto/shred.js'
import { MODULES } from '../src/modules/index.js'
import { addResident } from '../src/modules/shelters/shelter-service.js'
import { describeEachDialect } from './support/dialects.js'
import { buildCompartment, buildUser, signIn, type TestUser } from './support/factories.js'
import { buildCase, buildPerson } from './support/people-factories.js'
import { buildShelter } from './support/shelter-factories.js'
import { testAppContext, testApps } from './support/test-app.js'

const BY = { actorId: null, requestId: null }

describeEachDialect('shelters through the API', (ctx) => {
  let app: AppContext
  let coordinator: TestUser
  let headers: Record<string, string>

  beforeEach(async () => {
    await ctx.reset()
    app = testAppContext(ctx.database(), { now: () => new Date('2026-06-01T10:00:00Z') })
    coordinator = await buildUser(app, { grants: [{ role: 'coordinator', compartmentId: null }] })
    headers = (await signIn(app, coordinator)).headers
  })

  const request = (method: string, path: string, body?: unknown, as = headers) =>
    testApps(app).staff.request(`/api/v1${path}`, {
      method,
      headers: { ...as, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
  const json = async (res: Response) => res.json()
  const created = {
    code: 'yan-02',
    region: 'Yanbian',
    capacity: 2,
    fundingStatus: 'funded',
    openedOn: '2026-01-10',
  }

  async function open(body: Record<string, unknown> = created) {
    const res = await request('POST', '/shelters', body)
    expect(res.status, JSON.stringify(await res.clone().json())).toBe(201)
    return json(res)
  }

  it('opens a shelter with its compartment and keys, and lists it with its occupancy', async () => {
    const shelter = await open()
    expect(shelter).toMatchObject({ code: 'YAN-02', capacity: 2, occupancy: 0, status: 'active' })
    const compartment = await findCompartment(app.database.db, shelter.id)
    expect(compartment).toMatchObject({ code: 'YAN-02', kind: 'shelter', status: 'active' })
    // The compartment's keys exist: a sealed note can be written and read back.
    const logged = await json(
      await request('POST', `/shelters/${shelter.id}/log`, {
        kind: 'oversight_visit',
        occurredOn: '2026-05-01',
        note: 'caretaker kept the books well',
      }),
    )
    expect(logged.log[0].note).toEqual({ state: 'shown', value: 'caretaker kept the books well' })
    const list = await json(await request('GET', '/shelters'))
    expect(list.map((s: { code: string }) => s.code)).toEqual(['YAN-02'])
  })

  it('refuses bad input with field messages and writes nothing', async () => {
    for (const [body, path] of [
      [{ ...created, code: 'Main Street 5' }, 'code'],
      [{ ...created, region: '12 Yanji Road' }, 'region'],
      [{ ...created, capacity: 0 }, 'capacity'],
      [{ ...created, openedOn: '2026-13-01' }, 'openedOn'],
      [{ ...created, openedOn: '2027-01-01' }, 'openedOn'],
    ] as const) {
      const res = await request('POST', '/shelters', body)
      expect(res.status).toBe(422)
      expect(Object.keys((await json(res)).error.fields)).toContain(path)
    }
    expect(await app.database.db.selectFrom('shelters').selectAll().execute()).toHaveLength(0)
    expect(await app.database.db.selectFrom('compartments').selectAll().execute()).toHaveLength(0)
    await open()
    const again = await request('POST', '/shelters', created)
    expect(again.status).toBe(409)
    expect((await json(again)).error.code).toBe('compartment_code_taken')
  })

  it('saves versioned edits and answers 409 to a stale version', async () => {
    const shelter = await open()
    const first = await request('PATCH', `/shelters/${shelter.id}`, {
      version: 1,
      fundingStatus: 'under_review',
      capacity: 8,
    })
    expect(first.status).toBe(200)
    expect(await json(first)).toMatchObject({
      version: 2,
      fundingStatus: 'under_review',
      capacity: 8,
    })
    const stale = await request('PATCH', `/shelters/${shelter.id}`, { version: 1, capacity: 3 })
    expect(stale.status).toBe(409)
    expect((await json(stale)).error.code).toBe('version_conflict')
    const closing = await request('PATCH', `/shelters/${shelter.id}`, {
      version: 2,
      status: 'closed',
    })
    expect(closing.status).toBe(422)
    expect((await json(closing)).error.fields).toHaveProperty('closedOn')
    const closed = await request('PATCH', `/shelters/${shelter.id}`, {
      version: 2,
      status: 'closed',
      closedOn: '2026-05-31',
    })
    expect(await json(closed)).toMatchObject({ status: 'closed', closedOn: '2026-05-31' })
  })

  it('keeps residents over time, in step with the people module, within capacity', async () => {
    const shelter = await open()
    const [a, b, c] = [
      await buildPerson(app, shelter.id),
      await buildPerson(app, shelter.id),
      await buildPerson(app, shelter.id),
    ]
    const add = (personId: string) =>
      request('POST', `/shelters/${shelter.id}/residents`, { personId, fromDate: '2026-03-01' })
    expect((await add(a.id)).status).toBe(201)
    expect((await json(await add(a.id))).error.code).toBe('already_resident')
    await add(b.id)
    const full = await add(c.id)
    expect(full.status).toBe(409)
    expect((await json(full)).error.code).toBe('shelter_full')
    const elsewhere = await buildCompartment(app)
    const stranger = await buildPerson(app, elsewhere.id)
    expect((await json(await add(stranger.id))).error.code).toBe('compartment_mismatch')

    const detail = await json(await request('GET', `/shelters/${shelter.id}`))
    expect(detail.occupancy).toBe(2)
    const residence = detail.residents.find((r: { personId: string }) => r.personId === a.id)
    const early = await request('POST', `/shelters/${shelter.id}/residents/${residence.id}/end`, {
      toDate: '2026-02-01',
      reason: 'detained',
    })
    expect((await json(early)).error.fields).toHaveProperty('toDate')
    const left = await json(
      await request('POST', `/shelters/${shelter.id}/residents/${residence.id}/end`, {
        toDate: '2026-05-20',
        reason: 'detained',
      }),
    )
    expect(left.occupancy).toBe(1)
    expect(left.residents.find((r: { id: string }) => r.id === residence.id)).toMatchObject({
      toDate: '2026-05-20',
      reason: 'detained',
    })
    const person = await json(await request('GET', `/people/${a.id}`))
    expect(person.situation).toBe('detained')
    expect(person.version).toBe(2)
    // Their place is free again, and they may come back later.
    expect((await add(c.id)).status).toBe(201)
  })

  it('gives the last free place to exactly one of two simultaneous arrivals', async () => {
    const shelter = await buildShelter(app, { capacity: 1 })
    const people = [
      await buildPerson(app, shelter.compartment_id),
      await buildPerson(app, shelter.compartment_id),
    ]
    const results = await Promise.allSettled(
      people.map((p) =>
        addResident(app, shelter.compartment_id, { personId: p.id, fromDate: '2026-05-01' }, BY),
      ),
    )
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
  })

  it('seals log notes: hidden from field workers, never in the row or the audit log', async () => {
    const shelter = await open()
    const affected = await buildPerson(app, shelter.id)
    const res = await request('POST', `/shelters/${shelter.id}/log`, {
      kind: 'caretaker_detained',
      occurredOn: '2026-05-30',
      personIds: [affected.id],
      note: 'Caretaker Pak taken by police',
    })
    expect(res.status).toBe(201)
    const row = await app.database.db
      .selectFrom('shelter_log')
      .selectAll()
      .executeTakeFirstOrThrow()
    expect(row.note).not.toContain('Pak')
    const worker = await buildUser(app, {
      grants: [{ role: 'field_worker', compartmentId: shelter.id }],
    })
    const seen = await json(
      await request(
        'GET',
        `/shelters/${shelter.id}`,
        undefined,
        (await signIn(app, worker)).headers,
      ),
    )
    expect(seen.log[0]).toMatchObject({
      kind: 'caretaker_detained',
      personCodes: [affected.code],
      note: { state: 'hidden' },
    })
    // A field worker writes log entries (an oversight visit) but reads no one's notes.
    expect(seen.actions).toEqual(['log'])
    const audit = await app.database.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .execute()
    expect(audit.map((a) => a.action)).toContain('shelter.log_notes_read')
    expect(JSON.stringify(audit)).not.toContain('Pak')
    const outsider = await buildUser(app, {
      grants: [{ role: 'coordinator', compartmentId: (await buildCompartment(app)).id }],
    })
    const hidden = await request(
      'GET',
      `/shelters/${shelter.id}`,
      undefined,
      (await signIn(app, outsider)).headers,
    )
    expect(hidden.status).toBe(404)
  })

  it('marks a shelter compromised: sessions end, records freeze, coordinators are told; undo thaws', async () => {
    const shelter = await open()
    const other = await open({ ...created, code: 'JRL-01' })
    const person = await buildPerson(app, shelter.id)
    const kase = await buildCase(app, person)
    const onlyThere = await buildUser(app, {
      grants: [{ role: 'field_worker', compartmentId: shelter.id }],
    })
    const alsoElsewhere = await buildUser(app, {
      grants: [
        { role: 'field_worker', compartmentId: shelter.id },
        { role: 'field_worker', compartmentId: other.id },
      ],
    })
    const caseworker = await buildUser(app, {
      grants: [{ role: 'caseworker', compartmentId: shelter.id }],
    })
    const local = await buildUser(app, {
      grants: [{ role: 'coordinator', compartmentId: shelter.id }],
    })
    const sessions = {
      onlyThere: [(await signIn(app, onlyThere)).headers, (await signIn(app, onlyThere)).headers],
      alsoElsewhere: (await signIn(app, alsoElsewhere)).headers,
      caseworker: (await signIn(app, caseworker)).headers,
      local: (await signIn(app, local)).headers,
    }

    const stale = await signIn(app, coordinator, { reauth: false })
    const unconfirmed = await request(
      'POST',
      `/shelters/${shelter.id}/compromise`,
      { confirmCode: 'YAN-02' },
      stale.headers,
    )
    expect((await json(unconfirmed)).error.code).toBe('reauth_required')
    const mistyped = await request('POST', `/shelters/${shelter.id}/compromise`, {
      confirmCode: 'YAN-03',
    })
    expect((await json(mistyped)).error.code).toBe('confirmation_mismatch')
    expect((await findCompartment(app.database.db, shelter.id))?.status).toBe('active')

    const res = await request('POST', `/shelters/${shelter.id}/compromise`, {
      confirmCode: 'yan-02',
    })
    expect(res.status).toBe(200)
    const result = await json(res)
    expect(result).toMatchObject({ sessionsEnded: 2, usersSignedOut: 1, coordinatorsNotified: 2 })
    expect(result.shelter).toMatchObject({ status: 'compromised', actions: ['restore'] })

    for (const h of sessions.onlyThere)
      expect((await request('GET', '/auth/session', undefined, h)).status).toBe(401)
    expect((await request('GET', '/auth/session', undefined, sessions.alsoElsewhere)).status).toBe(
      200,
    )
    // Reads still work for those who must act.
    expect(
      (await request('GET', `/people/${person.id}`, undefined, sessions.caseworker)).status,
    ).toBe(200)
    expect(
      (await request('GET', `/shelters/${shelter.id}`, undefined, sessions.caseworker)).status,
    ).toBe(200)

    const writes: [string, string, unknown][] = [
      ['PATCH', `/shelters/${shelter.id}`, { version: 1, capacity: 9 }],
      ['POST', `/shelters/${shelter.id}/log`, { kind: 'other', occurredOn: '2026-06-01' }],
      [
        'POST',
        `/shelters/${shelter.id}/residents`,
        { personId: person.id, fromDate: '2026-05-01' },
      ],
      ['PATCH', `/people/${person.id}`, { version: 1, attributes: { situation: 'in_hiding' } }],
      [
        'POST',
        '/people',
        {
          compartmentId: shelter.id,
          identity: { names: [{ script: 'latin', value: 'New Arrival' }], phones: [] },
          attributes: { situation: 'in_shelter' },
        },
      ],
      [
        'POST',
        '/incidents',
        {
          compartmentId: shelter.id,
          type: 'arrest',
          occurredOn: '2026-05',
          datePrecision: 'month',
          region: 'Yanbian',
          severity: 'high',
        },
      ],
      [
        'POST',
        `/cases`,
        { personId: person.id, type: 'medical', priority: 'normal', openedOn: '2026-05-01' },
      ],
    ]
    for (const [method, path, body] of writes) {
      const refused = await request(
        method,
        path,
        body,
        method === 'PATCH' && path.startsWith('/shelters') ? headers : sessions.caseworker,
      )
      expect([path, refused.status, (await json(refused)).error?.code]).toEqual([
        path,
        423,
        'record_frozen',
      ])
    }
    const purge = await request('POST', '/retention/purge', { caseIds: [kase.id] })
    expect([purge.status, (await json(purge)).error?.code]).toEqual([423, 'record_frozen'])
    // The other shelter is untouched.
    expect(
      (
        await request('POST', `/shelters/${other.id}/log`, {
          kind: 'other',
          occurredOn: '2026-06-01',
        })
      ).status,
    ).toBe(201)

    const told = await json(await request('GET', '/notifications', undefined, sessions.local))
    expect(told.unread).toBe(1)
    expect(told.items[0]).toMatchObject({
      kind: 'shelter_compromised',
      subjectId: shelter.id,
      subjectCode: 'YAN-02',
      read: false,
    })
    expect(
      (
        await json(
          await request('POST', '/notifications/read', { id: told.items[0].id }, sessions.local),
        )
      ).unread,
    ).toBe(0)
    const notMine = await request(
      'POST',
      '/notifications/read',
      { id: told.items[0].id },
      sessions.caseworker,
    )
    expect(notMine.status).toBe(404)

    const entry = await app.database.db
      .selectFrom('audit_log')
      .select(['details', 'actor_id'])
      .where('action', '=', 'shelter.compromised')
      .executeTakeFirstOrThrow()
    expect(JSON.parse(entry.details)).toEqual({
      code: 'YAN-02',
      previousStatus: 'active',
      usersSignedOut: 1,
      sessionsEnded: 2,
      coordinatorsNotified: 2,
    })
    expect(entry.actor_id).toBe(coordinator.id)

    expect(
      (
        await json(
          await request('POST', `/shelters/${shelter.id}/compromise`, { confirmCode: 'YAN-02' }),
        )
      ).error.code,
    ).toBe('shelter_compromised')
    const undone = await request('POST', `/shelters/${shelter.id}/restore`, {
      confirmCode: 'YAN-02',
    })
    expect(await json(undone)).toMatchObject({ status: 'active', compromisedAt: null })
    expect((await findCompartment(app.database.db, shelter.id))?.status).toBe('active')
    expect(
      (
        await request(
          'POST',
          `/shelters/${shelter.id}/log`,
          { kind: 'other', occurredOn: '2026-06-01' },
          sessions.caseworker,
        )
      ).status,
    ).toBe(201)
    expect(
      (await json(await request('GET', '/notifications', undefined, sessions.local))).items[0].kind,
    ).toBe('shelter_restored')
  })

  it('cannot undo a compromise once the keys were shredded', async () => {
    const shelter = await open()
    expect(
      (await request('POST', `/shelters/${shelter.id}/compromise`, { confirmCode: 'YAN-02' }))
        .status,
    ).toBe(200)
    const admin = await buildUser(app, { grants: [{ role: 'administrator', compartmentId: null }] })
    const adminView = await json(
      await request(
        'GET',
        `/shelters/${shelter.id}`,
        undefined,
        (await signIn(app, admin)).headers,
      ),
    )
    expect(adminView.error.code).toBe('not_found')
    const withBoth = await buildUser(app, {
      grants: [
        { role: 'administrator', compartmentId: null },
        { role: 'coordinator', compartmentId: null },
      ],
    })
    const offered = await json(
      await request(
        'GET',
        `/shelters/${shelter.id}`,
        undefined,
        (await signIn(app, withBoth)).headers,
      ),
    )
    expect(offered.actions).toEqual(['restore', 'shred'])
    await shredCompartment(app, { id: shelter.id, code: 'YAN-02' }, { ...BY, via: 'app' })
    const after = await json(await request('GET', `/shelters/${shelter.id}`))
    expect(after).toMatchObject({ shredded: true, actions: [] })
    const undo = await request('POST', `/shelters/${shelter.id}/restore`, { confirmCode: 'YAN-02' })
    expect(undo.status).toBe(409)
    expect((await json(undo)).error.code).toBe('keys_destroyed')
  })

  it('adds three synthetic Yanbian shelters once, however often the demo runs', async () => {
    const step = MODULES.find((m) => m.name === 'shelters')?.demo
    if (!step) throw new Error('the shelters demo step is not registered')
    const first = await step.run(app)
    expect(first.created).toBeGreaterThan(0)
    expect(await step.run(app)).toEqual({ created: 0, skipped: 3 })
    const list = await json(await request('GET', '/shelters'))
    expect(list.map((s: { code: string; region: string }) => [s.code, s.region])).toEqual([
      ['YAN-01', 'Yanbian'],
      ['YAN-02', 'Yanbian'],
      ['YAN-03', 'Yanbian'],
    ])
    expect(
      list.map((s: { occupancy: number; capacity: number }) => `${s.occupancy}/${s.capacity}`),
    ).toEqual(['4/12', '3/8', '1/6'])
    const yan3 = await json(await request('GET', `/shelters/${list[2].id}`))
    expect(yan3).toMatchObject({ status: 'suspended', fundingStatus: 'suspended' })
    expect(yan3.caretaker).not.toBeNull()
    expect(yan3.log[0]).toMatchObject({ kind: 'caretaker_detained' })
    expect(yan3.log[0].personCodes).toContain(yan3.caretaker.code)
  })

  it('re-seals log notes when the shelter’s keys rotate, and they still open', async () => {
    const shelter = await open()
    await request('POST', `/shelters/${shelter.id}/log`, {
      kind: 'duties_doubt',
      occurredOn: '2026-05-01',
      note: 'asked residents for money',
    })
    const before = await app.database.db
      .selectFrom('shelter_log')
      .select('note')
      .executeTakeFirstOrThrow()
    const { job } = await startRotation(app, shelter.id, BY)
    expect((await runRotation(app, job.id, { settleMs: 0 })).status).toBe('done')
    const after = await app.database.db
      .selectFrom('shelter_log')
      .select('note')
      .executeTakeFirstOrThrow()
    expect(after.note).not.toBe(before.note)
    const detail = await json(await request('GET', `/shelters/${shelter.id}`))
    expect(detail.log[0].note).toEqual({ state: 'shown', value: 'asked residents for money' })
  })
})
