import type { MatrixModule } from '../support/matrix.js'

/** The audit log: auditors only. */
export const matrix: MatrixModule = {
  rows: {
    'GET /audit': { scope: { kind: 'org', allow: ['auditor'] }, call: () => ({ path: '/audit' }) },
    'GET /audit/head': {
      scope: { kind: 'org', allow: ['auditor'] },
      call: () => ({ path: '/audit/head' }),
    },
  },
}
