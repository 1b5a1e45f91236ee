import { randomUUID } from 'node:crypto'
import { FIELD_REFUSALS } from '@haven/core/field/field-schemas'
import { beforeEach, expect, it } from 'vitest'
import type { AppContext } from '../src/app-context.js'
import type { CompartmentsTable } from '../src/compartments/compartment-tables.js'
import { describeEachDialect } from './support/dialects.js'
import { buildCompartment, buildUser, signIn, type TestUser } from './support/factories.js'
import { buildCase, buildFollowUp, buildPerson } from './support/people-factories.js'
import { ensureShelter } from './support/shelter-factories.js'
import { testAppContext, testApps } from './support/test-app.js'

const POLICY = {
  validFrom: '2026-01-01',
  amount: '20',
  currency: 'CNY',
  buysGrams: 10_000,
  dailyCap: 20,
  monthlyCap: '180000',
  monthlyCapCurrency: 'JPY',
  rationGrams: 500,
}

describeEachDialect('field app sync: devices, outbox push, scoped pull, review', (ctx) => {
  let app: AppContext
  let yan: CompartmentsTable
  let jrl: CompartmentsTable
  let coordinator: Record<string, string>
  let worker: Record<string, string>
  let workerUser: TestUser
  let admin: Record<string, string>

  beforeEach(async () => {
    await ctx.reset()
    app = testAppContext(ctx.database(), { now: () => new Date('2026-06-15T10:00:00Z') })
    yan = await buildCompartment(app, 'YAN-01')
    jrl = await buildCompartment(app, 'JRL-01')
    const headersOf = async (u: TestUser) => (await signIn(app, u)).headers
    coordinator = await headersOf(
      await buildUser(app, { grants: [{ role: 'coordinator', compartmentId: yan.id }] }),
    )
    // A caseworker out in the field: distributions, shelter logs, case notes, registrations.
    workerUser = await buildUser(app, {
      grants: [
        { role: 'caseworker', compartmentId: yan.id },
        { role: 'caseworker', compartmentId: jrl.id },
      ],
    })
    worker = await headersOf(workerUser)
    admin = await headersOf(
      await buildUser(app, { grants: [{ role: 'administrator', compartmentId: null }] }),
    )
    const finance = await headersOf(
      await buildUser(app, { grants: [{ role: 'finance', compartmentId: null }] }),
    )
    expect(
      (
        await call(
          'POST',
          '/exchange-rates',
          { date: '2026-01-01', base: 'CNY', quote: 'JPY', rate: '15' },
          finance,
        )
      ).status,
    ).toBe(201)
    expect(
      (await call('POST', '/allowance-policies', { ...POLICY, compartmentId: yan.id }, coordinator))
        .status,
    ).toBe(201)
  })

  const call = (method: string, path: string, body: unknown, headers: Record<string, string>) =>
    testApps(app).staff.request(`/api/v1${path}`, {
      method,
      headers: {
        ...headers,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })

  async function device(headers = worker): Promise<string> {
    const res = await call('POST', '/field/devices', { name: 'Phone A' }, headers)
    expect(res.status).toBe(201)
    return (await res.json()).id
  }

  const distribution = (n = 1) => ({
    clientId: randomUUID(),
    kind: 'distribution' as const,
    data: { compartmentId: yan.id, day: '2026-06-14', headcount: n },
  })

  it('records 21 offline distributions against a cap of 20: the 21st is stored and flagged', async () => {
    const id = await device()
    const outbox = Array.from({ length: 21 }, () => distribution())
    const res = await call('POST', '/field/sync/push', { deviceId: id, mutations: outbox }, worker)
    expect(res.status).toBe(200)
    expect(res.headers.get('Cache-Control')).toBe('no-store')
    const { results } = await res.json()
    expect(results.filter((r: { outcome: string }) => r.outcome === 'applied')).toHaveLength(20)
    expect(results[20]).toMatchObject({ outcome: 'flagged', code: 'daily_cap_reached' })

    const listed = await call(
      'GET',
      `/distributions?compartmentId=${yan.id}`,
      undefined,
      coordinator,
    )
    expect(await listed.json()).toHaveLength(21)
    const review = await call('GET', '/field/review', undefined, coordinator)
    const page = await review.json()
    expect(page.total).toBe(1)
    expect(page.items[0]).toMatchObject({
      kind: 'distribution',
      outcome: 'flagged',
      code: 'daily_cap_reached',
      entityId: outbox[20]?.clientId,
      deviceName: 'Phone A',
    })
    // Not the worker's to review; a coordinator marks it seen.
    expect((await call('GET', '/field/review', undefined, worker)).status).toBe(200)
    expect((await (await call('GET', '/field/review', undefined, worker)).json()).total).toBe(0)
    const seen = await call(
      'POST',
      `/field/review/${page.items[0].id}`,
      { resolution: 'dismiss' },
      coordinator,
    )
    expect(seen.status).toBe(200)
    expect((await seen.json()).resolution).toBe('dismissed')
  })

  it('replays a push without duplicates, and resumes one cut off half way', async () => {
    const id = await device()
    const outbox = Array.from({ length: 6 }, () => distribution(2))
    const first = await call(
      'POST',
      '/field/sync/push',
      { deviceId: id, mutations: outbox.slice(0, 3) },
      worker,
    )
    expect(first.status).toBe(200)
    // The answer was lost: the phone sends its whole outbox again.
    const again = await call(
      'POST',
      '/field/sync/push',
      { deviceId: id, mutations: outbox },
      worker,
    )
    const { results } = await again.json()
    expect(results.map((r: { outcome: string }) => r.outcome)).toEqual(Array(6).fill('applied'))
    expect(results.map((r: { entityId: string }) => r.entityId)).toEqual(
      outbox.map((m) => m.clientId),
    )
    const listed = await call(
      'GET',
      `/distributions?compartmentId=${yan.id}`,
      undefined,
      coordinator,
    )
    expect(await listed.json()).toHaveLength(6)
    const figures = await (
      await call(
        'GET',
        `/distributions/figures?compartmentId=${yan.id}&year=2026`,
        undefined,
        coordinator,
      )
    ).json()
    expect(figures.days[0]).toMatchObject({ day: '2026-06-14', people: 12 })
  })

  it('keeps a case note made against a case edited meanwhile as a conflict, for review', async () => {
    const person = await buildPerson(app, yan.id)
    const kase = await buildCase(app, person)
    const followUp = await buildFollowUp(app, kase)
    const id = await device()
    const pulled = await (
      await call('GET', `/field/sync/pull?deviceId=${id}`, undefined, worker)
    ).json()
    const seen = pulled.cases.find((k: { id: string }) => k.id === kase.id)
    expect(seen).toMatchObject({ version: 1, followUps: [{ id: followUp, dueOn: '2026-01-10' }] })
    // The coordinator raises the priority on the server while the phone is offline.
    const edit = await call(
      'PATCH',
      `/cases/${kase.id}`,
      { version: 1, priority: 'urgent' },
      coordinator,
    )
    expect(edit.status).toBe(200)
    const note = {
      clientId: randomUUID(),
      kind: 'case_note' as const,
      caseId: kase.id,
      baseVersion: 1,
      data: { kind: 'note', occurredOn: '2026-06-14', text: 'Visited; needs a second visit.' },
    }
    const done = {
      clientId: randomUUID(),
      kind: 'follow_up_done' as const,
      followUpId: followUp,
      baseVersion: 1,
    }
    const res = await call(
      'POST',
      '/field/sync/push',
      { deviceId: id, mutations: [note, done] },
      worker,
    )
    const { results } = await res.json()
    expect(results.map((r: { outcome: string }) => r.outcome)).toEqual(['conflict', 'conflict'])
    // Nothing was written to the case; the change is kept, sealed, for the coordinator.
    const entries = await app.database.db
      .selectFrom('case_entries')
      .select('id')
      .where('id', '=', note.clientId)
      .execute()
    expect(entries).toHaveLength(0)
    const stored = await app.database.db
      .selectFrom('field_changes')
      .select('body')
      .where('client_id', '=', note.clientId)
      .executeTakeFirstOrThrow()
    expect(stored.body).toMatch(/^v1\./)
    expect(stored.body).not.toContain('second visit')
    const page = await (
      await call('GET', '/field/review?outcome=conflict', undefined, coordinator)
    ).json()
    expect(page.total).toBe(2)
    const item = page.items.find((i: { kind: string }) => i.kind === 'case_note')
    const applied = await call(
      'POST',
      `/field/review/${item.id}`,
      { resolution: 'apply' },
      coordinator,
    )
    expect(applied.status).toBe(200)
    expect(await applied.json()).toMatchObject({ resolution: 'applied', entityId: note.clientId })
    const after = await app.database.db
      .selectFrom('case_entries')
      .select('id')
      .where('id', '=', note.clientId)
      .execute()
    expect(after).toHaveLength(1)
    // With the current version, the same kind of change applies directly.
    const fresh = { ...done, clientId: randomUUID(), baseVersion: 2 }
    const direct = await (
      await call('POST', '/field/sync/push', { deviceId: id, mutations: [fresh] }, worker)
    ).json()
    expect(direct.results[0].outcome).toBe('applied')
  })

  it('records a shelter log entry and registers a person through their modules', async () => {
    const shelter = await ensureShelter(app, yan)
    const id = await device()
    const log = {
      clientId: randomUUID(),
      kind: 'shelter_log' as const,
      shelterId: shelter.compartment_id,
      data: { kind: 'oversight_visit', occurredOn: '2026-06-14', note: 'Water pump fixed.' },
    }
    const person = {
      clientId: randomUUID(),
      kind: 'register_person' as const,
      data: {
        compartmentId: yan.id,
        identity: { names: [{ script: 'latin', value: 'Field Person' }], phones: [] },
        attributes: {
          ageBand: '18-29',
          situation: 'in_hiding',
          arrivalMonth: null,
          languages: ['ko'],
          tags: [],
        },
      },
    }
    const res = await call(
      'POST',
      '/field/sync/push',
      { deviceId: id, mutations: [log, person] },
      worker,
    )
    const body = await res.json()
    expect(res.status, JSON.stringify(body)).toBe(200)
    expect(body.results.map((r: { outcome: string }) => r.outcome)).toEqual(['applied', 'applied'])
    const pulled = await (
      await call('GET', `/field/sync/pull?deviceId=${id}`, undefined, worker)
    ).json()
    expect(pulled.people.map((p: { id: string }) => p.id)).toContain(person.clientId)
    // Codes and non-identifying attributes only: no name reaches the phone this way.
    expect(JSON.stringify(pulled)).not.toContain('Field Person')
    expect(pulled.shelters).toEqual([{ id: yan.id, code: shelter.code }])
  })

  it('registers people written offline through the people module: sealed, found by name, a likely duplicate kept for review', async () => {
    const known = await buildPerson(app, yan.id, {
      names: [{ script: 'hangul', value: '김영희' }],
      birth: { precision: 'year', date: '1990' },
    })
    const id = await device()
    const pulled = await (
      await call('GET', `/field/sync/pull?deviceId=${id}`, undefined, worker)
    ).json()
    expect([...pulled.registerIn].sort()).toEqual([yan.id, jrl.id].sort())
    const register = (name: string, year: string) => ({
      clientId: randomUUID(),
      kind: 'register_person' as const,
      data: {
        compartmentId: yan.id,
        identity: {
          names: [{ script: 'hangul', value: name }],
          birth: { precision: 'year', date: year },
          phones: [],
        },
        attributes: {
          ageBand: 'unknown',
          situation: 'in_hiding',
          arrivalMonth: null,
          languages: [],
          tags: [],
        },
      },
    })
    // New; the same name and birth year as someone registered (likely the same person); a
    // namesake born another year (a common name alone is no duplicate).
    const outbox = [
      register('박철수', '1985'),
      register('김영희', '1990'),
      register('김영희', '2001'),
    ]
    const res = await call('POST', '/field/sync/push', { deviceId: id, mutations: outbox }, worker)
    const body = await res.json()
    expect(res.status, JSON.stringify(body)).toBe(200)
    expect(body.results.map((r: { outcome: string; code: string | null }) => r.outcome)).toEqual([
      'applied',
      'conflict',
      'applied',
    ])
    expect(body.results[1].code).toBe('possible_duplicate')

    // Sealed at rest and blind-indexed like any registration: found by name, the name nowhere
    // in the clear.
    const search = async (q: string) =>
      (
        (await (
          await call('GET', `/people?q=${encodeURIComponent(q)}`, undefined, worker)
        ).json()) as { people: { id: string }[] }
      ).people.map((p) => p.id)
    expect(await search('박철수')).toEqual([outbox[0]?.clientId])
    expect((await search('김영희')).sort()).toEqual([known.id, outbox[2]?.clientId].sort())
    const rows = await ctx
      .database()
      .db.selectFrom('people')
      .select('identity')
      .where('id', '=', outbox[0]?.clientId ?? '')
      .execute()
    expect(rows).toHaveLength(1)
    expect(JSON.stringify(rows)).not.toContain('박철수')
    // Not registered yet: the possible duplicate waits, sealed, for a coordinator.
    const changes = await ctx.database().db.selectFrom('field_changes').select('body').execute()
    expect(JSON.stringify(changes)).not.toContain('김영희')
    const review = await (
      await call('GET', '/field/review?outcome=conflict', undefined, coordinator)
    ).json()
    expect(review.items).toHaveLength(1)
    expect(review.items[0]).toMatchObject({ kind: 'register_person', code: 'possible_duplicate' })
    // The coordinator, having looked, registers them after all.
    const applied = await call(
      'POST',
      `/field/review/${review.items[0].id}`,
      { resolution: 'apply' },
      coordinator,
    )
    expect(applied.status, await applied.clone().text()).toBe(200)
    expect((await applied.json()).resolution).toBe('applied')
    expect(await search('김영희')).toHaveLength(3)
  })

  it('matches two registrations of one person in the same push against each other', async () => {
    const known = await buildPerson(app, yan.id, {
      names: [{ script: 'hangul', value: '김영희' }],
      birth: { precision: 'year', date: '1990' },
    })
    const id = await device()
    const register = (names: { script: string; value: string }[], year?: string) => ({
      clientId: randomUUID(),
      kind: 'register_person' as const,
      data: {
        compartmentId: yan.id,
        identity: {
          names,
          ...(year ? { birth: { precision: 'year', date: year } } : {}),
          phones: [],
        },
        attributes: {
          ageBand: 'unknown',
          situation: 'in_hiding',
          arrivalMonth: null,
          languages: [],
          tags: [],
        },
      },
    })
    const outbox = [
      // Met on a first visit, and again (the name written in katakana as well) on a second.
      register([{ script: 'latin', value: 'Park Chul-su' }], '1985'),
      register(
        [
          { script: 'kana', value: 'パク・チョルス' },
          { script: 'latin', value: 'park chul-su' },
        ],
        '1985',
      ),
      // A namesake born in another year: no duplicate.
      register([{ script: 'latin', value: 'Park Chul-su' }], '2001'),
      // Someone registered already, twice in this push: both name the registered person.
      register([{ script: 'hangul', value: '김영희' }], '1990'),
      register([{ script: 'hangul', value: '김영희' }]),
    ]
    // A run of registrations is cut by another kind: the later run meets the earlier one too.
    const later = [distribution(), register([{ script: 'latin', value: 'PARK Chul-su' }])]
    const res = await call(
      'POST',
      '/field/sync/push',
      { deviceId: id, mutations: [...outbox, ...later] },
      worker,
    )
    const body = await res.json()
    expect(res.status, JSON.stringify(body)).toBe(200)
    const answers = body.results.map((r: { outcome: string; entityId: string | null }) => [
      r.outcome,
      r.entityId,
    ])
    expect(answers).toEqual([
      ['applied', outbox[0]?.clientId],
      ['conflict', outbox[0]?.clientId],
      ['applied', outbox[2]?.clientId],
      ['conflict', known.id],
      ['conflict', known.id],
      ['applied', later[0]?.clientId],
      ['conflict', outbox[0]?.clientId],
    ])
    // Registered once; the others wait, sealed, naming whom they matched.
    const people = await ctx
      .database()
      .db.selectFrom('people')
      .select('id')
      .where(
        'id',
        'in',
        [...outbox, ...later].map((m) => m.clientId),
      )
      .execute()
    expect(people.map((p) => p.id).sort()).toEqual(
      [outbox[0]?.clientId, outbox[2]?.clientId].sort(),
    )
    const held = await ctx
      .database()
      .db.selectFrom('field_changes')
      .select(['client_id', 'outcome', 'code', 'entity_id', 'body'])
      .where('outcome', '=', 'conflict')
      .orderBy('client_id')
      .execute()
    expect(held.map((c) => [c.client_id, c.code, c.entity_id]).sort()).toEqual(
      [
        [outbox[1]?.clientId, 'possible_duplicate', outbox[0]?.clientId],
        [outbox[3]?.clientId, 'possible_duplicate', known.id],
        [outbox[4]?.clientId, 'possible_duplicate', known.id],
        [later[1]?.clientId, 'possible_duplicate', outbox[0]?.clientId],
      ].sort(),
    )
    expect(JSON.stringify(held)).not.toMatch(/Park|パク|김영희/i)
    // Sent again: the same answers, nothing registered twice.
    const again = await (
      await call(
        'POST',
        '/field/sync/push',
        { deviceId: id, mutations: [...outbox, ...later] },
        worker,
      )
    ).json()
    expect(again.results).toEqual(body.results)

    // The coordinator's review names whom each matched: the code, and the names (a look at
    // identifying data, audited for each person shown).
    const first = await ctx
      .database()
      .db.selectFrom('people')
      .select('code')
      .where('id', '=', outbox[0]?.clientId ?? '')
      .executeTakeFirstOrThrow()
    const review = await (
      await call('GET', '/field/review?outcome=conflict', undefined, coordinator)
    ).json()
    const byClient = new Map(held.map((c) => [c.client_id, c.entity_id]))
    expect(review.items).toHaveLength(4)
    for (const item of review.items)
      expect(item.matched).toEqual(
        item.entityId === known.id
          ? { code: known.code, names: ['김영희'] }
          : { code: first.code, names: ['Park Chul-su'] },
      )
    expect(review.items.map((i: { entityId: string }) => i.entityId).sort()).toEqual(
      [...byClient.values()].sort(),
    )
    const reads = await ctx
      .database()
      .db.selectFrom('audit_log')
      .select(['entity_id', 'details'])
      .where('action', '=', 'person.identity_read')
      .execute()
    expect(reads.map((r) => r.entity_id).sort()).toEqual(
      // Once per person shown, however many items name them.
      [known.id, outbox[0]?.clientId].sort(),
    )
    expect(JSON.stringify(reads.map((r) => r.details))).toContain('field_review')
    // A coordinator of another compartment sees none of it.
    const elsewhere = await signIn(
      app,
      await buildUser(app, { grants: [{ role: 'coordinator', compartmentId: jrl.id }] }),
    )
    const theirs = await (
      await call('GET', '/field/review?outcome=conflict', undefined, elsewhere.headers)
    ).json()
    expect(theirs.total).toBe(0)
  })

  it('refuses entries with codes the field app has words for, and records nothing of them', async () => {
    const shelter = await ensureShelter(app, yan)
    const elsewhere = await buildPerson(app, jrl.id)
    const id = await device()
    const log = (data: Record<string, unknown>) => ({
      clientId: randomUUID(),
      kind: 'shelter_log' as const,
      shelterId: shelter.compartment_id,
      data: { kind: 'oversight_visit', occurredOn: '2026-06-14', ...data },
    })
    const outbox = [
      { ...distribution(), data: { compartmentId: jrl.id, day: '2026-06-14', headcount: 1 } },
      {
        ...distribution(),
        data: { compartmentId: yan.id, day: '2026-06-14', personCode: 'YAN-01-P9999' },
      },
      log({ occurredOn: '2026-07-01' }),
      log({ personIds: [elsewhere.id] }),
      {
        clientId: randomUUID(),
        kind: 'case_note' as const,
        caseId: 'no-such-case',
        baseVersion: 1,
        data: { kind: 'note', occurredOn: '2026-06-14', text: 'x' },
      },
    ]
    const push = async (mutations: unknown[]) =>
      (
        (await (
          await call('POST', '/field/sync/push', { deviceId: id, mutations }, worker)
        ).json()) as { results: { outcome: string; code: string }[] }
      ).results
    const results = await push(outbox)
    expect(results.map((r) => [r.outcome, r.code])).toEqual([
      ['refused', 'no_allowance_policy'],
      ['refused', 'person_not_in_compartment'],
      ['refused', 'validation_failed'],
      ['refused', 'compartment_mismatch'],
      ['refused', 'not_found'],
    ])
    // A shelter reported compromised is frozen.
    await app.database.db
      .updateTable('shelters')
      .set({ status: 'compromised' })
      .where('compartment_id', '=', shelter.compartment_id)
      .execute()
    const frozen = await push([log({})])
    expect(frozen.map((r) => [r.outcome, r.code])).toEqual([['refused', 'record_frozen']])
    for (const r of [...results, ...frozen])
      expect(FIELD_REFUSALS as readonly string[]).toContain(r.code)
    const kept = await app.database.db.selectFrom('field_changes').select('id').execute()
    expect(kept).toEqual([])
  })

  it('offers field workers no registration, and refuses one pushed anyway', async () => {
    const field = await signIn(
      app,
      await buildUser(app, { grants: [{ role: 'field_worker', compartmentId: yan.id }] }),
    )
    const id = (
      await (await call('POST', '/field/devices', { name: 'Field phone' }, field.headers)).json()
    ).id
    const pulled = await (
      await call('GET', `/field/sync/pull?deviceId=${id}`, undefined, field.headers)
    ).json()
    expect(pulled.compartments.map((c: { id: string }) => c.id)).toEqual([yan.id])
    expect(pulled.registerIn).toEqual([])
    const m = {
      clientId: randomUUID(),
      kind: 'register_person' as const,
      data: { compartmentId: yan.id, identity: { names: [{ script: 'latin', value: 'Kim' }] } },
    }
    const res = await call(
      'POST',
      '/field/sync/push',
      { deviceId: id, mutations: [m] },
      field.headers,
    )
    expect((await res.json()).results).toEqual([
      { clientId: m.clientId, outcome: 'refused', code: 'forbidden', entityId: null },
    ])
  })

  it('pulls in pages scoped to current grants, and purges a compartment whose grant was revoked', async () => {
    for (let i = 0; i < 3; i++) await buildPerson(app, yan.id)
    for (let i = 0; i < 2; i++) await buildPerson(app, jrl.id)
    const id = await device()
    let cursor: string | undefined
    const people: string[] = []
    for (let round = 0; round < 10; round++) {
      const q = `/field/sync/pull?deviceId=${id}&limit=2${cursor ? `&cursor=${cursor}` : ''}`
      const page = await (await call('GET', q, undefined, worker)).json()
      people.push(...page.people.map((p: { compartmentId: string }) => p.compartmentId))
      cursor = page.cursor
      if (!page.more) break
    }
    expect(people.sort()).toEqual([jrl.id, jrl.id, yan.id, yan.id, yan.id].sort())
    await app.database.db
      .deleteFrom('grants')
      .where('user_id', '=', workerUser.id)
      .where('compartment_id', '=', jrl.id)
      .execute()
    const after = await (
      await call('GET', `/field/sync/pull?deviceId=${id}&cursor=${cursor}`, undefined, worker)
    ).json()
    expect(after.purge).toEqual([jrl.id])
    expect(after.people).toEqual([])
    // A push into the compartment no longer granted is refused, not recorded.
    const res = await (
      await call(
        'POST',
        '/field/sync/push',
        {
          deviceId: id,
          mutations: [
            { ...distribution(), data: { compartmentId: jrl.id, day: '2026-06-14', headcount: 1 } },
          ],
        },
        worker,
      )
    ).json()
    expect(res.results[0]).toMatchObject({ outcome: 'refused', code: 'forbidden' })
  })

  it('applies a mixed push in one go: registrations in runs, a refusal leaving nothing behind, a replay answering the same', async () => {
    const id = await device()
    const register = () => ({
      clientId: randomUUID(),
      kind: 'register_person' as const,
      data: {
        compartmentId: yan.id,
        attributes: {
          ageBand: '18-29',
          situation: 'in_hiding',
          arrivalMonth: null,
          languages: ['ko'],
          tags: [],
        },
      },
    })
    // JRL-01 has no allowance policy: that distribution is refused, the rest recorded.
    const noPolicy = {
      ...distribution(),
      data: { compartmentId: jrl.id, day: '2026-06-14', headcount: 1 },
    }
    const outbox = [register(), register(), distribution(3), noPolicy, register(), distribution()]
    const countPeople = async () =>
      (await app.database.db.selectFrom('people').select('id').execute()).length
    const countDistributions = async () =>
      (await app.database.db.selectFrom('distributions').select('id').execute()).length
    const peopleBefore = await countPeople()
    const res = await call('POST', '/field/sync/push', { deviceId: id, mutations: outbox }, worker)
    expect(res.status).toBe(200)
    const { results } = await res.json()
    expect(results.map((r: { outcome: string }) => r.outcome)).toEqual([
      'applied',
      'applied',
      'applied',
      'refused',
      'applied',
      'applied',
    ])
    expect(results[3].code).toBe('no_allowance_policy')
    expect(results[0].entityId).toBe(outbox[0]?.clientId)
    expect(await countPeople()).toBe(peopleBefore + 3)
    expect(await countDistributions()).toBe(2)
    // Sent again (the answer was lost on the way): the same answers, nothing recorded twice;
    // the refused entry is tried again and refused again.
    const again = await (
      await call('POST', '/field/sync/push', { deviceId: id, mutations: outbox }, worker)
    ).json()
    expect(again.results).toEqual(results)
    expect(await countPeople()).toBe(peopleBefore + 3)
    expect(await countDistributions()).toBe(2)
  })

  it('lets a field worker log a shelter visit and add a case note, without reading the case', async () => {
    const shelter = await ensureShelter(app, yan)
    const person = await buildPerson(app, yan.id)
    const kase = await buildCase(app, person)
    const followUp = await buildFollowUp(app, kase)
    const field = await signIn(
      app,
      await buildUser(app, { grants: [{ role: 'field_worker', compartmentId: yan.id }] }),
    )
    const res = await call('POST', '/field/devices', { name: 'Field phone' }, field.headers)
    const id = (await res.json()).id
    const pulled = await (
      await call('GET', `/field/sync/pull?deviceId=${id}`, undefined, field.headers)
    ).json()
    expect(pulled.shelters.map((s: { id: string }) => s.id)).toEqual([shelter.compartment_id])
    expect(pulled.cases.map((c: { id: string }) => c.id)).toEqual([kase.id])
    const outbox = [
      {
        clientId: randomUUID(),
        kind: 'shelter_log' as const,
        shelterId: shelter.compartment_id,
        data: { kind: 'oversight_visit', occurredOn: '2026-06-14', note: 'Roof leaks again.' },
      },
      {
        clientId: randomUUID(),
        kind: 'case_note' as const,
        caseId: kase.id,
        baseVersion: 1,
        data: { kind: 'note', occurredOn: '2026-06-14', text: 'Visited; asks about school.' },
      },
      {
        clientId: randomUUID(),
        kind: 'follow_up_done' as const,
        followUpId: followUp,
        baseVersion: 1,
      },
    ]
    const pushed = await (
      await call('POST', '/field/sync/push', { deviceId: id, mutations: outbox }, field.headers)
    ).json()
    expect(pushed.results.map((r: { outcome: string }) => r.outcome)).toEqual([
      'applied',
      'applied',
      'applied',
    ])
    // The web app's route takes the log entry too; the case itself stays closed to them.
    const logged = await call(
      'POST',
      `/shelters/${shelter.compartment_id}/log`,
      { kind: 'oversight_visit', occurredOn: '2026-06-15', note: 'Pump fixed.' },
      field.headers,
    )
    expect(logged.status).toBe(201)
    expect((await logged.json()).actions).toContain('log')
    expect((await call('GET', `/cases/${kase.id}`, undefined, field.headers)).status).toBe(403)
    const timeline = await call('GET', `/cases/${kase.id}/timeline`, undefined, coordinator)
    expect(timeline.status).toBe(200)
    expect(JSON.stringify(await timeline.json())).toContain('Visited; asks about school.')
  })

  it('pulls a write stamped earlier than the cursor (a second server whose clock is behind)', async () => {
    const first = await buildPerson(app, yan.id)
    const id = await device()
    const start = await (
      await call('GET', `/field/sync/pull?deviceId=${id}`, undefined, worker)
    ).json()
    expect(start.people.map((p: { id: string }) => p.id)).toEqual([first.id])
    // Another server on the same database, its clock an hour behind: what it writes now carries
    // an updated_at before the rows the device already has.
    const behind = testAppContext(ctx.database(), {
      now: () => new Date('2026-06-15T09:00:00Z'),
    })
    const late = await buildPerson(behind, yan.id)
    const kase = await buildCase(behind, first)
    expect(late.updated_at < first.updated_at).toBe(true)
    const next = await (
      await call('GET', `/field/sync/pull?deviceId=${id}&cursor=${start.cursor}`, undefined, worker)
    ).json()
    expect(next.people.map((p: { id: string }) => p.id)).toContain(late.id)
    expect(next.cases.map((c: { id: string }) => c.id)).toEqual([kase.id])
    // And nothing comes twice once the device is up to date.
    const again = await (
      await call('GET', `/field/sync/pull?deviceId=${id}&cursor=${next.cursor}`, undefined, worker)
    ).json()
    expect(again.people).toEqual([])
    expect(again.cases).toEqual([])
  })

  it('answers 410 device_revoked once the owner or an administrator revokes the phone', async () => {
    const id = await device()
    const mine = await (await call('GET', '/field/devices', undefined, worker)).json()
    expect(mine.map((d: { id: string }) => d.id)).toEqual([id])
    // Another user can neither see nor revoke it.
    expect((await call('POST', `/field/devices/${id}/revoke`, undefined, coordinator)).status).toBe(
      403,
    )
    expect((await call('GET', '/field/devices/all', undefined, worker)).status).toBe(403)
    const all = await (await call('GET', '/field/devices/all', undefined, admin)).json()
    expect(all.map((d: { id: string }) => d.id)).toContain(id)
    const revoked = await call('POST', `/field/devices/${id}/revoke`, undefined, admin)
    expect(revoked.status).toBe(200)
    expect((await revoked.json()).revokedAt).toBeTruthy()
    const pull = await call('GET', `/field/sync/pull?deviceId=${id}`, undefined, worker)
    expect(pull.status).toBe(410)
    expect((await pull.json()).error.code).toBe('device_revoked')
    const push = await call(
      'POST',
      '/field/sync/push',
      { deviceId: id, mutations: [distribution()] },
      worker,
    )
    expect(push.status).toBe(410)
    // Someone else's device id is as good as none.
    const other = await device(coordinator)
    expect(
      (await call('GET', `/field/sync/pull?deviceId=${other}`, undefined, worker)).status,
    ).toBe(404)
  })
})
