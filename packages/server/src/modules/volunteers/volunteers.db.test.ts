import { fiscalYear } from '@haven/core/site/fiscal-year'
import { beforeEach, expect, it } from 'vitest'
import { describeEachDialect } from '../../../test/support/dialects.js'
import { buildCompartment, buildUser, signIn } from '../../../test/support/factories.js'
import { testAppContext, testApps } from '../../../test/support/test-app.js'
import type { AppContext } from '../../app-context.js'
import type { FigureValue } from '../../figures.js'
import { volunteersModule } from './index.js'
import { ensureVolunteersCompartment } from './volunteers-compartment.js'

const byLabel = (value: FigureValue | undefined) => {
  if (value === undefined || typeof value === 'number') throw new Error('not a table')
  const labels = value.dimensions[0]?.labels ?? []
  return Object.fromEntries(labels.map((l, i) => [l, value.values[i]]))
}

describeEachDialect('volunteers and interns through the API', (ctx) => {
  let app: AppContext
  let compartmentId: string
  let coordinator: Record<string, string>
  let caseworker: Record<string, string>
  let elsewhere: Record<string, string>
  let fieldWorker: Record<string, string>

  beforeEach(async () => {
    await ctx.reset()
    app = testAppContext(ctx.database(), { now: () => new Date('2006-05-19T12:00:00Z') })
    compartmentId = await ensureVolunteersCompartment(app)
    const other = (await buildCompartment(app)).id
    const user = async (
      role: 'coordinator' | 'caseworker' | 'field_worker',
      where: string | null,
    ) =>
      (await signIn(app, await buildUser(app, { grants: [{ role, compartmentId: where }] })))
        .headers
    coordinator = await user('coordinator', compartmentId)
    caseworker = await user('caseworker', compartmentId)
    fieldWorker = await user('field_worker', compartmentId)
    elsewhere = await user('coordinator', other)
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
  const apply = (body: Record<string, unknown> = {}) =>
    request(coordinator, 'POST', '/volunteers', {
      compartmentId,
      name: 'Synthetic Intern',
      email: 'intern@example.org',
      appliedOn: '2006-04-10',
      languages: [
        { language: 'zh', level: 'fluent' },
        { language: 'ko', level: 'conversational' },
        { language: 'en', level: 'basic' },
      ],
      skills: ['interpreting'],
      availableDays: ['tue', 'sat'],
      hoursPerWeek: 8,
      ...body,
    })
  const setStatus = async (v: { id: string }, status: string) => {
    const current = await ok(await request(coordinator, 'GET', `/volunteers/${v.id}`))
    return ok(
      await request(coordinator, 'POST', `/volunteers/${v.id}/status`, {
        status,
        version: current.version,
      }),
    )
  }

  it('records an application with its contact details sealed, and every look at them audited', async () => {
    const v = await ok(await apply(), 201)
    expect(v).toMatchObject({
      code: 'VOL-001',
      status: 'applied',
      languages: [
        { language: 'zh', level: 'fluent' },
        { language: 'ko', level: 'conversational' },
        { language: 'en', level: 'basic' },
      ],
      availableDays: ['tue', 'sat'],
      hoursLogged: 0,
      name: { state: 'shown', value: 'Synthetic Intern' },
    })
    expect((await ok(await apply(), 201)).code).toBe('VOL-002')
    const db = app.database.db
    for (const stored of await db.selectFrom('volunteers').select(['name', 'email']).execute()) {
      expect(stored.name).not.toContain('Synthetic')
      expect(stored.email).not.toContain('example')
    }
    // A field worker in the compartment is not let in; a coordinator elsewhere finds nothing.
    expect((await request(fieldWorker, 'GET', `/volunteers/${v.id}`)).status).toBe(403)
    expect((await request(elsewhere, 'GET', `/volunteers/${v.id}`)).status).toBe(404)
    expect((await ok(await request(elsewhere, 'GET', '/volunteers'))).total).toBe(0)
    await ok(await request(caseworker, 'GET', `/volunteers/${v.id}`))
    const reads = await db
      .selectFrom('audit_log')
      .select(['details', 'compartment_id'])
      .where('action', '=', 'volunteers.identity_read')
      .execute()
    // The answer to the first application, then the caseworker's look (the second application's
    // answer too): three, none holding what it opened.
    expect(reads).toHaveLength(3)
    for (const r of reads) {
      expect(r.compartment_id).toBe(compartmentId)
      expect(r.details).not.toContain('Synthetic')
      expect(r.details).not.toContain('example')
    }
  })

  it('lists by code with status and language filters and paging', async () => {
    await ok(await apply(), 201)
    await ok(await apply({ languages: [{ language: 'ja', level: 'native' }] }), 201)
    const all = await ok(await request(caseworker, 'GET', '/volunteers'))
    expect(all).toMatchObject({ total: 2, page: 1, pageSize: 50 })
    expect(all.rows.map((r: { code: string }) => r.code)).toEqual(['VOL-001', 'VOL-002'])
    expect(JSON.stringify(all)).not.toContain('Synthetic')
    const korean = await ok(await request(caseworker, 'GET', '/volunteers?language=ko'))
    expect(korean.rows.map((r: { code: string }) => r.code)).toEqual(['VOL-001'])
    expect((await ok(await request(caseworker, 'GET', '/volunteers?status=active'))).total).toBe(0)
  })

  it('screens before work: assignments and hours only once active; stale versions refused', async () => {
    const v = await ok(await apply(), 201)
    const early = await ok(
      await request(coordinator, 'POST', `/volunteers/${v.id}/hours`, {
        on: '2006-05-01',
        hours: 2,
      }),
      422,
    )
    expect(early.error.fields.status).toContain('active volunteer')
    await setStatus(v, 'screening')
    const stale = await ok(
      await request(coordinator, 'POST', `/volunteers/${v.id}/status`, {
        status: 'active',
        version: 1,
      }),
      409,
    )
    expect(stale.error.code).toBe('version_conflict')
    await setStatus(v, 'active')

    const unknownEvent = await ok(
      await request(coordinator, 'POST', `/volunteers/${v.id}/assignments`, {
        kind: 'event',
        eventId: 'nope',
        label: 'Interpreting',
        startsOn: '2006-05-01',
      }),
      422,
    )
    expect(unknownEvent.error.fields).toHaveProperty('eventId')
    const assigned = await ok(
      await request(coordinator, 'POST', `/volunteers/${v.id}/assignments`, {
        kind: 'class',
        label: 'Korean class, Saturdays',
        startsOn: '2006-05-01',
      }),
      201,
    )
    const assignment = assigned.assignments[0]
    await ok(
      await request(coordinator, 'POST', `/volunteers/${v.id}/hours`, {
        on: '2006-05-06',
        hours: 2.5,
        assignmentId: assignment.id,
      }),
      201,
    )
    const bad = await ok(
      await request(coordinator, 'POST', `/volunteers/${v.id}/hours`, {
        on: '2006-05-20',
        hours: 1.1,
      }),
      422,
    )
    expect(Object.keys(bad.error.fields).sort()).toEqual(['hours'])
    const future = await ok(
      await request(coordinator, 'POST', `/volunteers/${v.id}/hours`, {
        on: '2006-05-20',
        hours: 1,
      }),
      422,
    )
    expect(future.error.fields).toHaveProperty('on')
    const seen = await ok(await request(coordinator, 'GET', `/volunteers/${v.id}`))
    expect(seen.hoursLogged).toBe(2.5)
    expect(seen.hours).toEqual([
      { id: expect.any(String), on: '2006-05-06', hours: 2.5, assignmentId: assignment.id },
    ])
    // Refused writes left nothing behind.
    expect(await app.database.db.selectFrom('volunteer_hours').selectAll().execute()).toHaveLength(
      1,
    )
  })

  it('gives the annual report hours and volunteers by language for the fiscal year', async () => {
    const a = await ok(await apply(), 201)
    const b = await ok(await apply({ languages: [{ language: 'ko', level: 'native' }] }), 201)
    for (const v of [a, b]) await setStatus(v, 'active')
    for (const [v, on, hours] of [
      [a, '2006-03-31', 3], // FY2005
      [a, '2006-04-01', 2], // FY2006
      [b, '2006-04-02', 1.5],
      [b, '2006-05-01', 1],
    ] as const)
      await ok(await request(coordinator, 'POST', `/volunteers/${v.id}/hours`, { on, hours }), 201)
    const figure = (key: string) => volunteersModule.figures?.find((f) => f.key === key)
    const fy2006 = fiscalYear(2006)
    expect(await figure('volunteers.hours')?.compute(app.database.db, fy2006)).toBe(4)
    expect(
      byLabel(await figure('volunteers.people.by-language')?.compute(app.database.db, fy2006)),
    ).toEqual({ zh: 1, ko: 2, ja: 0, en: 0, other: 0 })
    expect(await figure('volunteers.hours')?.compute(app.database.db, fiscalYear(2005))).toBe(3)
  })
})
