import type { Role } from '@haven/core/auth/roles'
import { beforeEach, expect, it } from 'vitest'
import type { AppContext } from '../src/app-context.js'
import { openCase } from '../src/modules/people/case-service.js'
import type { CasesTable, PeopleTable } from '../src/modules/people/people-tables.js'
import { describeEachDialect } from './support/dialects.js'
import { buildCompartment, buildUser, signIn } from './support/factories.js'
import { buildPerson } from './support/people-factories.js'
import { testAppContext, testApps } from './support/test-app.js'

const BY = { actorId: null, requestId: null }

/**
 * A sensitive medical flag restricts who sees the case (people's case-restriction.ts): its
 * assignee and the compartment's coordinators. A caseworker of the same shelter finds it by no
 * path — direct read, lists, "my cases", counts, search, export, the field pull — until a
 * coordinator lifts it.
 */
describeEachDialect('a case restricted by a sensitive medical flag', (ctx) => {
  let app: AppContext
  let shelterId: string
  let coordinator: Record<string, string>
  let assignee: Record<string, string>
  let colleague: Record<string, string>
  let colleagueId: string
  let fieldWorker: Record<string, string>
  let person: PeopleTable
  let kase: CasesTable

  const request = (method: string, path: string, as: Record<string, string>, body?: unknown) =>
    testApps(app).staff.request(`/api/v1${path}`, {
      method,
      headers: { ...as, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
  const json = async (method: string, path: string, as: Record<string, string>, body?: unknown) => {
    const res = await request(method, path, as, body)
    expect(res.status, `${method} ${path}`).toBeLessThan(300)
    return res.json()
  }

  async function user(role: Role) {
    const made = await buildUser(app, { grants: [{ role, compartmentId: shelterId }] })
    return { id: made.id, headers: (await signIn(app, made, { reauth: true })).headers }
  }

  /** Everything the colleague can learn of the case, path by path (true: seen there). */
  async function whatTheColleagueSees() {
    const status = async (path: string) => (await request('GET', path, colleague)).status
    const has = (body: unknown) => JSON.stringify(body).includes(kase.code)
    const listed = await json('GET', '/cases', colleague)
    const ofPerson = await json('GET', `/cases?personId=${person.id}`, colleague)
    const queue = await json('GET', '/work-queue', colleague)
    const overdue = await json('GET', '/follow-ups/overdue', colleague)
    const search = await json('GET', `/people?caseType=medical&q=${person.code}`, colleague)
    const exported = await request('POST', '/exports/cases', colleague, {})
    expect(exported.status).toBe(200)
    return {
      read: await status(`/cases/${kase.id}`),
      timeline: await status(`/cases/${kase.id}/timeline`),
      followUps: await status(`/cases/${kase.id}/follow-ups`),
      kits: await status(`/medical/cases/${kase.id}/kits`),
      list: has(listed.cases),
      listTotal: listed.total,
      personCases: ofPerson.total,
      workQueue: has(queue.followUps),
      overdue: has(overdue),
      search: search.total,
      export: (await exported.text()).includes(kase.code),
    }
  }

  const SEEN = {
    read: 200,
    timeline: 200,
    followUps: 200,
    kits: 200,
    list: true,
    listTotal: 1,
    personCases: 1,
    workQueue: true,
    overdue: true,
    search: 1,
    export: true,
  }
  const HIDDEN = {
    read: 404,
    timeline: 404,
    followUps: 404,
    kits: 404,
    list: false,
    listTotal: 0,
    personCases: 0,
    workQueue: false,
    overdue: false,
    search: 0,
    export: false,
  }

  async function pulledCaseIds(headers: Record<string, string>): Promise<string[]> {
    const device = await json('POST', '/field/devices', headers, { name: 'Phone' })
    const pulled = await json('GET', `/field/sync/pull?deviceId=${device.id}`, headers)
    return pulled.cases.map((c: { id: string }) => c.id)
  }

  const openCount = async (as: Record<string, string>) =>
    (await json('GET', `/people?q=${person.code}`, as)).people[0]?.openCases

  beforeEach(async () => {
    await ctx.reset()
    app = testAppContext(ctx.database(), { now: () => new Date('2006-06-01T10:00:00Z') })
    shelterId = (await buildCompartment(app)).id
    coordinator = (await user('coordinator')).headers
    const a = await user('caseworker')
    assignee = a.headers
    const b = await user('caseworker')
    colleague = b.headers
    colleagueId = b.id
    fieldWorker = (await user('field_worker')).headers
    person = await buildPerson(app, shelterId)
    kase = await openCase(
      app,
      person,
      {
        personId: person.id,
        type: 'medical',
        priority: 'normal',
        assigneeId: a.id,
        openedOn: '2005-09-01',
      },
      BY,
    )
    // The colleague holds a follow-up of the case, overdue: her work queue and the overdue list.
    await json('POST', `/cases/${kase.id}/follow-ups`, coordinator, {
      title: 'Bring the hospital letter',
      dueOn: '2006-05-20',
      assigneeId: colleagueId,
    })
  })

  it('hides the case from a caseworker of the same shelter on every path, and shows it again when lifted', async () => {
    expect(await whatTheColleagueSees()).toEqual(SEEN)
    expect(await pulledCaseIds(fieldWorker)).toContain(kase.id)
    expect(await openCount(colleague)).toBe(1)

    const flagged = await request('POST', '/medical/treatments', coordinator, {
      caseId: kase.id,
      kind: 'hospital',
      provider: 'Partner hospital',
      startedOn: '2006-01',
      flags: ['torture_survivor'],
    })
    expect(flagged.status).toBe(201)

    expect(await whatTheColleagueSees()).toEqual(HIDDEN)
    expect(await pulledCaseIds(fieldWorker)).not.toContain(kase.id)
    // The person's open-case count would tell it exists: restricted cases are not counted.
    expect(await openCount(colleague)).toBe(0)
    // Its assignee and the coordinators still work it.
    for (const as of [assignee, coordinator]) {
      expect((await request('GET', `/cases/${kase.id}`, as)).status).toBe(200)
      expect((await json('GET', '/cases', as)).total).toBe(1)
    }
    expect(JSON.stringify((await json('GET', '/work-queue', assignee)).cases)).toContain(kase.code)
    // A caseworker cannot lift it (she may not flag either); the assignee may not either.
    expect(
      (
        await request('PUT', `/medical/cases/${kase.id}/restriction`, assignee, {
          restricted: false,
          reason: 'flagged_in_error',
        })
      ).status,
    ).toBe(403)
    expect(
      (
        await request('PUT', `/medical/cases/${kase.id}/restriction`, colleague, {
          restricted: false,
          reason: 'flagged_in_error',
        })
      ).status,
    ).toBe(404)

    // A lift needs a reason among the lifting ones.
    for (const body of [
      { restricted: false },
      { restricted: false, reason: 'safety_risk' },
      { restricted: false, reason: 'family told me' },
    ]) {
      const res = await request('PUT', `/medical/cases/${kase.id}/restriction`, coordinator, body)
      expect(res.status, JSON.stringify(body)).toBe(422)
      expect((await res.json()).error.fields.reason).toBeTruthy()
    }
    expect((await request('GET', `/cases/${kase.id}`, colleague)).status).toBe(404)
    expect((await json('GET', `/cases/${kase.id}`, coordinator)).restricted).toBe(true)

    const lifted = await request('PUT', `/medical/cases/${kase.id}/restriction`, coordinator, {
      restricted: false,
      reason: 'flagged_in_error',
    })
    expect(lifted.status).toBe(200)
    expect((await json('GET', `/cases/${kase.id}`, colleague)).restricted).toBe(false)
    expect(await whatTheColleagueSees()).toEqual(SEEN)
    expect(await openCount(colleague)).toBe(1)

    const audit = await app.database.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id', 'details'])
      .where('action', 'in', ['case.restricted', 'case.unrestricted'])
      .orderBy('seq')
      .execute()
    expect(audit.map((r) => [r.action, r.entity_id])).toEqual([
      ['case.restricted', kase.id],
      ['case.unrestricted', kase.id],
    ])
    expect(JSON.stringify(audit)).toContain('medical_sensitive')
    expect(JSON.stringify(audit[1])).toContain('flagged_in_error')
    expect(JSON.stringify(audit)).not.toContain('torture')
  })

  it('refuses to restrict a case that is not medical, and writes nothing', async () => {
    const other = await openCase(
      app,
      person,
      {
        personId: person.id,
        type: 'education',
        priority: 'normal',
        assigneeId: null,
        openedOn: '2005-09-01',
      },
      BY,
    )
    const res = await request('PUT', `/medical/cases/${other.id}/restriction`, coordinator, {
      restricted: true,
      reason: 'sensitive_condition',
    })
    expect(res.status).toBe(422)
    expect((await request('GET', `/cases/${other.id}`, colleague)).status).toBe(200)
    const bad = await request('PUT', `/medical/cases/${kase.id}/restriction`, coordinator, {
      restricted: 'yes',
      reason: 'sensitive_condition',
    })
    expect(bad.status).toBe(422)
    expect((await request('GET', `/cases/${kase.id}`, colleague)).status).toBe(200)
  })

  it('links an incident to a restricted case only for those who see it; others get the 404 of a case that is not there', async () => {
    const restrict = await request('PUT', `/medical/cases/${kase.id}/restriction`, coordinator, {
      restricted: true,
      reason: 'safety_risk',
    })
    expect(restrict.status).toBe(200)
    const incident = (caseId: string) => ({
      compartmentId: shelterId,
      type: 'medical_emergency',
      occurredOn: '2006-05',
      datePrecision: 'month',
      region: 'Jilin',
      severity: 'high',
      personIds: [person.id],
      caseId,
    })
    const count = async () =>
      (await app.database.db.selectFrom('incidents').select('id').execute()).length

    const hidden = await request('POST', '/incidents', colleague, incident(kase.id))
    const missing = await request('POST', '/incidents', colleague, incident('no-such-case'))
    expect(hidden.status).toBe(404)
    expect(missing.status).toBe(404)
    // The same answer but for the request id each error carries.
    const body = async (res: Response) => {
      const { error } = await res.json()
      return { ...error, requestId: undefined }
    }
    expect(await body(hidden)).toEqual(await body(missing))
    expect(await count()).toBe(0)

    // The assignee and the coordinator see the case, so they may link it.
    for (const as of [assignee, coordinator])
      expect((await request('POST', '/incidents', as, incident(kase.id))).status).toBe(201)
    expect(await count()).toBe(2)
    // The colleague's incident log does not point at the case she may not see.
    const log = await json('GET', '/incidents', colleague)
    expect(log.map((i: { caseId: string | null }) => i.caseId)).toEqual([null, null])
    const theirs = await json('GET', '/incidents', coordinator)
    expect(theirs.map((i: { caseId: string | null }) => i.caseId)).toEqual([kase.id, kase.id])

    // Lifted: the colleague links it too.
    await json('PUT', `/medical/cases/${kase.id}/restriction`, coordinator, {
      restricted: false,
      reason: 'no_longer_sensitive',
    })
    expect((await request('POST', '/incidents', colleague, incident(kase.id))).status).toBe(201)
  })
})
