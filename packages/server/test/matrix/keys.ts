import { startRotation } from '../../src/crypto/key-rotation.js'
import { buildCompartment } from '../support/factories.js'
import type { MatrixModule } from '../support/matrix.js'

/** Key operations act on a compartment made for the call: shredding the shared ones would change what the other rows see. */
export const matrix: MatrixModule = {
  rows: {
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
  },
}
