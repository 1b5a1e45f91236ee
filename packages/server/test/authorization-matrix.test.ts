import { ORGANISATION_ROLES, ROLES, type Role } from '@haven/core/auth/roles'
import { beforeAll, describe, expect, it } from 'vitest'
import { ALL_ROUTES } from '../src/api/all-routes.js'
import type { AnyApiRoute } from '../src/api/api-route.js'
import type { AppContext } from '../src/app-context.js'
import type { CompartmentsTable } from '../src/compartments/compartment-tables.js'
import { startRotation } from '../src/crypto/key-rotation.js'
import { newId } from '../src/db/ids.js'
import { updateCase } from '../src/modules/people/case-service.js'
import { recordIncident } from '../src/modules/people/incident-service.js'
import { linkPeople } from '../src/modules/people/person-relations.js'
import { compromiseShelter } from '../src/modules/shelters/shelter-compromise.js'
import { findShelter } from '../src/modules/shelters/shelter-store.js'
import { createPolicy, recordDistribution } from '../src/modules/supplies/distribution-service.js'
import { createItem, createLocation } from '../src/modules/supplies/stock-service.js'
import { describeEachDialect } from './support/dialects.js'
import { buildCompartment, buildUser, signIn, type TestUser } from './support/factories.js'
import {
  buildAttachment,
  buildCase,
  buildFollowUp,
  buildPerson,
  tinyPng,
} from './support/people-factories.js'
import {
  buildResident,
  buildShelter,
  copyGrants,
  ensureShelter,
  uniqueShelterCode,
} from './support/shelter-factories.js'
import {
  buildContactMessage,
  buildEntry,
  buildFaqGroup,
  testPngBase64,
  testSlug,
} from './support/site-factories.js'
import { testAppContext, testApps } from './support/test-app.js'

/**
 * Every route × every role × (a record in the caller's compartment / in another compartment /
 * no grant at all) → the expected allow or deny, on both databases.
 *
 * The expectations are written here, by hand, independently of the policy files: a policy that
 * grants too much fails this test just like a route that forgets to ask the policy.
 */

interface Fixture {
  app: AppContext
  /** The compartment the caller holds their grant in. */
  own: CompartmentsTable
  /** A compartment the caller holds no grant in. */
  other: CompartmentsTable
  /** The compartment this call targets (own or other). */
  target: CompartmentsTable
  caller: TestUser
}

interface Call {
  body?: unknown
  /** A file body instead of JSON (uploads). */
  raw?: Uint8Array
  path: string
}

type Scope =
  /** No session needed. */
  | { kind: 'public' }
  /** Any signed-in user, on their own account. `stages` as the route declares. */
  | { kind: 'self'; secondStep?: boolean }
  /** Organisation-wide: allowed for these roles held organisation-wide. */
  | { kind: 'org'; allow: readonly Role[] | 'everyone' }
  /** A record in a compartment: allowed for these roles where they apply; others get 403 where they can see the compartment, 404 where they cannot. */
  | { kind: 'compartment'; allow: readonly Role[] }
  /** A list filtered by compartment: always allowed, never shows another compartment's record. */
  | { kind: 'compartment-list'; leaks: (body: unknown, other: Others) => boolean }

/** Records that exist in the other compartment, which no list may show to a caller without a grant there. */
interface Others {
  compartment: CompartmentsTable
  personId: string
  caseId: string
  incidentId: string
}

interface MatrixRow {
  scope: Scope
  call(f: Fixture): Promise<Call> | Call
}

/**
 * Error codes that mean "access refused"; any other answer (a 422 for a made-up body, a 404 for a
 * made-up id of one's own) means the route let the caller in.
 */
const ACCESS_DENIED = ['unauthenticated', 'forbidden', 'second_factor_required', 'reauth_required']
const refusedFor = (body: unknown) =>
  ACCESS_DENIED.includes((body as { error?: { code?: string } } | null)?.error?.code ?? '')

const ids = (body: unknown): string[] =>
  Array.isArray(body) ? body.map((x: { id?: string }) => x.id ?? '') : []

const field = (body: unknown, key: string): unknown =>
  body && typeof body === 'object' ? (body as Record<string, unknown>)[key] : undefined
const PEOPLE = ['coordinator', 'caseworker'] as const
const editors: Scope = { kind: 'org', allow: ['editor'] }
const SEES = ['coordinator', 'caseworker', 'field_worker'] as const
const SUPPLY_STAFF = ['coordinator', 'caseworker', 'field_worker', 'finance'] as const
/** An allowance policy in CNY with a CNY cap (no exchange rate needed), high caps. */
const MATRIX_POLICY = {
  amount: '20',
  currency: 'CNY',
  buysGrams: 10_000,
  dailyCap: 10_000,
  monthlyCap: '100000000',
  monthlyCapCurrency: 'CNY',
  rationGrams: 500,
} as const
let policyYear = 2030
const person = (f: Fixture) => buildPerson(f.app, f.target.id)
const kase = async (f: Fixture) => buildCase(f.app, await person(f))

