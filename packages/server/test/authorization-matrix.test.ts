import { readdirSync } from 'node:fs'
import { ORGANISATION_ROLES, ROLES, type Role } from '@haven/core/auth/roles'
import { beforeAll, describe, expect, it } from 'vitest'
import type { AnyApiRoute } from '../src/api/api-route.js'
import { apiRoutes } from '../src/api/api-routes.js'
import type { AppContext } from '../src/app-context.js'
import type { CompartmentsTable } from '../src/compartments/compartment-tables.js'
import { MODULES } from '../src/modules/index.js'
import { describeEachDialect } from './support/dialects.js'
import { buildCompartment, buildUser, signIn } from './support/factories.js'
import type { Call, MatrixModule, MatrixRow, Others } from './support/matrix.js'
import { testAppContext, testApps } from './support/test-app.js'

/**
 * Every route × every role × (a record in the caller's compartment / in another compartment /
 * no grant at all) → the expected allow or deny, on both databases.
 *
 * The expectations are written by hand, independently of the policy files, one file per module
 * in `matrix/` (the platform's own routes in `matrix/platform.ts`): a policy that grants too
 * much fails this test just like a route that forgets to ask the policy.
 */

/**
 * Error codes that mean "access refused"; any other answer (a 422 for a made-up body, a 404 for a
 * made-up id of one's own) means the route let the caller in.
 */
const ACCESS_DENIED = ['unauthenticated', 'forbidden', 'second_factor_required', 'reauth_required']
const refusedFor = (body: unknown) =>
  ACCESS_DENIED.includes((body as { error?: { code?: string } } | null)?.error?.code ?? '')

const ROUTES = apiRoutes(MODULES)

/** Every module's matrix file (`matrix/<module>.ts`), read from the folder. */
const MATRIX_FILES: readonly MatrixModule[] = await Promise.all(
  readdirSync(new URL('./matrix/', import.meta.url))
    .flatMap((name) => (name.endsWith('.ts') ? [name.slice(0, -3)] : []))
    .sort()
    .map(
      async (name) => ((await import(`./matrix/${name}.ts`)) as { matrix: MatrixModule }).matrix,
    ),
)

/** One row per route, keyed `METHOD /path` exactly as declared. */
const MATRIX: Record<string, MatrixRow> = {}
for (const file of MATRIX_FILES)
  for (const [routeKey, row] of Object.entries(file.rows)) {
    if (MATRIX[routeKey]) throw new Error(`two matrix rows for ${routeKey}`)
    MATRIX[routeKey] = row
  }

const key = (route: AnyApiRoute) => `${route.method.toUpperCase()} ${route.path}`

describe('authorization matrix coverage', () => {
  it('has a row for every route, and no row for a route that does not exist', () => {
    const routes = ROUTES.map(key).sort()
    expect(Object.keys(MATRIX).sort()).toEqual(routes)
  })

  it('agrees with each route’s declared access kind', () => {
    for (const route of ROUTES) {
      const row = MATRIX[key(route)]
      const declared = route.access.kind
      const expected =
        row?.scope.kind === 'public'
          ? 'public'
          : row?.scope.kind === 'self'
            ? 'signed-in'
            : 'policy'
      expect(declared, key(route)).toBe(expected)
    }
  })
})

/** Where a role is held for a test: organisation roles organisation-wide, the others in `own`. */
function grantFor(role: Role, own: CompartmentsTable) {
  return { role, compartmentId: ORGANISATION_ROLES.includes(role) ? null : own.id }
}

function isSuccess(status: number) {
  return status >= 200 && status < 300
}

