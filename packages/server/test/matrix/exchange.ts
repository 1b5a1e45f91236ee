import type { IatiSettings } from '@haven/core/exchange/iati-schema'
import { setIatiSettings } from '../../src/modules/exchange/iati-service.js'
import { type MatrixModule, PEOPLE } from '../support/matrix.js'

const sheet = new TextEncoder().encode('name_latin,birth\nKim Sol,1990-01-02\n')

const IATI_SETTINGS: IatiSettings = {
  orgRef: 'JP-CN-1234567890123',
  orgType: '22',
  nameEn: 'Haven',
  nameJa: 'ヘイブン',
  countries: [{ code: 'CN', percentage: 100 }],
}
const BY = { actorId: null, requestId: null }

/**
 * Data exchange: a people import registers in the compartment its query names; the IATI files
 * and their settings are finance's (the files carry the books' totals).
 */
export const matrix: MatrixModule = {
  rows: {
    'POST /exchange/people/imports': {
      scope: { kind: 'compartment', allow: PEOPLE },
      call: (f) => ({
        path: `/exchange/people/imports?compartmentId=${f.target.id}&source=matrix&dryRun=1`,
        raw: sheet,
      }),
    },
    'GET /exchange/iati/settings': {
      scope: { kind: 'org', allow: ['finance'] },
      call: () => ({ path: '/exchange/iati/settings' }),
    },
    'PUT /exchange/iati/settings': {
      scope: { kind: 'org', allow: ['finance'] },
      call: () => ({ path: '/exchange/iati/settings', body: IATI_SETTINGS }),
    },
    'GET /exchange/iati/activities.xml': {
      scope: { kind: 'org', allow: ['finance'] },
      call: async (f) => {
        await setIatiSettings(f.app, IATI_SETTINGS, BY)
        return { path: '/exchange/iati/activities.xml?fiscalYear=2026' }
      },
    },
    'GET /exchange/iati/organisation.xml': {
      scope: { kind: 'org', allow: ['finance'] },
      call: async (f) => {
        await setIatiSettings(f.app, IATI_SETTINGS, BY)
        return { path: '/exchange/iati/organisation.xml?fiscalYear=2026' }
      },
    },
  },
}