/** One row per route, keyed `METHOD /path` exactly as declared. */
const MATRIX: Record<string, MatrixRow> = {
  'POST /setup/check': {
    scope: { kind: 'public' },
    call: () => ({ path: '/setup/check', body: { token: 'x'.repeat(43) } }),
  },
  'POST /setup': { scope: { kind: 'public' }, call: () => ({ path: '/setup', body: {} }) },
  'POST /auth/login': {
    scope: { kind: 'public' },
    call: () => ({ path: '/auth/login', body: { loginName: 'nobody', password: 'x' } }),
  },
  'POST /auth/passkey/options': {
    scope: { kind: 'public' },
    call: () => ({ path: '/auth/passkey/options' }),
  },
  'POST /auth/passkey': {
    scope: { kind: 'public' },
    call: () => ({ path: '/auth/passkey', body: {} }),
  },
  'POST /auth/password-link/check': {
    scope: { kind: 'public' },
    call: () => ({ path: '/auth/password-link/check', body: { token: 'x'.repeat(43) } }),
  },
  'POST /auth/password-link': {
    scope: { kind: 'public' },
    call: () => ({ path: '/auth/password-link', body: {} }),
  },

  'POST /auth/login/totp': {
    scope: { kind: 'self', secondStep: true },
    call: () => ({ path: '/auth/login/totp', body: { code: '000000' } }),
  },
  'POST /auth/login/recovery': {
    scope: { kind: 'self', secondStep: true },
    call: () => ({ path: '/auth/login/recovery', body: { code: 'AAAA-AAAA-AAAA-AAAA' } }),
  },
  'POST /auth/logout': { scope: { kind: 'self' }, call: () => ({ path: '/auth/logout' }) },
  'GET /auth/session': { scope: { kind: 'self' }, call: () => ({ path: '/auth/session' }) },
  'GET /account': { scope: { kind: 'self' }, call: () => ({ path: '/account' }) },
  'PATCH /account': {
    scope: { kind: 'self' },
    call: () => ({ path: '/account', body: { locale: 'ja' } }),
  },
  'POST /account/password': {
    scope: { kind: 'self' },
    call: () => ({
      path: '/account/password',
      body: { currentPassword: 'wrong', newPassword: 'x' },
    }),
  },
  'POST /account/reauth/options': {
    scope: { kind: 'self' },
    call: () => ({ path: '/account/reauth/options' }),
  },
  'POST /account/reauth': {
    scope: { kind: 'self' },
    call: () => ({ path: '/account/reauth', body: { password: 'correct horse battery staple' } }),
  },
  'GET /account/sessions': { scope: { kind: 'self' }, call: () => ({ path: '/account/sessions' }) },
  'DELETE /account/sessions/:id': {
    scope: { kind: 'self' },
    call: () => ({ path: '/account/sessions/unknown' }),
  },
  'POST /account/totp/setup': {
    scope: { kind: 'self' },
    call: () => ({ path: '/account/totp/setup' }),
  },
  'POST /account/totp/confirm': {
    scope: { kind: 'self' },
    call: () => ({ path: '/account/totp/confirm', body: { code: '000000' } }),
  },
  'DELETE /account/totp': { scope: { kind: 'self' }, call: () => ({ path: '/account/totp' }) },
  'POST /account/recovery-codes': {
    scope: { kind: 'self' },
    call: () => ({ path: '/account/recovery-codes' }),
  },
  'POST /account/passkeys/options': {
    scope: { kind: 'self' },
    call: () => ({ path: '/account/passkeys/options' }),
  },
  'POST /account/passkeys': {
    scope: { kind: 'self' },
    call: () => ({ path: '/account/passkeys', body: {} }),
  },
  'PATCH /account/passkeys/:id': {
    scope: { kind: 'self' },
    call: () => ({ path: '/account/passkeys/unknown', body: { name: 'x' } }),
  },
  'DELETE /account/passkeys/:id': {
    scope: { kind: 'self' },
    call: () => ({ path: '/account/passkeys/unknown' }),
  },

  'GET /users': {
    scope: { kind: 'org', allow: ['administrator'] },
    call: () => ({ path: '/users' }),
  },
  'POST /users': {
    scope: { kind: 'org', allow: ['administrator'] },
    call: () => ({
      path: '/users',
      body: { loginName: `new-${newId().slice(-8)}`, displayName: 'New' },
    }),
  },
  'GET /users/:id': {
    scope: { kind: 'org', allow: ['administrator'] },
    call: async (f) => ({ path: `/users/${(await buildUser(f.app)).id}` }),
  },
  'PATCH /users/:id': {
    scope: { kind: 'org', allow: ['administrator'] },
    call: async (f) => ({
      path: `/users/${(await buildUser(f.app)).id}`,
      body: { displayName: 'Renamed' },
    }),
  },
  'POST /users/:id/password-link': {
    scope: { kind: 'org', allow: ['administrator'] },
    call: async (f) => ({ path: `/users/${(await buildUser(f.app)).id}/password-link` }),
  },
  'POST /grants': {
    scope: { kind: 'org', allow: ['administrator'] },
    call: async (f) => ({
      path: '/grants',
      body: { userId: (await buildUser(f.app)).id, role: 'caseworker', compartmentId: f.own.id },
    }),
  },
  'DELETE /grants/:id': {
    scope: { kind: 'org', allow: ['administrator'] },
    call: async (f) => {
      await buildUser(f.app, { grants: [{ role: 'caseworker', compartmentId: f.own.id }] })
      const grant = await f.app.database.db
        .selectFrom('grants')
        .select('id')
        .where('role', '=', 'caseworker')
        .where('user_id', '!=', f.caller.id)
        .executeTakeFirstOrThrow()
      return { path: `/grants/${grant.id}` }
    },
  },
  'GET /roles': { scope: { kind: 'org', allow: 'everyone' }, call: () => ({ path: '/roles' }) },
  'GET /settings/security': {
    scope: { kind: 'org', allow: ['administrator'] },
    call: () => ({ path: '/settings/security' }),
  },
  'PUT /settings/security': {
    scope: { kind: 'org', allow: ['administrator'] },
    call: () => ({
      path: '/settings/security',
      body: { mfaRequiredRoles: ['administrator', 'coordinator', 'caseworker'] },
    }),
  },
  'GET /audit': { scope: { kind: 'org', allow: ['auditor'] }, call: () => ({ path: '/audit' }) },
  'GET /audit/head': {
    scope: { kind: 'org', allow: ['auditor'] },
    call: () => ({ path: '/audit/head' }),
  },

  'GET /compartments': {
    scope: {
      kind: 'compartment-list',
      leaks: (body, other) => ids(body).includes(other.compartment.id),
    },
    call: () => ({ path: '/compartments' }),
  },
  'POST /compartments': {
    scope: { kind: 'org', allow: ['administrator'] },
    call: () => ({
      path: '/compartments',
      body: {
        code: `M${newId()
          .slice(-6)
          .toUpperCase()
          .replace(/[^A-Z0-9]/g, '7')}`,
        name: 'New',
        kind: 'region',
      },
    }),
  },
  'GET /compartments/:id': {
    scope: {
      kind: 'compartment',
      allow: ['administrator', 'coordinator', 'caseworker', 'field_worker', 'finance'],
    },
    call: (f) => ({ path: `/compartments/${f.target.id}` }),
  },
  'PATCH /compartments/:id': {
    scope: { kind: 'compartment', allow: ['administrator'] },
    call: (f) => ({ path: `/compartments/${f.target.id}`, body: { name: 'Renamed' } }),
  },
  'GET /people': {
    scope: {
      kind: 'compartment-list',
      leaks: (body, o) => ids(field(body, 'people')).includes(o.personId),
    },
    call: () => ({ path: '/people?limit=100' }),
  },
  'POST /people': {
    scope: { kind: 'compartment', allow: PEOPLE },
    call: (f) => ({
      path: '/people',
      body: {
        compartmentId: f.target.id,
        identity: { names: [{ script: 'hangul', value: '박지원' }] },
      },
    }),
  },
  'POST /people/duplicates': {
    scope: { kind: 'compartment', allow: PEOPLE },
    call: (f) => ({
      path: '/people/duplicates',
      body: { compartmentId: f.target.id, names: ['Test Person 1'] },
    }),
  },
  'GET /people/:id': {
    scope: { kind: 'compartment', allow: SEES },
    call: async (f) => ({ path: `/people/${(await person(f)).id}` }),
  },
  'POST /people/:id/reveal': {
    scope: { kind: 'compartment', allow: PEOPLE },
    call: async (f) => ({ path: `/people/${(await person(f)).id}/reveal` }),
  },
  'PATCH /people/:id': {
    scope: { kind: 'compartment', allow: PEOPLE },
    call: async (f) => ({
      path: `/people/${(await person(f)).id}`,
      body: { version: 1, attributes: { situation: 'in_hiding' } },
    }),
  },
  'POST /people/:id/merge': {
    scope: { kind: 'compartment', allow: ['coordinator'] },
    call: async (f) => ({
      path: `/people/${(await person(f)).id}/merge`,
      body: { intoId: (await person(f)).id, version: 1 },
    }),
  },
  'POST /people/:id/links': {
    scope: { kind: 'compartment', allow: PEOPLE },
    call: async (f) => ({
      path: `/people/${(await person(f)).id}/links`,
      body: { relatedPersonId: (await person(f)).id, relation: 'sibling' },
    }),
  },
  'DELETE /people/:id/links/:linkId': {
    scope: { kind: 'compartment', allow: PEOPLE },
    call: async (f) => {
      const a = await person(f)
      const linkId = await linkPeople(f.app, a, await person(f), 'parent', {
        actorId: null,
        requestId: null,
      })
      return { path: `/people/${a.id}/links/${linkId}` }
    },
  },
  'PUT /people/:id/photo': {
    scope: { kind: 'compartment', allow: PEOPLE },
    call: async (f) => ({ path: `/people/${(await person(f)).id}/photo`, raw: tinyPng() }),
  },
  'GET /people/:id/photo': {
    scope: { kind: 'compartment', allow: PEOPLE },
    call: async (f) => {
      const p = await person(f)
      await buildAttachment(f.app, { type: 'person', id: p.id, compartmentId: p.compartment_id })
      return { path: `/people/${p.id}/photo` }
    },
  },

  'GET /cases': {
    scope: {
      kind: 'compartment-list',
      leaks: (body, o) => ids(field(body, 'cases')).includes(o.caseId),
    },
    call: () => ({ path: '/cases?limit=100' }),
  },
  'POST /cases': {
    scope: { kind: 'compartment', allow: PEOPLE },
    call: async (f) => ({
      path: '/cases',
      body: { personId: (await person(f)).id, type: 'medical', openedOn: '2026-02-01' },
    }),
  },
  'GET /cases/:id': {
    scope: { kind: 'compartment', allow: PEOPLE },
    call: async (f) => ({ path: `/cases/${(await kase(f)).id}` }),
  },
  'PATCH /cases/:id': {
    scope: { kind: 'compartment', allow: PEOPLE },
    call: async (f) => ({
      path: `/cases/${(await kase(f)).id}`,
      body: { version: 1, status: 'in_progress' },
    }),
  },
  'GET /cases/:id/timeline': {
    scope: { kind: 'compartment', allow: PEOPLE },
    call: async (f) => ({ path: `/cases/${(await kase(f)).id}/timeline` }),
  },
  'POST /cases/:id/entries': {
    scope: { kind: 'compartment', allow: PEOPLE },
    call: async (f) => ({
      path: `/cases/${(await kase(f)).id}/entries`,
      body: { kind: 'note', occurredOn: '2026-02-01', text: 'seen by the doctor' },
    }),
  },
  'GET /cases/:id/referrals': {
    scope: { kind: 'compartment', allow: PEOPLE },
    call: async (f) => ({ path: `/cases/${(await kase(f)).id}/referrals` }),
  },
  'POST /cases/:id/referrals': {
    scope: { kind: 'compartment', allow: PEOPLE },
    call: async (f) => ({
      path: `/cases/${(await kase(f)).id}/referrals`,
      body: {
        partner: 'Partner clinic',
        service: 'medical',
        consent: 'given',
        consentMethod: 'verbal',
      },
    }),
  },
  'GET /cases/:id/follow-ups': {
    scope: { kind: 'compartment', allow: PEOPLE },
    call: async (f) => ({ path: `/cases/${(await kase(f)).id}/follow-ups` }),
  },
  'POST /cases/:id/follow-ups': {
    scope: { kind: 'compartment', allow: PEOPLE },
    call: async (f) => ({
      path: `/cases/${(await kase(f)).id}/follow-ups`,
      body: { title: 'visit again', dueOn: '2026-03-01' },
    }),
  },
  'PATCH /follow-ups/:id': {
    scope: { kind: 'compartment', allow: PEOPLE },
    call: async (f) => ({
      path: `/follow-ups/${await buildFollowUp(f.app, await kase(f))}`,
      body: { done: true },
    }),
  },
  'GET /follow-ups/overdue': {
    scope: {
      kind: 'compartment-list',
      leaks: (body, o) =>
        Array.isArray(body) && body.some((x: { caseId?: string }) => x.caseId === o.caseId),
    },
    call: () => ({ path: '/follow-ups/overdue' }),
  },
  'POST /cases/:id/attachments': {
    scope: { kind: 'compartment', allow: PEOPLE },
    call: async (f) => ({ path: `/cases/${(await kase(f)).id}/attachments`, raw: tinyPng() }),
  },
  'GET /cases/:id/attachments': {
    scope: { kind: 'compartment', allow: PEOPLE },
    call: async (f) => ({ path: `/cases/${(await kase(f)).id}/attachments` }),
  },
  'GET /attachments/:id': {
    scope: { kind: 'compartment', allow: PEOPLE },
    call: async (f) => {
      const c = await kase(f)
      return {
        path: `/attachments/${(await buildAttachment(f.app, { type: 'case', id: c.id, compartmentId: c.compartment_id })).id}`,
      }
    },
  },

  'GET /incidents': {
    scope: { kind: 'compartment-list', leaks: (body, o) => ids(body).includes(o.incidentId) },
    call: () => ({ path: '/incidents?limit=200' }),
  },
  'POST /incidents': {
    scope: { kind: 'compartment', allow: SEES },
    call: (f) => ({
      path: '/incidents',
      body: {
        compartmentId: f.target.id,
        type: 'arrest',
        occurredOn: '2026-01',
        datePrecision: 'month',
        region: 'Jilin',
        severity: 'high',
      },
    }),
  },
  'GET /incidents/:id': {
    scope: { kind: 'compartment', allow: SEES },
    call: async (f) => ({ path: `/incidents/${(await incident(f)).id}` }),
  },
  'PATCH /incidents/:id': {
    scope: { kind: 'compartment', allow: PEOPLE },
    call: async (f) => ({
      path: `/incidents/${(await incident(f)).id}`,
      body: { version: 1, resolved: true },
    }),
  },

  'GET /shelters': {
    scope: { kind: 'compartment-list', leaks: (body, o) => ids(body).includes(o.compartment.id) },
    call: () => ({ path: '/shelters' }),
  },
  'POST /shelters': {
    scope: { kind: 'org', allow: ['administrator'] },
    call: () => ({
      path: '/shelters',
      body: {
        code: uniqueShelterCode(),
        region: 'Yanbian',
        capacity: 12,
        fundingStatus: 'funded',
        openedOn: '2026-02-01',
      },
    }),
  },
  'GET /shelters/:id': {
    scope: { kind: 'compartment', allow: SEES },
    call: async (f) => ({
      path: `/shelters/${(await ensureShelter(f.app, f.target)).compartment_id}`,
    }),
  },
  'PATCH /shelters/:id': {
    scope: { kind: 'compartment', allow: ['coordinator'] },
    call: async (f) => {
      const shelter = await ensureShelter(f.app, f.target)
      const current = await findShelter(f.app.database.db, shelter.compartment_id)
      return {
        path: `/shelters/${shelter.compartment_id}`,
        body: { version: current?.version ?? 1, capacity: 400 },
      }
    },
  },
  'POST /shelters/:id/residents': {
    scope: { kind: 'compartment', allow: PEOPLE },
    call: async (f) => {
      const shelter = await ensureShelter(f.app, f.target)
      const p = await buildPerson(f.app, f.target.id)
      return {
        path: `/shelters/${shelter.compartment_id}/residents`,
        body: { personId: p.id, fromDate: '2026-05-01' },
      }
    },
  },
  'POST /shelters/:id/residents/:residentId/end': {
    scope: { kind: 'compartment', allow: PEOPLE },
    call: async (f) => {
      const shelter = await ensureShelter(f.app, f.target)
      const { residence } = await buildResident(f.app, shelter.compartment_id)
      return {
        path: `/shelters/${shelter.compartment_id}/residents/${residence.id}/end`,
        body: { toDate: '2026-05-20', reason: 'moved_on' },
      }
    },
  },
  'POST /shelters/:id/log': {
    scope: { kind: 'compartment', allow: PEOPLE },
    call: async (f) => ({
      path: `/shelters/${(await ensureShelter(f.app, f.target)).compartment_id}/log`,
      body: { kind: 'oversight_visit', occurredOn: '2026-05-02', note: 'all well' },
    }),
  },
  // Compromising freezes a compartment: each call gets a shelter of its own, where the caller
  // holds the roles they hold in `own` (or none, for `other`), so the fixture stays writable.
  'POST /shelters/:id/compromise': {
    scope: { kind: 'compartment', allow: ['coordinator'] },
    call: async (f) => {
      const shelter = await freshShelter(f)
      return {
        path: `/shelters/${shelter.compartment_id}/compromise`,
        body: { confirmCode: shelter.code },
      }
    },
  },
  'POST /shelters/:id/restore': {
    scope: { kind: 'compartment', allow: ['coordinator'] },
    call: async (f) => {
      const shelter = await freshShelter(f)
      await compromiseShelter(f.app, shelter.compartment_id, { actorId: null, requestId: null })
      return {
        path: `/shelters/${shelter.compartment_id}/restore`,
        body: { confirmCode: shelter.code },
      }
    },
  },
  'GET /notifications': { scope: { kind: 'self' }, call: () => ({ path: '/notifications' }) },
  'POST /notifications/read': {
    scope: { kind: 'self' },
    call: () => ({ path: '/notifications/read', body: {} }),
  },
  'GET /supplies': {
    scope: { kind: 'org', allow: SUPPLY_STAFF },
    call: () => ({ path: '/supplies' }),
  },
  'POST /supplies/items': {
    scope: { kind: 'org', allow: ['coordinator', 'finance'] },
    call: () => ({ path: '/supplies/items', body: { name: 'rice', kind: 'rice', unit: 'kg' } }),
  },
  'POST /supplies/locations': {
    scope: { kind: 'org', allow: ['coordinator', 'finance'] },
    call: () => ({ path: '/supplies/locations', body: { name: 'Warehouse', kind: 'warehouse' } }),
  },
  'POST /supplies/movements': {
    scope: { kind: 'org', allow: ['coordinator', 'finance'] },
    call: async (f) => {
      const by = { actorId: null, requestId: null }
      const item = await createItem(f.app, { name: 'rice', kind: 'rice', unit: 'kg' }, by)
      const to = await createLocation(
        f.app,
        { name: 'Warehouse', kind: 'warehouse', compartmentId: null },
        by,
      )
      return {
        path: '/supplies/movements',
        body: {
          itemId: item.id,
          kind: 'purchase',
          toLocationId: to.id,
          quantity: 100,
          occurredOn: '2026-05-01',
          cost: '400',
          currency: 'CNY',
        },
      }
    },
  },
  'GET /exchange-rates': {
    scope: { kind: 'org', allow: SUPPLY_STAFF },
    call: () => ({ path: '/exchange-rates' }),
  },
  'POST /exchange-rates': {
    scope: { kind: 'org', allow: ['finance'] },
    call: () => ({
      path: '/exchange-rates',
      body: { date: '2026-05-01', base: 'CNY', quote: 'JPY', rate: '15' },
    }),
  },
  'GET /allowance-policies': {
    scope: {
      kind: 'compartment-list',
      leaks: (body, o) =>
        Array.isArray(body) && body.some((p) => field(p, 'compartmentId') === o.compartment.id),
    },
    call: () => ({ path: '/allowance-policies' }),
  },
  'POST /allowance-policies': {
    scope: { kind: 'compartment', allow: ['coordinator', 'finance'] },
    call: (f) => {
      policyYear += 1 // each allowed call needs its own date range: ranges may not overlap
      return {
        path: '/allowance-policies',
        body: {
          ...MATRIX_POLICY,
          compartmentId: f.target.id,
          validFrom: `${policyYear}-01-01`,
          validTo: `${policyYear}-12-31`,
        },
      }
    },
  },
  'GET /distributions': {
    scope: {
      kind: 'compartment-list',
      leaks: (body, o) =>
        Array.isArray(body) && body.some((d) => field(d, 'compartmentId') === o.compartment.id),
    },
    call: () => ({ path: '/distributions' }),
  },
  'POST /distributions': {
    scope: { kind: 'compartment', allow: SEES },
    call: (f) => ({
      path: '/distributions',
      body: { compartmentId: f.target.id, day: '2026-05-02', headcount: 1 },
    }),
  },
  'GET /distributions/figures': {
    scope: { kind: 'compartment', allow: SUPPLY_STAFF },
    call: (f) => ({ path: `/distributions/figures?compartmentId=${f.target.id}&year=2026` }),
  },

  'POST /exports/people': {
    scope: { kind: 'compartment', allow: PEOPLE },
    call: (f) => ({ path: '/exports/people', body: { compartmentId: f.target.id } }),
  },
  'POST /exports/people/identifying': {
    scope: { kind: 'compartment', allow: PEOPLE },
    call: (f) => ({
      path: '/exports/people/identifying',
      body: { compartmentId: f.target.id, passphrase: 'a long export passphrase' },
    }),
  },
  'POST /exports/cases': {
    scope: { kind: 'compartment', allow: PEOPLE },
    call: (f) => ({ path: '/exports/cases', body: { compartmentId: f.target.id } }),
  },

  'GET /retention/due': {
    scope: { kind: 'compartment', allow: ['coordinator'] },
    call: (f) => ({ path: `/retention/due?compartmentId=${f.target.id}` }),
  },
  'POST /retention/purge': {
    scope: { kind: 'compartment', allow: ['coordinator'] },
    call: async (f) => {
      const c = await buildCase(f.app, await person(f), { openedOn: '2019-01-01' })
      await updateCase(
        f.app,
        c,
        { version: 1, status: 'closed', outcome: 'resolved', closedOn: '2019-02-01' },
        { actorId: null, requestId: null },
      )
      await f.app.database.db
        .updateTable('compartments')
        .set({ retention_days: 365 })
        .where('id', '=', f.target.id)
        .execute()
      return { path: '/retention/purge', body: { caseIds: [c.id] } }
    },
  },

  // Key operations act on a compartment made for the call: shredding the shared ones would
  // change what the other rows see.
  'GET /keys': {
    scope: { kind: 'org', allow: ['administrator'] },
    call: () => ({ path: '/keys' }),
  },
  'POST /keys/:id/rotate': {
    scope: { kind: 'org', allow: ['administrator'] },
    call: async (f) => ({ path: `/keys/${(await buildCompartment(f.app)).id}/rotate` }),
  },
  'GET /keys/jobs/:id': {
    scope: { kind: 'org', allow: ['administrator'] },
    call: async (f) => {
      const c = await buildCompartment(f.app)
      const { job } = await startRotation(f.app, c.id, { actorId: null, requestId: null })
      return { path: `/keys/jobs/${job.id}` }
    },
  },
  'POST /keys/:id/shred': {
    scope: { kind: 'org', allow: ['administrator'] },
    call: async (f) => {
      const c = await buildCompartment(f.app)
      return { path: `/keys/${c.id}/shred`, body: { confirmCode: c.code } }
    },
  },

  // The public website's content: editors only (administrators included in the refusal).
  'GET /cms/entries': { scope: editors, call: () => ({ path: '/cms/entries' }) },
  'POST /cms/entries': {
    scope: editors,
    call: () => ({
      path: '/cms/entries',
      body: { kind: 'page', locale: 'en', slug: testSlug(), title: 'New', body: '' },
    }),
  },
  'GET /cms/entries/:id': {
    scope: editors,
    call: async (f) => ({ path: `/cms/entries/${(await buildEntry(f.app)).entry.id}` }),
  },
  'PATCH /cms/entries/:id': {
    scope: editors,
    call: async (f) => ({
      path: `/cms/entries/${(await buildEntry(f.app, { kind: 'report' })).entry.id}`,
      body: { fiscalYear: 2006 },
    }),
  },
  'DELETE /cms/entries/:id': {
    scope: editors,
    call: async (f) => ({ path: `/cms/entries/${(await buildEntry(f.app)).entry.id}` }),
  },
  'POST /cms/entries/:id/translations': {
    scope: editors,
    call: async (f) => ({
      path: `/cms/entries/${(await buildEntry(f.app)).entry.id}/translations`,
      body: { locale: 'ja', slug: testSlug(), title: '新しいページ', body: '' },
    }),
  },
  'PUT /cms/documents/:id': {
    scope: editors,
    call: async (f) => {
      const { document } = await buildEntry(f.app)
      return {
        path: `/cms/documents/${document.id}`,
        body: { slug: document.slug, title: 'Changed', body: 'x', baseRevision: document.revision },
      }
    },
  },
  'POST /cms/preview': {
    scope: editors,
    call: () => ({ path: '/cms/preview', body: { title: 'T', body: '# Hello' } }),
  },
  'POST /cms/documents/:id/submit': {
    scope: editors,
    call: async (f) => ({ path: `/cms/documents/${(await buildEntry(f.app)).document.id}/submit` }),
  },
  'POST /cms/documents/:id/return': {
    scope: editors,
    call: async (f) => ({
      path: `/cms/documents/${(await buildEntry(f.app, { stage: 'in_review' })).document.id}/return`,
    }),
  },
  'POST /cms/documents/:id/publish': {
    scope: editors,
    call: async (f) => ({
      path: `/cms/documents/${(await buildEntry(f.app, { stage: 'in_review' })).document.id}/publish`,
    }),
  },
  'POST /cms/documents/:id/unpublish': {
    scope: editors,
    call: async (f) => ({
      path: `/cms/documents/${(await buildEntry(f.app, { stage: 'published' })).document.id}/unpublish`,
    }),
  },
  'GET /cms/documents/:id/revisions': {
    scope: editors,
    call: async (f) => ({
      path: `/cms/documents/${(await buildEntry(f.app)).document.id}/revisions`,
    }),
  },
  'POST /cms/documents/:id/revisions/:revisionId/restore': {
    scope: editors,
    call: async (f) => {
      const { document } = await buildEntry(f.app)
      const revision = await f.app.database.db
        .selectFrom('cms_revisions')
        .select('id')
        .where('document_id', '=', document.id)
        .executeTakeFirstOrThrow()
      return { path: `/cms/documents/${document.id}/revisions/${revision.id}/restore` }
    },
  },
  'GET /cms/navigation': { scope: editors, call: () => ({ path: '/cms/navigation' }) },
  'PUT /cms/navigation': {
    scope: editors,
    call: () => ({
      path: '/cms/navigation',
      body: { items: [{ section: 'home' }, { section: 'news' }, { section: 'contact' }] },
    }),
  },
  'GET /cms/faq-groups': { scope: editors, call: () => ({ path: '/cms/faq-groups' }) },
  'POST /cms/faq-groups': {
    scope: editors,
    call: () => ({ path: '/cms/faq-groups', body: { names: { en: 'Topic', ja: 'テーマ' } } }),
  },
  'PUT /cms/faq-groups/order': {
    scope: editors,
    call: async (f) => {
      const groups = await f.app.database.db.selectFrom('site_faq_groups').select('id').execute()
      return { path: '/cms/faq-groups/order', body: { ids: groups.map((g) => g.id).reverse() } }
    },
  },
  'PATCH /cms/faq-groups/:id': {
    scope: editors,
    call: async (f) => ({
      path: `/cms/faq-groups/${await buildFaqGroup(f.app)}`,
      body: { names: { en: 'Renamed' } },
    }),
  },
  'DELETE /cms/faq-groups/:id': {
    scope: editors,
    call: async (f) => ({ path: `/cms/faq-groups/${await buildFaqGroup(f.app)}` }),
  },
  'GET /cms/images': { scope: editors, call: () => ({ path: '/cms/images' }) },
  'POST /cms/images': {
    scope: editors,
    call: () => ({ path: '/cms/images', body: { label: 'A chart', data: testPngBase64() } }),
  },
  'DELETE /cms/images/:id': {
    scope: editors,
    call: async (f) => {
      const { uploadImage } = await import('../src/cms/image-service.js')
      const image = await uploadImage(
        f.app,
        f.app.database.db,
        { label: '', data: testPngBase64() },
        { actorId: null, requestId: null },
      )
      return { path: `/cms/images/${image.id}` }
    },
  },

  // Messages from the public forms: identifying data, in an inbox compartment.
  'GET /inbox/messages': {
    scope: {
      kind: 'compartment-list',
      leaks: (body, other) =>
        Array.isArray(body) &&
        body.some(
          (m: { compartmentCode?: string }) => m.compartmentCode === other.compartment.code,
        ),
    },
    call: async (f) => {
      await buildContactMessage(f.app, f.own.id)
      await buildContactMessage(f.app, f.other.id)
      return { path: '/inbox/messages?status=new' }
    },
  },
  'GET /inbox/messages/:id': {
    scope: { kind: 'compartment', allow: ['coordinator', 'caseworker'] },
    call: async (f) => ({
      path: `/inbox/messages/${await buildContactMessage(f.app, f.target.id)}`,
    }),
  },
  'PATCH /inbox/messages/:id': {
    scope: { kind: 'compartment', allow: ['coordinator', 'caseworker'] },
    call: async (f) => ({
      path: `/inbox/messages/${await buildContactMessage(f.app, f.target.id)}`,
      body: { status: 'answered' },
    }),
  },
}

