import { newId } from '../../src/db/ids.js'
import { buildUser } from '../support/factories.js'
import { ids, type MatrixModule } from '../support/matrix.js'

/** Administration: users, grants, compartments, roles, security settings. */
export const matrix: MatrixModule = {
  rows: {
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
        allow: [
          'administrator',
          'coordinator',
          'caseworker',
          'field_worker',
          'finance',
          'sponsor_relations',
        ],
      },
      call: (f) => ({ path: `/compartments/${f.target.id}` }),
    },
    'PATCH /compartments/:id': {
      scope: { kind: 'compartment', allow: ['administrator'] },
      call: (f) => ({ path: `/compartments/${f.target.id}`, body: { name: 'Renamed' } }),
    },
  },
}
