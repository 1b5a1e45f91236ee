import { beforeEach, expect, it } from 'vitest'
import type { AppContext } from '../src/app-context.js'
import type { CompartmentsTable } from '../src/compartments/compartment-tables.js'
import { shredCompartment } from '../src/crypto/shred.js'
import type { CasesTable, PeopleTable } from '../src/modules/people/people-tables.js'
import { describeEachDialect } from './support/dialects.js'
import { buildCompartment, buildUser, signIn } from './support/factories.js'
import { buildCase, buildFollowUp, buildPerson } from './support/people-factories.js'
import { testAppContext, testApps } from './support/test-app.js'

const KIM = [
  { script: 'hangul' as const, value: '김영훈' },
  { script: 'latin' as const, value: 'Kim Yong-hun' },
]
const IN_SHELTER = {
  situation: 'in_shelter',
  arrivalMonth: '2006-02',
  languages: ['ko'],
  tags: [],
}

/**
 * After a compartment is shredded, everything that touches it still answers sensibly: reads show
 * codes and "destroyed", name searches skip it, writes are refused with 409 `keys_destroyed`
 * (nothing half-written) — and work in the user's other compartments goes on as before.
 */
describeEachDialect('after a shred', (ctx) => {
  let app: AppContext
  let raided: CompartmentsTable
  let intact: CompartmentsTable
  let gone: PeopleTable
  let kept: PeopleTable
  let goneCase: CasesTable
  let goneFollowUp: string
  let headers: Record<string, string>

  beforeEach(async () => {
    await ctx.reset()
    app = testAppContext(ctx.database(), { now: () => new Date('2026-06-01T10:00:00Z') })
    raided = await buildCompartment(app, 'RAID-01')
    intact = await buildCompartment(app, 'SAFE-01')
    gone = await buildPerson(app, raided.id, { names: KIM })
    kept = await buildPerson(app, intact.id, { names: KIM })
    goneCase = await buildCase(app, gone)
    goneFollowUp = await buildFollowUp(app, goneCase)
    // A coordinator of both: may do everything a caseworker may, plus merging and purging.
    const worker = await buildUser(app, {
      grants: [
        { role: 'coordinator', compartmentId: raided.id },
        { role: 'coordinator', compartmentId: intact.id },
      ],
    })
    headers = (await signIn(app, worker)).headers
    await shredCompartment(app, raided, { actorId: null, requestId: null, via: 'cli' })
  })

  const request = async (method: string, path: string, body?: unknown) => {
    const res = await testApps(app).staff.request(`/api/v1${path}`, {
      method,
      headers: {
        ...headers,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    const json = res.headers.get('content-type')?.includes('json')
    return { status: res.status, body: json ? await res.json() : await res.text() }
  }
  const codes = (body: { people: { code: string }[] }) => body.people.map((p) => p.code)

  it('finds people by name in the other compartment, and skips the shredded one', async () => {
    const everywhere = await request('GET', '/people?q=Kim')
    expect(everywhere.status).toBe(200)
    expect(codes(everywhere.body)).toEqual([kept.code])
    const hangul = await request('GET', `/people?q=${encodeURIComponent('김영훈')}`)
    expect(codes(hangul.body)).toEqual([kept.code])
    const there = await request('GET', `/people?q=Kim&compartmentId=${raided.id}`)
    expect(there).toEqual({
      status: 200,
      body: { people: [], nextCursor: null, total: 0, totalCapped: false },
    })
    const here = await request('GET', `/people?q=Kim&compartmentId=${intact.id}`)
    expect(codes(here.body)).toEqual([kept.code])
  })

  it('still lists the shredded compartment’s records by code, with their identity destroyed', async () => {
    const byCode = await request('GET', '/people?q=RAID-01')
    expect(codes(byCode.body)).toEqual([gone.code])
    const listed = await request('GET', `/people?compartmentId=${raided.id}`)
    expect(codes(listed.body)).toEqual([gone.code])
    expect((await request('GET', `/people/${gone.id}`)).status).toBe(200)
    expect(await request('POST', `/people/${gone.id}/reveal`)).toEqual({
      status: 200,
      body: { state: 'destroyed' },
    })
    expect((await request('GET', `/cases?compartmentId=${raided.id}`)).status).toBe(200)
    expect((await request('GET', `/cases/${goneCase.id}`)).status).toBe(200)
    expect((await request('GET', `/cases/${goneCase.id}/timeline`)).status).toBe(200)
    expect((await request('GET', `/cases/${goneCase.id}/follow-ups`)).status).toBe(200)
    expect((await request('GET', '/follow-ups/overdue')).status).toBe(200)
    expect((await request('POST', '/exports/people', {})).status).toBe(200)
  })

  it('checks duplicates in the other compartment only', async () => {
    const everywhere = await request('POST', '/people/duplicates', { names: ['Kim Yong-hun'] })
    expect(everywhere.status).toBe(200)
    expect(everywhere.body.map((m: { code: string }) => m.code)).toEqual([kept.code])
    const there = await request('POST', '/people/duplicates', {
      names: ['Kim Yong-hun'],
      compartmentId: raided.id,
    })
    expect(there).toEqual({ status: 200, body: [] })
  })

  it('refuses every write in the shredded compartment with 409 keys_destroyed, leaving nothing behind', async () => {
    const before = await rowCounts()
    const writes: [string, string, unknown][] = [
      [
        'POST',
        '/people',
        { compartmentId: raided.id, identity: { names: KIM, phones: [] }, attributes: IN_SHELTER },
      ],
      [
        'PATCH',
        `/people/${gone.id}`,
        { version: gone.version, attributes: { situation: 'detained' } },
      ],
      [
        'PATCH',
        `/people/${gone.id}`,
        { version: gone.version, identity: { names: KIM, phones: [] } },
      ],
      ['POST', `/people/${gone.id}/links`, { relatedPersonId: kept.id, relation: 'sibling' }],
      [
        'POST',
        '/cases',
        { personId: gone.id, type: 'medical', openedOn: '2026-05-01', summary: 'x' },
      ],
      ['POST', '/cases', { personId: gone.id, type: 'medical', openedOn: '2026-05-01' }],
      ['PATCH', `/cases/${goneCase.id}`, { version: goneCase.version, status: 'in_progress' }],
      [
        'POST',
        `/cases/${goneCase.id}/entries`,
        { kind: 'note', occurredOn: '2026-05-02', text: 'visited' },
      ],
      ['POST', `/cases/${goneCase.id}/follow-ups`, { title: 'call back', dueOn: '2026-06-10' }],
      [
        'POST',
        `/cases/${goneCase.id}/referrals`,
        { partner: 'Clinic', service: 'medical', consent: 'given', consentMethod: 'verbal' },
      ],
      ['PATCH', `/follow-ups/${goneFollowUp}`, { done: true }],
      [
        'POST',
        '/incidents',
        {
          compartmentId: raided.id,
          type: 'arrest',
          occurredOn: '2026-05',
          datePrecision: 'month',
          region: 'Jilin',
          severity: 'high',
        },
      ],
      ['POST', `/people/${gone.id}/merge`, { intoId: gone.id, version: gone.version }],
    ]
    for (const [method, path, body] of writes) {
      const answer = await request(method, path, body)
      expect([method, path, answer.status, answer.body.error?.code]).toEqual([
        method,
        path,
        409,
        'keys_destroyed',
      ])
      expect(answer.body.error.message).toMatch(/destroyed/)
    }
    expect(await rowCounts()).toEqual(before)
  })

  it('explains keys_destroyed in Japanese too', async () => {
    const res = await testApps(app).staff.request(`/api/v1/people/${gone.id}`, {
      method: 'PATCH',
      headers: { ...headers, 'Content-Type': 'application/json', 'Accept-Language': 'ja' },
      body: JSON.stringify({ version: gone.version, attributes: { situation: 'detained' } }),
    })
    const body = await res.json()
    expect([res.status, body.error.code]).toEqual([409, 'keys_destroyed'])
    expect(body.error.message).toMatch(/シュレッド/)
  })

  it('goes on working in the other compartment', async () => {
    const person = await request('POST', '/people', {
      compartmentId: intact.id,
      identity: { names: [{ script: 'latin', value: 'Pak Sun-hui' }], phones: [] },
      attributes: IN_SHELTER,
    })
    expect(person.status).toBe(201)
    const kase = await request('POST', '/cases', {
      personId: kept.id,
      type: 'medical',
      openedOn: '2026-05-01',
      summary: 'needs a doctor',
    })
    expect(kase.status).toBe(201)
    expect(
      (
        await request('POST', `/cases/${kase.body.id}/entries`, {
          kind: 'note',
          occurredOn: '2026-05-02',
          text: 'seen',
        })
      ).status,
    ).toBe(201)
    expect(codes((await request('GET', '/people?q=Pak')).body)).toEqual([person.body.code])
  })

  async function rowCounts() {
    const db = ctx.database().db
    const count = async (
      table:
        | 'people'
        | 'cases'
        | 'case_entries'
        | 'follow_ups'
        | 'incidents'
        | 'referrals'
        | 'person_links',
    ) =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      )
    return {
      people: await count('people'),
      cases: await count('cases'),
      entries: await count('case_entries'),
      followUps: await count('follow_ups'),
      incidents: await count('incidents'),
      referrals: await count('referrals'),
      links: await count('person_links'),
      version: (
        await db
          .selectFrom('people')
          .select('version')
          .where('id', '=', gone.id)
          .executeTakeFirstOrThrow()
      ).version,
    }
  }
})
