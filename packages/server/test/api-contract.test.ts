import { beforeEach, expect, it } from 'vitest'
import { z } from 'zod'
import { defineRoute } from '../src/api/api-route.js'
import type { AppContext } from '../src/app-context.js'
import { describeEachDialect } from './support/dialects.js'
import { buildCompartment, buildUser, signIn } from './support/factories.js'
import { buildCase, buildFollowUp, buildPerson } from './support/people-factories.js'
import { staffApi } from './support/staff-api.js'
import { testAppContext, testApps } from './support/test-app.js'

type Operation = { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }
type Document = { paths: Record<string, Record<string, Operation>> }

/** The success body's schema of one operation, as the served document states it. */
function successSchema(document: Document, method: string, path: string): z.ZodType {
  const operation = document.paths[path]?.[method]
  const success = Object.entries(operation?.responses ?? {}).find(([s]) => /^2\d\d$/.test(s))
  const schema = success?.[1].content?.['application/json']?.schema
  if (!schema) throw new Error(`No JSON success answer for ${method} ${path}`)
  return z.fromJSONSchema(schema as Parameters<typeof z.fromJSONSchema>[0])
}

// The app's types are generated from /api/v1/openapi.json (scripts/api-types.ts); here real
// answers on a real database are checked against that same document, so the types and what the
// server sends cannot drift apart unnoticed.
describeEachDialect('the API answers what its OpenAPI document says', (ctx) => {
  let app: AppContext
  beforeEach(async () => {
    await ctx.reset()
    app = testAppContext(ctx.database(), { now: () => new Date('2026-06-01T10:00:00Z') })
  })
  const api = staffApi(() => app)

  it('the people and cases answers the staff app reads match their schemas', async () => {
    const north = await buildCompartment(app, 'NOR-01')
    const person = await buildPerson(app, north.id)
    const kase = await buildCase(app, person)
    await buildFollowUp(app, kase)
    const coordinator = await buildUser(app, {
      grants: [{ role: 'coordinator', compartmentId: null }],
    })
    const { headers } = await signIn(app, coordinator)
    const document = (await (await api.get('/openapi.json')).json()) as Document

    const calls: [template: string, address: string][] = [
      ['/people', '/people?names=1'],
      ['/people/{id}', `/people/${person.id}`],
      ['/cases', '/cases'],
      ['/cases/{id}', `/cases/${kase.id}`],
      ['/cases/{id}/follow-ups', `/cases/${kase.id}/follow-ups`],
      ['/cases/{id}/timeline', `/cases/${kase.id}/timeline`],
      ['/cases/{id}/assignees', `/cases/${kase.id}/assignees`],
      ['/work-queue', '/work-queue'],
      ['/caseload', '/caseload'],
      ['/compartments', '/compartments'],
      ['/incidents', '/incidents'],
    ]
    for (const [template, address] of calls) {
      const response = await api.get(address, headers)
      expect(response.status, address).toBe(200)
      const body: unknown = await response.json()
      const checked = successSchema(document, 'get', template).safeParse(body)
      expect(checked.success, `${address}: ${checked.error?.message ?? ''}`).toBe(true)
    }

    // And the same check refuses an answer that drifted: a field gone, or one the document lacks.
    const body = (await (await api.get(`/cases/${kase.id}`, headers)).json()) as Record<
      string,
      unknown
    >
    const schema = successSchema(document, 'get', '/cases/{id}')
    expect(schema.safeParse(body).success).toBe(true)
    const { personCode: _gone, ...missing } = body
    expect(schema.safeParse(missing).success).toBe(false)
    expect(schema.safeParse({ ...body, status: 'reopened' }).success).toBe(false)
    expect(schema.safeParse({ ...body, personName: 'Ana' }).success).toBe(false)
  })

  it('the account, session and sponsorship-flows answers match their schemas', async () => {
    const coordinator = await buildUser(app, {
      grants: [{ role: 'coordinator', compartmentId: null }],
    })
    const { headers } = await signIn(app, coordinator)
    const document = (await (await api.get('/openapi.json')).json()) as Document
    const calls: [template: string, address: string][] = [
      ['/auth/session', '/auth/session'],
      ['/account', '/account'],
      ['/account/sessions', '/account/sessions'],
      ['/notifications', '/notifications'],
      ['/sponsorship/flows', '/sponsorship/flows?year=2025'],
    ]
    for (const [template, address] of calls) {
      const response = await api.get(address, headers)
      expect(response.status, address).toBe(200)
      const checked = successSchema(document, 'get', template).safeParse(await response.json())
      expect(checked.success, `${address}: ${checked.error?.message ?? ''}`).toBe(true)
    }

    // The document names every reason a child left, as core's Flows does: one missing, or one
    // core does not know, is off the document.
    const flows = (await (await api.get('/sponsorship/flows?year=2025', headers)).json()) as {
      total: { leftByReason: Record<string, number> }
    }
    const schema = successSchema(document, 'get', '/sponsorship/flows')
    const { moved: _gone, ...fewer } = flows.total.leftByReason
    expect(Object.keys(flows.total.leftByReason)).toContain('moved')
    expect(
      schema.safeParse({ ...flows, total: { ...flows.total, leftByReason: fewer } }).success,
    ).toBe(false)
    const more = { ...flows.total.leftByReason, fled: 1 }
    expect(
      schema.safeParse({ ...flows, total: { ...flows.total, leftByReason: more } }).success,
    ).toBe(false)
  })

  it('a handler that answers off its declared schema is refused, not sent', async () => {
    const drifted = defineRoute({
      method: 'get',
      path: '/drifted',
      summary: 'A route whose handler drifted from its response schema',
      tag: 'test',
      access: { kind: 'public', why: 'test route' },
      response: z.object({ code: z.string(), total: z.number() }),
      handle: async () =>
        ({ code: 'NOR-01', totl: 3 }) as unknown as { code: string; total: number },
    })
    const response = await testApps(app, [drifted]).staff.request('/api/v1/drifted')
    expect(response.status).toBe(500)
    const text = await response.text()
    expect(text).not.toContain('NOR-01')
    expect(text).not.toContain('totl')
  })
})
