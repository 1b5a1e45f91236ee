import { beforeAll, expect, it } from 'vitest'
import { z } from 'zod'
import { describeEachDialect } from '../../test/support/dialects.js'
import { buildCompartment, buildUser, signIn } from '../../test/support/factories.js'
import { testAppContext, testApps } from '../../test/support/test-app.js'
import type { AppContext } from '../app-context.js'
import type { CompartmentsTable } from '../compartments/compartment-tables.js'
import { errors } from '../http/errors.js'
import { type AnyApiRoute, defineRoute, inCompartment } from './api-route.js'

/**
 * The route engine authorizes what a route declares before its handler runs. These routes are
 * made up for the test (people's policy: caseworkers may update a person, field workers only see
 * one); each handler counts its calls, so a refusal that reached a handler would show.
 */
let handled = 0
const rows = new Map<string, { id: string; compartment_id: string }>()
const idParams = z.strictObject({ id: z.string() })

const ROUTES: readonly AnyApiRoute[] = [
  defineRoute({
    method: 'patch',
    path: '/test/people/:id',
    summary: 'A record route: loaded, then authorized',
    tag: 'test',
    access: {
      kind: 'policy',
      entity: 'Person',
      action: 'update',
      load: ({ params }) => {
        const row = rows.get(params.id)
        if (!row) throw errors.notFound()
        return row
      },
      record: inCompartment,
    },
    params: idParams,
    response: z.object({ id: z.string() }),
    async handle({ record }) {
      handled += 1
      return { id: record.id }
    },
  }),
  defineRoute({
    method: 'get',
    path: '/test/people',
    summary: 'A list route: its scope from the policy',
    tag: 'test',
    access: {
      kind: 'policy',
      entity: 'Person',
      action: 'update',
      scope: 'compartments',
      only: ({ query }) => query.compartmentId,
    },
    query: z.strictObject({ compartmentId: z.string().optional() }),
    response: z.object({ scope: z.array(z.string()) }),
    async handle({ scope }) {
      handled += 1
      return { scope: [...scope] }
    },
  }),
  defineRoute({
    method: 'post',
    path: '/test/people/:id/again',
    summary: 'A handler that asks the declared question again',
    tag: 'test',
    access: {
      kind: 'policy',
      entity: 'Person',
      action: 'update',
      load: ({ params }) => rows.get(params.id) ?? { id: '', compartment_id: '' },
      record: inCompartment,
    },
    params: idParams,
    response: z.object({ ok: z.boolean() }),
    async handle({ record, authorize }) {
      authorize('update', 'Person', inCompartment(record))
      return { ok: true }
    },
  }),
]

describeEachDialect('authorization declared on the route', (ctx) => {
  let app: AppContext
  let own: CompartmentsTable
  let other: CompartmentsTable
  const call = async (role: 'caseworker' | 'field_worker', method: string, path: string) => {
    const user = await buildUser(app, { grants: [{ role, compartmentId: own.id }] })
    const session = await signIn(app, user)
    const res = await testApps(app, ROUTES).staff.request(`/api/v1${path}`, {
      method,
      headers: { Origin: 'http://localhost:3000', ...session.headers },
    })
    return { status: res.status, body: (await res.json()) as Record<string, unknown> }
  }

  beforeAll(async () => {
    await ctx.reset()
    app = testAppContext(ctx.database())
    own = await buildCompartment(app)
    other = await buildCompartment(app)
    rows.set('mine', { id: 'mine', compartment_id: own.id })
    rows.set('theirs', { id: 'theirs', compartment_id: other.id })
  })

  it('loads the record, asks the policy, and hands the handler what it loaded', async () => {
    handled = 0
    expect(await call('caseworker', 'PATCH', '/test/people/mine')).toEqual({
      status: 200,
      body: { id: 'mine' },
    })
    expect(handled).toBe(1)
  })

  it('refuses before the handler runs: 404 for a missing record or an unseen compartment, 403 for a visible one', async () => {
    handled = 0
    expect((await call('caseworker', 'PATCH', '/test/people/nobody')).status).toBe(404)
    expect((await call('caseworker', 'PATCH', '/test/people/theirs')).status).toBe(404)
    const seen = await call('field_worker', 'PATCH', '/test/people/mine')
    expect([seen.status, (seen.body.error as { code: string }).code]).toEqual([403, 'forbidden'])
    expect(handled).toBe(0)
  })

  it('gives a list route the compartments where the policy allows the action, and authorizes one asked for', async () => {
    expect((await call('caseworker', 'GET', '/test/people')).body).toEqual({ scope: [own.id] })
    expect((await call('field_worker', 'GET', '/test/people')).body).toEqual({ scope: [] })
    expect((await call('caseworker', 'GET', `/test/people?compartmentId=${own.id}`)).body).toEqual({
      scope: [own.id],
    })
    expect((await call('caseworker', 'GET', `/test/people?compartmentId=${other.id}`)).status).toBe(
      404,
    )
    expect((await call('field_worker', 'GET', `/test/people?compartmentId=${own.id}`)).status).toBe(
      403,
    )
  })

  it('fails a handler that asks the declared question again, instead of answering', async () => {
    expect((await call('caseworker', 'POST', '/test/people/mine/again')).status).toBe(500)
  })
})