/** A new shelter where the caller holds what they hold in `own` if the call targets `own`. */
async function freshShelter(f: Fixture) {
  const shelter = await buildShelter(f.app)
  if (f.target === f.own) await copyGrants(f.app, f.caller.id, f.own.id, shelter.compartment_id)
  return shelter
}

async function incident(f: Fixture) {
  return recordIncident(
    f.app,
    {
      compartmentId: f.target.id,
      type: 'detention',
      occurredOn: '2026-01-02',
      datePrecision: 'day',
      region: 'Yanbian',
      severity: 'high',
      personIds: [],
      caseId: null,
    },
    { actorId: null, requestId: null },
  )
}

const key = (route: AnyApiRoute) => `${route.method.toUpperCase()} ${route.path}`

describe('authorization matrix coverage', () => {
  it('has a row for every route, and no row for a route that does not exist', () => {
    const routes = ALL_ROUTES.map(key).sort()
    expect(Object.keys(MATRIX).sort()).toEqual(routes)
  })

  it('agrees with each route’s declared access kind', () => {
    for (const route of ALL_ROUTES) {
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
    // Something of everything in both compartments, so lists have something to leak.
    for (const c of [own, other]) {
      const p = await buildPerson(app, c.id)
      const k = await buildCase(app, p)
      await buildFollowUp(app, k)
      const i = await recordIncident(
        app,
        {
          compartmentId: c.id,
          type: 'arrest',
          occurredOn: '2026-01',
          datePrecision: 'month',
          region: 'Jilin',
          severity: 'high',
          personIds: [p.id],
          caseId: k.id,
        },
        { actorId: null, requestId: null },
      )
      await ensureShelter(app, c)
      await createPolicy(
        app,
        { ...MATRIX_POLICY, compartmentId: c.id, validFrom: '2026-01-01', validTo: '2026-12-31' },
        { actorId: null, requestId: null },
      )
      await recordDistribution(
        app,
        { compartmentId: c.id, day: '2026-05-01', headcount: 2 },
        { actorId: null, requestId: null, mayOverride: false },
      )
      if (c === other)
        others = { compartment: other, personId: p.id, caseId: k.id, incidentId: i.id }
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

  for (const route of ALL_ROUTES) {
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
    for (const route of ALL_ROUTES.filter((r) => r.reauth)) {
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
