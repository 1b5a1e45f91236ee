import type { Role } from '@haven/core/auth/roles'
import type { CaseType } from '@haven/core/people/case-schema'
import { fiscalYear } from '@haven/core/site/fiscal-year'
import { beforeEach, expect, it } from 'vitest'
import type { AppContext } from '../src/app-context.js'
import { createCompartment } from '../src/compartments/compartment-service.js'
import { MODULES } from '../src/modules/index.js'
import { openCase } from '../src/modules/people/case-service.js'
import { ensureResettlementCompartment } from '../src/modules/resettlement/resettlement-compartment.js'
import { describeEachDialect } from './support/dialects.js'
import { buildCompartment, buildUser, signIn } from './support/factories.js'
import { buildPerson } from './support/people-factories.js'
import { testAppContext, testApps } from './support/test-app.js'

const BY = { actorId: null, requestId: null }

describeEachDialect('resettlement pathways through the API', (ctx) => {
  let app: AppContext
  let shelterId: string
  let restrictedId: string
  let headers: Record<string, string>

  const request = (method: string, path: string, body?: unknown, as = headers) =>
    testApps(app).staff.request(`/api/v1${path}`, {
      method,
      headers: { ...as, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })

  async function userWith(grants: { role: Role; compartmentId: string | null }[]) {
    return (await signIn(app, await buildUser(app, { grants }))).headers
  }

  async function resettlementCase(type: CaseType = 'resettlement', compartmentId = shelterId) {
    const person = await buildPerson(app, compartmentId)
    return openCase(
      app,
      person,
      { personId: person.id, type, priority: 'normal', assigneeId: null, openedOn: '2005-05-01' },
      BY,
    )
  }

  async function open(body: Record<string, unknown>) {
    const res = await request('POST', '/resettlement/pathways', {
      compartmentId: restrictedId,
      route: 'unhcr',
      on: '2005-06',
      precision: 'month',
      ...body,
    })
    expect(res.status, JSON.stringify(await res.clone().json())).toBe(201)
    return res.json()
  }

  async function move(id: string, version: number, change: Record<string, unknown>) {
    return request('POST', `/resettlement/pathways/${id}/stages`, {
      version,
      precision: 'month',
      ...change,
    })
  }

  beforeEach(async () => {
    await ctx.reset()
    app = testAppContext(ctx.database(), { now: () => new Date('2006-06-01T10:00:00Z') })
    shelterId = (await buildCompartment(app)).id
    restrictedId = await ensureResettlementCompartment(app)
    headers = await userWith([
      { role: 'caseworker', compartmentId: shelterId },
      { role: 'caseworker', compartmentId: restrictedId },
    ])
  })

  it('moves a case through its stages, keeps each with its month, and audits every change', async () => {
    const kase = await resettlementCase()
    const opened = await open({ caseId: kase.id, route: 'consulate', routeCountry: 'JP' })
    expect(opened).toMatchObject({
      caseCode: kase.code,
      route: 'consulate',
      routeCountry: 'JP',
      stage: 'intake',
      stageOn: '2005-06',
      version: 1,
      actions: ['update'],
    })
    let version = opened.version
    for (const [stage, on, country] of [
      ['protection_requested', '2005-07', null],
      ['under_protection', '2005-08', null],
      ['in_transit', '2005-10', null],
      ['arrived', '2005-11', null],
      ['resettled', '2006-02', 'JP'],
    ] as const) {
      const res = await move(opened.id, version, { stage, on, country })
      expect(res.status, JSON.stringify(await res.clone().json())).toBe(200)
      version = (await res.json()).version
    }
    const seen = await (await request('GET', `/resettlement/pathways/${opened.id}`)).json()
    expect(seen).toMatchObject({ stage: 'resettled', country: 'JP', stageOn: '2006-02' })
    expect(seen.stages.map((s: { stage: string }) => s.stage)).toEqual([
      'intake',
      'protection_requested',
      'under_protection',
      'in_transit',
      'arrived',
      'resettled',
    ])
    const audit = await app.database.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id', 'compartment_id', 'details'])
      .where('action', 'like', 'resettlement.%')
      .execute()
    expect(audit.map((a) => a.action)).toEqual([
      'resettlement.pathway_created',
      ...Array(5).fill('resettlement.stage_changed'),
    ])
    expect(audit.every((a) => a.entity_id === opened.id && a.compartment_id === restrictedId)).toBe(
      true,
    )
    // An edit from an old version is refused, and says so.
    const stale = await move(opened.id, 1, { stage: 'follow_up', on: '2006-03' })
    expect([stale.status, (await stale.json()).error.code]).toEqual([409, 'version_conflict'])
  })

  it('refuses bad input with field messages and writes nothing', async () => {
    const kase = await resettlementCase()
    const base = {
      compartmentId: restrictedId,
      caseId: kase.id,
      route: 'unhcr',
      on: '2005-06',
      precision: 'month',
    }
    for (const [body, field] of [
      [{ ...base, description: 'over the river near the bridge' }, ''],
      [{ ...base, route: 'consulate' }, 'routeCountry'],
      [{ ...base, routeCountry: 'JP' }, 'routeCountry'],
      [{ ...base, routeCountry: 'Tokyo' }, 'routeCountry'],
      [{ ...base, on: '2005-06-14' }, 'on'],
      [{ ...base, on: '2005', precision: 'month' }, 'on'],
      [{ ...base, on: '2007-01' }, 'on'],
      [{ ...base, compartmentId: shelterId }, 'compartmentId'],
      [{ ...base, caseId: (await resettlementCase('medical')).id }, 'caseId'],
    ] as const) {
      const res = await request('POST', '/resettlement/pathways', body)
      const answer = await res.json()
      expect([res.status, answer.error.code], JSON.stringify(body)).toEqual([
        422,
        'validation_failed',
      ])
      if (field) expect(Object.keys(answer.error.fields), JSON.stringify(body)).toContain(field)
    }
    expect(await app.database.db.selectFrom('resettlement_pathways').selectAll().execute()).toEqual(
      [],
    )

    const opened = await open({ caseId: kase.id })
    const twice = await request('POST', '/resettlement/pathways', base)
    expect([twice.status, (await twice.json()).error.code]).toEqual([409, 'pathway_exists'])
    for (const [change, field] of [
      [{ stage: 'intake', on: '2005-07' }, 'stage'],
      [{ stage: 'arrived', on: '2005-05' }, 'on'],
      [{ stage: 'arrived', on: '2004', precision: 'year' }, 'on'],
      [{ stage: 'resettled', on: '2006-01' }, 'country'],
      [{ stage: 'arrived', on: '2006-01', country: 'KR' }, 'country'],
      [{ stage: 'arrived', on: '2006-09' }, 'on'],
    ] as const) {
      const res = await move(opened.id, 1, change)
      const answer = await res.json()
      expect([res.status, answer.error.code], JSON.stringify(change)).toEqual([
        422,
        'validation_failed',
      ])
      expect(Object.keys(answer.error.fields), JSON.stringify(change)).toContain(field)
    }
    const stages = await app.database.db.selectFrom('resettlement_stages').selectAll().execute()
    expect(stages.map((s) => s.stage)).toEqual(['intake'])
  })

  it('hides pathways from everyone without a grant in the restricted compartment itself', async () => {
    const kase = await resettlementCase()
    const opened = await open({ caseId: kase.id, route: 'underground' })
    const outsiders = {
      // works the case in the shelter, but holds nothing in the resettlement compartment
      'shelter caseworker': await userWith([{ role: 'caseworker', compartmentId: shelterId }]),
      // organisation-wide grants do not open a restricted compartment
      'coordinator everywhere': await userWith([{ role: 'coordinator', compartmentId: null }]),
      'caseworker everywhere': await userWith([{ role: 'caseworker', compartmentId: null }]),
      administrator: await userWith([{ role: 'administrator', compartmentId: null }]),
    }
    for (const [who, as] of Object.entries(outsiders)) {
      const one = await request('GET', `/resettlement/pathways/${opened.id}`, undefined, as)
      expect([one.status, (await one.json()).error.code], who).toEqual([404, 'not_found'])
      const moved = await request(
        'POST',
        `/resettlement/pathways/${opened.id}/stages`,
        { version: 1, stage: 'in_transit', on: '2005-09', precision: 'month' },
        as,
      )
      expect(moved.status, who).toBe(404)
      for (const query of ['', '?route=underground', '?stage=intake']) {
        const list = await request('GET', `/resettlement/pathways${query}`, undefined, as)
        expect(list.status, who).toBe(200)
        expect(await list.json(), who).toEqual({ items: [], total: 0 })
      }
    }
    // A field worker granted there sees that the compartment exists but not the journeys.
    const fieldWorker = await userWith([{ role: 'field_worker', compartmentId: restrictedId }])
    const refused = await request(
      'GET',
      `/resettlement/pathways/${opened.id}`,
      undefined,
      fieldWorker,
    )
    expect(refused.status).toBe(403)
    // A worker of the resettlement compartment cannot open a pathway for a case they cannot see.
    const elsewhere = await resettlementCase('resettlement', (await buildCompartment(app)).id)
    const hidden = await request('POST', '/resettlement/pathways', {
      compartmentId: restrictedId,
      caseId: elsewhere.id,
      route: 'unhcr',
      on: '2005-06',
      precision: 'month',
    })
    expect(hidden.status).toBe(404)
    // Those who hold the grant find it by its filters, with a count and pages.
    const found = await (await request('GET', '/resettlement/pathways?route=underground')).json()
    expect(found).toMatchObject({
      total: 1,
      items: [{ id: opened.id, personCode: expect.any(String) }],
    })
    expect(await (await request('GET', '/resettlement/pathways?route=unhcr')).json()).toEqual({
      items: [],
      total: 0,
    })
  })

  it('keeps people and cases of the restricted compartment from organisation-wide grants: not found by id, search or list', async () => {
    const kase = await resettlementCase('resettlement', restrictedId)
    const person = await app.database.db
      .selectFrom('people')
      .select(['id', 'code'])
      .where('id', '=', kase.person_id)
      .executeTakeFirstOrThrow()
    const inShelter = await resettlementCase('protection', shelterId)
    const everywhere = {
      'coordinator everywhere': await userWith([{ role: 'coordinator', compartmentId: null }]),
      'caseworker everywhere': await userWith([{ role: 'caseworker', compartmentId: null }]),
    }
    for (const [who, as] of Object.entries(everywhere)) {
      for (const path of [`/people/${person.id}`, `/cases/${kase.id}`]) {
        const one = await request('GET', path, undefined, as)
        expect([one.status, (await one.json()).error.code], `${who} ${path}`).toEqual([
          404,
          'not_found',
        ])
      }
      const byCode = await (await request('GET', `/people?q=${person.code}`, undefined, as)).json()
      expect(byCode, who).toMatchObject({ total: 0, people: [] })
      const cases = await (await request('GET', '/cases?type=resettlement', undefined, as)).json()
      expect(cases, who).toMatchObject({ total: 0, cases: [] })
      // The shelters' people and cases they still reach.
      expect((await request('GET', `/cases/${inShelter.id}`, undefined, as)).status, who).toBe(200)
    }
    // Whoever holds a grant there finds them.
    const byCode = await (await request('GET', `/people?q=${person.code}`)).json()
    expect(byCode).toMatchObject({ total: 1 })
    expect((await request('GET', `/cases/${kase.id}`)).status).toBe(200)
  })

  it('offers the year’s people protected and resettled by route as protected-people measures', async () => {
    const paths: [string, string | null, [string, string, string | null][]][] = [
      [
        'unhcr',
        null,
        [
          ['under_protection', '2005-05', null],
          ['resettled', '2005-12', 'KR'],
        ],
      ],
      [
        'unhcr',
        null,
        [
          ['under_protection', '2005-06', null],
          ['resettled', '2006-04', 'KR'],
        ],
      ],
      [
        'consulate',
        'JP',
        [
          ['under_protection', '2005-04', null],
          ['resettled', '2006-03', 'JP'],
        ],
      ],
      [
        'underground',
        null,
        [
          ['under_protection', '2005-03', null],
          ['resettled', '2005-07', 'KR'],
        ],
      ],
    ]
    for (const [route, routeCountry, stages] of paths) {
      const kase = await resettlementCase()
      const opened = await open({ caseId: kase.id, route, routeCountry, on: '2005-01' })
      let version = opened.version
      for (const [stage, on, country] of stages) {
        const res = await move(opened.id, version, { stage, on, country })
        expect(res.status).toBe(200)
        version = (await res.json()).version
      }
    }
    const figures = MODULES.flatMap((m) => m.figures ?? [])
    const compute = (key: string) =>
      figures.find((f) => f.key === key)?.compute(app.database.db, fiscalYear(2005))
    const routes = ['unhcr', 'consulate', 'underground', 'third_country', 'other']
    for (const route of routes)
      expect(
        figures.find((f) => f.key === `resettlement.protected.route.${route.replaceAll('_', '-')}`)
          ?.sensitivity,
      ).toBe('people-protected')
    const byRoute = (stage: string) =>
      Promise.all(
        routes.map((route) => compute(`resettlement.${stage}.route.${route.replaceAll('_', '-')}`)),
      )
    // The underground one was under protection in March, the year before.
    expect(await byRoute('protected')).toEqual([2, 1, 0, 0, 0])
    // April 2006 belongs to the next fiscal year.
    expect(await byRoute('resettled')).toEqual([1, 1, 1, 0, 0])
  })

  it('keeps pathways only in programme compartments (the default one is made at start)', async () => {
    const again = await ensureResettlementCompartment(app)
    expect(again).toBe(restrictedId)
    const other = await createCompartment(
      app,
      app.database.db,
      { code: 'RST-2', name: 'Resettlement 2', kind: 'programme' },
      BY,
    )
    const as = await userWith([
      { role: 'caseworker', compartmentId: shelterId },
      { role: 'coordinator', compartmentId: other.id },
    ])
    const kase = await resettlementCase()
    const res = await request(
      'POST',
      '/resettlement/pathways',
      { compartmentId: other.id, caseId: kase.id, route: 'other', on: '2006', precision: 'year' },
      as,
    )
    expect(res.status).toBe(201)
    // Not visible to the first compartment's worker.
    expect(await (await request('GET', '/resettlement/pathways')).json()).toEqual({
      items: [],
      total: 0,
    })
  })
})