describeEachDialect('authorization matrix', (ctx) => {
  let app: AppContext
  let own: CompartmentsTable
  let other: CompartmentsTable
  let others: Others
  beforeAll(async () => {
    await ctx.reset()
    app = testAppContext(ctx.database(), { now: () => new Date('2026-06-01T10:00:00Z') })
    own = await buildCompartment(app)
    other = await buildCompartment(app)
    // Something of everything in both compartments (each module's seed), so lists have something to leak.
    for (const c of [own, other]) {
      const made: Record<string, string> = {}
      for (const file of MATRIX_FILES) Object.assign(made, await file.seed?.(app, c))
      if (c === other) others = { compartment: other, ids: made }
    }
  })

  async function call(route: AnyApiRoute, headers: Record<string, string>, made: Call) {
    const apps = testApps(app)
    const res = await apps.staff.request(`/api/v1${made.path}`, {
      method: route.method.toUpperCase(),
      headers: {
        Origin: 'http://localhost:3000',
        ...(made.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...(made.raw ? { 'Content-Type': 'application/octet-stream' } : {}),
        ...headers,
      },
      ...(made.body !== undefined ? { body: JSON.stringify(made.body) } : {}),
      ...(made.raw ? { body: made.raw as Uint8Array<ArrayBuffer> } : {}),
    })
    const type = res.headers.get('Content-Type') ?? ''
    return {
      status: res.status,
      body: type.includes('json') ? await res.json().catch(() => null) : null,
    }
  }

  for (const route of ROUTES) {
    const row = MATRIX[key(route)]
    if (!row) continue
    const { scope } = row

    if (scope.kind === 'public') {
      it(`${key(route)} works without a session`, async () => {
        const caller = await buildUser(app)
        const res = await call(route, {}, await row.call({ app, own, other, target: own, caller }))
        expect(refusedFor(res.body), JSON.stringify(res.body)).toBe(false)
      })
      continue
    }

    it(`${key(route)} refuses a caller without a session (401)`, async () => {
      const caller = await buildUser(app)
      const res = await call(route, {}, await row.call({ app, own, other, target: own, caller }))
      expect(res.status).toBe(401)
      expect(res.body?.error?.code).toBe('unauthenticated')
    })

    if (scope.kind === 'self') {
      it(`${key(route)} is open to every signed-in role${scope.secondStep ? ' only while finishing a sign-in' : ''}`, async () => {
        for (const role of [...ROLES, null]) {
          const caller = await buildUser(app, { grants: role ? [grantFor(role, own)] : [] })
          const session = await signIn(app, caller, {
            stage: scope.secondStep ? 'mfa_pending' : 'active',
          })
          const res = await call(
            route,
            session.headers,
            await row.call({ app, own, other, target: own, caller }),
          )
          expect(refusedFor(res.body), `${role}: ${JSON.stringify(res.body)}`).toBe(false)
          if (scope.secondStep) {
            const full = await signIn(app, caller)
            const refused = await call(
              route,
              full.headers,
              await row.call({ app, own, other, target: own, caller }),
            )
            expect(refused.status).toBe(403)
            expect(refused.body?.error?.code).toBe('second_factor_required')
          }
        }
      })
      continue
    }

    for (const role of [...ROLES, null] as const) {
      const label = role ?? 'no grant'
      if (scope.kind === 'org') {
        const allowed = scope.allow === 'everyone' || (role !== null && scope.allow.includes(role))
        it(`${key(route)} × ${label} → ${allowed ? 'allowed' : '403'}`, async () => {
          const caller = await buildUser(app, { grants: role ? [grantFor(role, own)] : [] })
          const session = await signIn(app, caller)
          const res = await call(
            route,
            session.headers,
            await row.call({ app, own, other, target: own, caller }),
          )
          if (allowed)
            expect(isSuccess(res.status), `${res.status} ${JSON.stringify(res.body)}`).toBe(true)
          else expect([res.status, res.body?.error?.code]).toEqual([403, 'forbidden'])
        })
      } else if (scope.kind === 'compartment-list') {
        it(`${key(route)} × ${label} → lists nothing from another compartment`, async () => {
          const caller = await buildUser(app, { grants: role ? [grantFor(role, own)] : [] })
          const session = await signIn(app, caller)
          const res = await call(
            route,
            session.headers,
            await row.call({ app, own, other, target: own, caller }),
          )
          expect(isSuccess(res.status)).toBe(true)
          // Administrators see every compartment's metadata by design; nobody else sees `other`.
          if (role !== 'administrator') expect(scope.leaks(res.body, others)).toBe(false)
        })
      } else {
        for (const where of ['own', 'other'] as const) {
          const orgHeld = role !== null && ORGANISATION_ROLES.includes(role)
          // Compartment roles see `own` only; organisation roles hold no compartment at all.
          const visible = role !== null && !orgHeld && where === 'own'
          const allowed =
            role !== null && scope.allow.includes(role) && (orgHeld || where === 'own')
          const expected = allowed ? 'allowed' : visible ? '403' : '404'
          it(`${key(route)} × ${label} × ${where} compartment → ${expected}`, async () => {
            const caller = await buildUser(app, { grants: role ? [grantFor(role, own)] : [] })
            const session = await signIn(app, caller)
            const target = where === 'own' ? own : other
            const res = await call(
              route,
              session.headers,
              await row.call({ app, own, other, target, caller }),
            )
            if (expected === 'allowed')
              expect(isSuccess(res.status), `${res.status} ${JSON.stringify(res.body)}`).toBe(true)
            else
              expect([res.status, res.body?.error?.code]).toEqual(
                expected === '403' ? [403, 'forbidden'] : [404, 'not_found'],
              )
          })
        }
      }
    }
  }

  it('refuses every re-authentication route when the last confirmation is older than 5 minutes', async () => {
    for (const route of ROUTES.filter((r) => r.reauth)) {
      const row = MATRIX[key(route)]
      if (!row) continue
      const caller = await buildUser(app, {
        grants: [{ role: 'administrator', compartmentId: null }],
      })
      const session = await signIn(app, caller, { reauth: false })
      const res = await call(
        route,
        session.headers,
        await row.call({ app, own, other, target: own, caller }),
      )
      expect(res.status, key(route)).toBe(403)
      expect(res.body?.error?.code, key(route)).toBe('reauth_required')
    }
  })
})
