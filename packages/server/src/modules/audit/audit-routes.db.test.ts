import { beforeEach, expect, it } from 'vitest'
import { describeEachDialect } from '../../../test/support/dialects.js'
import { buildCompartment, buildUser, signIn } from '../../../test/support/factories.js'
import { buildCase, buildPerson } from '../../../test/support/people-factories.js'
import { testAppContext, testApps } from '../../../test/support/test-app.js'
import { audit } from '../../auth/auth-audit.js'

interface AuditPage {
  entries: {
    action: string
    actorLoginName: string | null
    entityType: string | null
    entityCode: string | null
  }[]
  nextBefore: number | null
  total: number
  totalCapped: boolean
}

describeEachDialect('audit log filters', (ctx) => {
  beforeEach(() => ctx.reset())

  it('filters by the actor’s login name, which is all an auditor knows of them', async () => {
    const app = testAppContext(ctx.database())
    const db = app.database.db
    const auditor = await buildUser(app, {
      loginName: 'tomoko',
      grants: [{ role: 'auditor', compartmentId: null }],
    })
    const hanako = await buildUser(app, { loginName: 'hanako' })
    const jiro = await buildUser(app, { loginName: 'jiro' })
    await audit(
      app,
      db,
      { actorId: hanako.id, action: 'account.updated', requestId: null },
      { actorId: jiro.id, action: 'account.updated', requestId: null },
      { actorId: hanako.id, action: 'auth.logout', requestId: null },
    )
    const { headers } = await signIn(app, auditor)
    const { staff } = testApps(app)
    const get = async (query: string) => {
      const response = await staff.request(`/api/v1/audit?${query}`, { headers })
      expect(response.status).toBe(200)
      return (await response.json()) as AuditPage
    }

    const byHanako = await get('actor=Hanako')
    expect(byHanako.entries.map((e) => [e.actorLoginName, e.action])).toEqual([
      ['hanako', 'auth.logout'],
      ['hanako', 'account.updated'],
    ])
    expect(byHanako.nextBefore).toBeNull()
    expect((await get('actor=hanako&action=auth.logout')).entries).toHaveLength(1)
    // Someone who does not exist, or a name that contradicts the id given, matches nothing.
    expect((await get('actor=nobody')).entries).toEqual([])
    expect((await get(`actor=hanako&actorId=${jiro.id}`)).entries).toEqual([])
    expect((await get(`actor=jiro&actorId=${jiro.id}`)).entries).toHaveLength(1)
  })

  // Issue #15: the count was of the page shown, and the record column showed a type and a UUID.
  it('counts every matching entry, not the page, and names records by their code', async () => {
    const app = testAppContext(ctx.database())
    const db = app.database.db
    const north = await buildCompartment(app, 'NOR-01')
    const auditor = await buildUser(app, { grants: [{ role: 'auditor', compartmentId: null }] })
    const person = await buildPerson(app, north.id)
    const kase = await buildCase(app, person)
    await audit(
      app,
      db,
      ...Array.from({ length: 5 }, () => ({
        actorId: auditor.id,
        action: 'case.sealed_read',
        entityType: 'Case',
        entityId: kase.id,
        requestId: null,
      })),
    )
    const { headers } = await signIn(app, auditor)
    const { staff } = testApps(app)
    const get = async (query: string) => {
      const response = await staff.request(`/api/v1/audit?${query}`, { headers })
      expect(response.status).toBe(200)
      return (await response.json()) as AuditPage
    }
    const page = await get('action=case.sealed_read&limit=2')
    expect(page.entries).toHaveLength(2)
    expect(page.total).toBe(5)
    expect(page.totalCapped).toBe(false)
    expect(page.entries.map((e) => [e.entityType, e.entityCode])).toEqual([
      ['Case', kase.code],
      ['Case', kase.code],
    ])
    // The second page counts the same whole; the person's entry carries the person's code.
    expect((await get(`action=case.sealed_read&limit=2&before=${page.nextBefore}`)).total).toBe(5)
    const opened = await get('action=person.created')
    expect(opened.entries.map((e) => e.entityCode)).toEqual([person.code])
    expect(JSON.stringify(opened)).not.toContain('Test Person')
  })

  it('names an account by its login name and a compartment by its code, never by a UUID', async () => {
    const app = testAppContext(ctx.database())
    const db = app.database.db
    const north = await buildCompartment(app, 'NOR-07')
    const auditor = await buildUser(app, { grants: [{ role: 'auditor', compartmentId: null }] })
    const kenji = await buildUser(app, { loginName: 'kenji' })
    await audit(
      app,
      db,
      {
        actorId: auditor.id,
        action: 'account.updated',
        entityType: 'User',
        entityId: kenji.id,
        requestId: null,
      },
      {
        actorId: auditor.id,
        action: 'compartment.updated',
        entityType: 'Compartment',
        entityId: north.id,
        requestId: null,
      },
    )
    const { headers } = await signIn(app, auditor)
    const { staff } = testApps(app)
    const response = await staff.request(`/api/v1/audit?actorId=${auditor.id}`, { headers })
    expect(response.status).toBe(200)
    const page = (await response.json()) as AuditPage
    const named = page.entries.filter(
      (e) => e.entityType === 'User' || e.entityType === 'Compartment',
    )
    expect(named.map((e) => [e.entityType, e.entityCode]).sort()).toEqual([
      ['Compartment', 'NOR-07'],
      ['User', 'kenji'],
    ])
    // The display name may be a person's name: the log never shows it.
    expect(JSON.stringify(page)).not.toContain('Test kenji')
  })
})
