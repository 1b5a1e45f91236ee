import { beforeEach, expect, it } from 'vitest'
import type { AppContext } from '../src/app-context.js'
import { openCase } from '../src/modules/people/case-service.js'
import { countCases, setCaseRestriction } from '../src/modules/people/case-store.js'
import { describeEachDialect } from './support/dialects.js'
import { buildCompartment, buildUser, signIn } from './support/factories.js'
import { buildCase, buildPerson } from './support/people-factories.js'
import { staffApi } from './support/staff-api.js'
import { testAppContext } from './support/test-app.js'

interface CasesPage {
  cases: { code: string; assigneeId: string | null }[]
  nextCursor: string | null
  total: number
  totalCapped: boolean
}

// Issue #15: 4 of 29 demo cases were unreachable (no count, no "More"), and one look at the
// list wrote 25 audit entries.
describeEachDialect('the cases list: count, paging and one audit entry per look', (ctx) => {
  let app: AppContext
  beforeEach(async () => {
    await ctx.reset()
    app = testAppContext(ctx.database(), { now: () => new Date('2026-06-01T10:00:00Z') })
  })
  const api = staffApi(() => app)

  it('counts every case, pages past 25 to the last one, and audits each page as one look', async () => {
    const north = await buildCompartment(app, 'NOR-01')
    const south = await buildCompartment(app, 'SOU-01')
    for (let i = 0; i < 29; i++)
      await buildCase(app, await buildPerson(app, (i % 2 === 0 ? north : south).id))
    const coordinator = await buildUser(app, {
      grants: [{ role: 'coordinator', compartmentId: null }],
    })
    const { headers } = await signIn(app, coordinator)

    const first = await api.get('/cases', headers)
    expect(first.status).toBe(200)
    const one = (await first.json()) as CasesPage
    expect(one.total).toBe(29)
    expect(one.totalCapped).toBe(false)
    expect(one.cases).toHaveLength(25)
    expect(one.nextCursor).not.toBeNull()
    const second = (await (
      await api.get(`/cases?cursor=${encodeURIComponent(one.nextCursor ?? '')}`, headers)
    ).json()) as CasesPage
    expect(second.total).toBe(29)
    expect(second.cases).toHaveLength(4)
    expect(second.nextCursor).toBeNull()
    const codes = new Set([...one.cases, ...second.cases].map((c) => c.code))
    expect(codes.size).toBe(29)

    const db = ctx.database().db
    const perRow = await db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'case.sealed_read')
      .execute()
    expect(perRow).toHaveLength(0)
    const looks = await db
      .selectFrom('audit_log')
      .select(['actor_id', 'compartment_id', 'details'])
      .where('action', '=', 'case.list_sealed_read')
      .execute()
    expect(looks).toHaveLength(2)
    const firstLook = JSON.parse(looks[0]?.details ?? '{}') as { codes: string[] }
    expect(firstLook.codes).toEqual(one.cases.map((c) => c.code))
    expect(looks.every((l) => l.actor_id === coordinator.id)).toBe(true)
  })

  it('counts what the filters match, only in the caller’s compartments', async () => {
    const north = await buildCompartment(app, 'NOR-01')
    const south = await buildCompartment(app, 'SOU-01')
    for (let i = 0; i < 3; i++) await buildCase(app, await buildPerson(app, north.id))
    await buildCase(app, await buildPerson(app, south.id))
    const worker = await buildUser(app, {
      grants: [{ role: 'caseworker', compartmentId: north.id }],
    })
    const { headers } = await signIn(app, worker)
    const all = (await (await api.get('/cases', headers)).json()) as CasesPage
    expect(all.total).toBe(3)
    const medical = (await (await api.get('/cases?type=medical', headers)).json()) as CasesPage
    expect(medical.total).toBe(3)
    const other = (await (await api.get('/cases?type=protection', headers)).json()) as CasesPage
    expect(other.total).toBe(0)
    // Two pages showed summaries, filed under the one compartment they came from; the empty
    // page showed nothing sealed, so it wrote nothing.
    const looks = await ctx
      .database()
      .db.selectFrom('audit_log')
      .select('compartment_id')
      .where('action', '=', 'case.list_sealed_read')
      .execute()
    expect(looks.map((l) => l.compartment_id)).toEqual([north.id, north.id])
  })

  it('lists "my cases": those assigned to the caller, counted, and nobody else’s', async () => {
    const north = await buildCompartment(app, 'NOR-01')
    const mine = await buildUser(app, { grants: [{ role: 'caseworker', compartmentId: north.id }] })
    const colleague = await buildUser(app, {
      grants: [{ role: 'caseworker', compartmentId: north.id }],
    })
    const by = { actorId: null, requestId: null }
    for (const [i, assignee] of [mine, mine, colleague, null].entries()) {
      const person = await buildPerson(app, north.id)
      await openCase(
        app,
        person,
        {
          personId: person.id,
          type: 'protection',
          priority: i === 0 ? 'urgent' : 'normal',
          assigneeId: assignee?.id ?? null,
          openedOn: '2026-01-05',
        },
        by,
      )
    }
    const { headers } = await signIn(app, mine)
    const page = (await (await api.get('/cases?assignee=me', headers)).json()) as CasesPage
    expect(page.total).toBe(2)
    expect(page.cases.map((c) => c.assigneeId)).toEqual([mine.id, mine.id])
    const all = (await (await api.get('/cases', headers)).json()) as CasesPage
    expect(all.total).toBe(4)
    const bad = await api.get('/cases?assignee=someone', headers)
    expect(bad.status).toBe(422)
  })

  it('counts up to a cap, and leaves out a restricted case by its id as by its row', async () => {
    const north = await buildCompartment(app, 'NOR-01')
    const cases = []
    for (let i = 0; i < 4; i++) cases.push(await buildCase(app, await buildPerson(app, north.id)))
    const flagged = cases[0]
    if (!flagged) throw new Error('no case')
    const db = ctx.database().db
    await setCaseRestriction(db, flagged.id, 'medical_sensitive', '2026-06-01T10:00:00Z')
    const worker = await buildUser(app, {
      grants: [{ role: 'caseworker', compartmentId: north.id }],
    })
    const { headers } = await signIn(app, worker)
    const page = (await (await api.get('/cases', headers)).json()) as CasesPage
    expect([page.total, page.totalCapped]).toEqual([3, false])
    expect(page.cases.map((c) => c.code)).not.toContain(flagged.code)

    const compartmentIds = [north.id]
    const byRow = { userId: worker.id, openIn: [] }
    const byId = { ...byRow, hidden: [flagged.id] }
    for (const viewer of [byRow, byId]) {
      expect(await countCases(db, { compartmentIds, viewer })).toEqual({ total: 3, capped: false })
      expect(await countCases(db, { compartmentIds, viewer }, 3)).toEqual({
        total: 3,
        capped: false,
      })
      expect(await countCases(db, { compartmentIds, viewer }, 2)).toEqual({
        total: 2,
        capped: true,
      })
    }
    // A coordinator of the compartment sees the flagged case: nothing hidden from her.
    const coordinator = await buildUser(app, {
      grants: [{ role: 'coordinator', compartmentId: north.id }],
    })
    const hers = await signIn(app, coordinator)
    const all = (await (await api.get('/cases', hers.headers)).json()) as CasesPage
    expect(all.total).toBe(4)
  })
})
