import type { MatrixModule } from '../support/matrix.js'
import { buildContactMessage } from '../support/site-factories.js'

/** Messages from the public forms: identifying data, in an inbox compartment. */
export const matrix: MatrixModule = {
  rows: {
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
  },
}
