import { beforeEach, expect, it } from 'vitest'
import type { AppContext } from '../src/app-context.js'
import { openCase } from '../src/modules/people/case-service.js'
import { describeEachDialect } from './support/dialects.js'
import { buildCompartment, buildUser, signIn } from './support/factories.js'
import { buildCase, buildFollowUp, buildPerson } from './support/people-factories.js'
import { staffApi } from './support/staff-api.js'
import { testAppContext } from './support/test-app.js'

const BY = { actorId: null, requestId: null }

// Issue #15: every case said "Caseworker: Not given"; the API took any assigneeId, told nobody,
// and no one had a work queue or a caseload.
describeEachDialect('case assignment, the work queue and the caseload', (ctx) => {
  let app: AppContext
  beforeEach(async () => {
    await ctx.reset()
    app = testAppContext(ctx.database(), { now: () => new Date('2026-06-01T10:00:00Z') })
  })
  const api = staffApi(() => app)

  it('assigns a case to someone who works cases there, tells them, and audits it', async () => {
    const north = await buildCompartment(app, 'NOR-01')
    const south = await buildCompartment(app, 'SOU-01')
    const lead = await buildUser(app, { grants: [{ role: 'caseworker', compartmentId: north.id }] })
    const colleague = await buildUser(app, {
      grants: [{ role: 'caseworker', compartmentId: north.id }],
    })
    const elsewhere = await buildUser(app, {
      grants: [{ role: 'caseworker', compartmentId: south.id }],
    })
    const driver = await buildUser(app, {
      grants: [{ role: 'field_worker', compartmentId: north.id }],
    })
    const orgWide = await buildUser(app, { grants: [{ role: 'coordinator', compartmentId: null }] })
    const kase = await buildCase(app, await buildPerson(app, north.id))
    const { headers } = await signIn(app, lead)

    const candidates = (await (await api.get(`/cases/${kase.id}/assignees`, headers)).json()) as {
      id: string
    }[]
    const offered = candidates.map((c) => c.id)
    expect(offered).toEqual(expect.arrayContaining([lead.id, colleague.id, orgWide.id]))
    expect(offered).not.toContain(elsewhere.id)
    expect(offered).not.toContain(driver.id)

    // Someone from another shelter, or who does not work cases: 422 with a code, nothing written.
    for (const wrong of [elsewhere.id, driver.id, 'no-such-user']) {
      const refused = await api.send(
        'PATCH',
        `/cases/${kase.id}`,
        { version: 1, assigneeId: wrong },
        headers,
      )
      expect(refused.status).toBe(422)
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe(
        'assignee_not_in_compartment',
      )
    }
    const db = ctx.database().db
    expect(
      (await db.selectFrom('cases').select('version').where('id', '=', kase.id).executeTakeFirst())
        ?.version,
    ).toBe(1)
    expect(await db.selectFrom('notifications').select('id').execute()).toHaveLength(0)

    const done = await api.send(
      'PATCH',
      `/cases/${kase.id}`,
      { version: 1, assigneeId: colleague.id },
      headers,
    )
    expect(done.status).toBe(200)
    expect(((await done.json()) as { assigneeName: string | null }).assigneeName).toBe(
      `Test ${colleague.loginName}`,
    )
    const notices = await db.selectFrom('notifications').selectAll().execute()
    expect(notices.map((n) => [n.user_id, n.kind, n.subject_code])).toEqual([
      [colleague.id, 'case_assigned', kase.code],
    ])
    const entry = await db
      .selectFrom('audit_log')
      .select(['actor_id', 'details'])
      .where('action', '=', 'case.updated')
      .where('entity_id', '=', kase.id)
      .executeTakeFirstOrThrow()
    expect(entry.actor_id).toBe(lead.id)
    expect(JSON.parse(entry.details ?? '{}')).toMatchObject({
      assigneeId: colleague.id,
      previousAssigneeId: null,
    })

    // Opening a case for someone of another shelter is refused the same way.
    const person = await buildPerson(app, north.id)
    const opened = await api.post(
      '/cases',
      { personId: person.id, type: 'protection', assigneeId: elsewhere.id, openedOn: '2026-05-01' },
      headers,
    )
    expect(opened.status).toBe(422)
    expect(
      await db.selectFrom('cases').select('id').where('person_id', '=', person.id).execute(),
    ).toHaveLength(0)
  })

  it('gives a caseworker her work queue: her open cases urgent first, her follow-ups due', async () => {
    const north = await buildCompartment(app, 'NOR-01')
    const me = await buildUser(app, { grants: [{ role: 'caseworker', compartmentId: north.id }] })
    const other = await buildUser(app, {
      grants: [{ role: 'caseworker', compartmentId: north.id }],
    })
    const open = async (assigneeId: string | null, priority: 'urgent' | 'normal' | 'high') => {
      const person = await buildPerson(app, north.id)
      return openCase(
        app,
        person,
        { personId: person.id, type: 'protection', priority, assigneeId, openedOn: '2026-05-01' },
        BY,
      )
    }
    const normal = await open(me.id, 'normal')
    const urgent = await open(me.id, 'urgent')
    const high = await open(me.id, 'high')
    const theirs = await open(other.id, 'urgent')
    await buildFollowUp(app, normal, '2026-05-20') // overdue
    await buildFollowUp(app, high, '2026-06-05') // due within the week
    await buildFollowUp(app, high, '2026-07-01') // later: not yet
    await buildFollowUp(app, theirs, '2026-05-20') // someone else's
    const { headers } = await signIn(app, me)
    const queue = (await (await api.get('/work-queue', headers)).json()) as {
      cases: { id: string }[]
      openTotal: number
      followUps: { caseId: string; dueOn: string; overdue: boolean }[]
    }
    expect(queue.cases.map((c) => c.id)).toEqual([urgent.id, high.id, normal.id])
    expect(queue.openTotal).toBe(3)
    expect(queue.followUps.map((f) => [f.caseId, f.dueOn, f.overdue])).toEqual([
      [normal.id, '2026-05-20', true],
      [high.id, '2026-06-05', false],
    ])
  })

  it('shows a coordinator the caseload of each caseworker, in her compartments only', async () => {
    const north = await buildCompartment(app, 'NOR-01')
    const south = await buildCompartment(app, 'SOU-01')
    const worker = await buildUser(app, {
      grants: [{ role: 'caseworker', compartmentId: north.id }],
    })
    const coordinator = await buildUser(app, {
      grants: [{ role: 'coordinator', compartmentId: north.id }],
    })
    for (const [compartment, assignee, priority] of [
      [north.id, worker.id, 'urgent'],
      [north.id, worker.id, 'normal'],
      [north.id, null, 'normal'],
      [south.id, null, 'urgent'],
    ] as const) {
      const person = await buildPerson(app, compartment)
      await openCase(
        app,
        person,
        {
          personId: person.id,
          type: 'protection',
          priority,
          assigneeId: assignee,
          openedOn: '2026-05-01',
        },
        BY,
      )
    }
    const { headers } = await signIn(app, coordinator)
    const load = (await (await api.get('/caseload', headers)).json()) as {
      compartmentCode: string
      assigneeId: string | null
      open: number
      urgent: number
    }[]
    expect(load.map((r) => [r.compartmentCode, r.assigneeId, r.open, r.urgent])).toEqual([
      ['NOR-01', worker.id, 2, 1],
      ['NOR-01', null, 1, 0],
    ])
    // A caseworker coordinates nothing: an empty caseload, not someone else's.
    const mine = await api.get('/caseload', (await signIn(app, worker)).headers)
    expect(await mine.json()).toEqual([])
  })

  it('prints a case summary with the identity only for those who may identify, and audits it', async () => {
    const north = await buildCompartment(app, 'NOR-01')
    const worker = await buildUser(app, {
      grants: [{ role: 'caseworker', compartmentId: north.id }],
    })
    const driver = await buildUser(app, {
      grants: [{ role: 'field_worker', compartmentId: north.id }],
    })
    const person = await buildPerson(app, north.id, {
      names: [{ script: 'latin', value: 'Kim Sun-hee' }],
    })
    const kase = await buildCase(app, person)
    const db = ctx.database().db
    const printed = () =>
      db
        .selectFrom('audit_log')
        .select(['actor_id', 'entity_id', 'details'])
        .where('action', '=', 'case.printed_with_identity')
        .execute()

    const refused = await api.post(
      `/cases/${kase.id}/print-identity`,
      {},
      (await signIn(app, driver)).headers,
    )
    expect(refused.status).toBe(403)
    expect(await printed()).toHaveLength(0)

    const shown = await api.post(
      `/cases/${kase.id}/print-identity`,
      {},
      (await signIn(app, worker)).headers,
    )
    expect(shown.status).toBe(200)
    const body = (await shown.json()) as { state: string; identity: { names: { value: string }[] } }
    expect(body.identity.names.map((n) => n.value)).toEqual(['Kim Sun-hee'])
    const entries = await printed()
    expect(entries.map((e) => [e.actor_id, e.entity_id])).toEqual([[worker.id, kase.id]])
    // The log names the person by code, never by name.
    expect(entries[0]?.details).toContain(person.code)
    expect(entries[0]?.details).not.toContain('Kim')
  })
})
