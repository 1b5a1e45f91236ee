import type { IatiSettings } from '@haven/core/exchange/iati-schema'
import { setIatiSettings } from '../../src/modules/exchange/iati-service.js'
import { postManual } from '../../src/modules/finance/ledger-service.js'
import { insertPublication, insertReport } from '../../src/modules/report/report-store.js'
import { type MatrixModule, PEOPLE, SEES } from '../support/matrix.js'

const sheet = new TextEncoder().encode('name_latin,birth\nKim Sol,1990-01-02\n')
const distributionSheet = new TextEncoder().encode('day,headcount\n2026-05-02,3\n')
const donationSheet = new TextEncoder().encode(
  'received_on,amount,currency,programme\n2026-05-02,5000,JPY,food\n',
)

const IATI_SETTINGS: IatiSettings = {
  orgRef: 'JP-CN-1234567890123',
  orgType: '22',
  nameEn: 'Haven',
  nameJa: 'ヘイブン',
  countries: [{ code: 'CN', percentage: 100 }],
}
const BY = { actorId: null, requestId: null }
/** The matrix keeps one database for every row: each call publishes a report of a new year. */
let year = 2100

/**
 * Data exchange: a people or distributions import records in the compartment its query names,
 * a donations import posts to the books (finance); the IATI files
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
    // Whoever may record a distribution in the compartment may import them there.
    'POST /exchange/distributions/imports': {
      scope: { kind: 'compartment', allow: SEES },
      call: (f) => ({
        path: `/exchange/distributions/imports?compartmentId=${f.target.id}&source=matrix&dryRun=1`,
        raw: distributionSheet,
      }),
    },
    // Donations go into the books: finance's.
    'POST /exchange/donations/imports': {
      scope: { kind: 'org', allow: ['finance'] },
      call: () => ({
        path: '/exchange/donations/imports?source=matrix&dryRun=1',
        raw: donationSheet,
      }),
    },
    // Partners: whoever keeps the network.
    'POST /exchange/partners/imports': {
      scope: { kind: 'org', allow: ['coordinator', 'editor'] },
      call: () => ({
        path: '/exchange/partners/imports?source=matrix&dryRun=1',
        raw: new TextEncoder().encode('name,type,country\nYanbian Aid,ngo,CN\n'),
      }),
    },
    // Sponsors: whoever keeps them in the compartment (their contacts are sealed there).
    'POST /exchange/sponsors/imports': {
      scope: { kind: 'compartment', allow: ['coordinator', 'sponsor_relations'] },
      call: (f) => ({
        path: `/exchange/sponsors/imports?compartmentId=${f.target.id}&source=matrix&dryRun=1`,
        raw: new TextEncoder().encode('kind,language,contact\nindividual,ja,Sato Hanako\n'),
      }),
    },
    // Supplies received: whoever may record a stock movement (the organisation's logistics).
    'POST /exchange/supplies/imports': {
      scope: { kind: 'org', allow: ['coordinator', 'finance'] },
      call: () => ({
        path: '/exchange/supplies/imports?source=matrix&dryRun=1',
        raw: new TextEncoder().encode(
          'item,place,quantity,date\nRice,Yanji warehouse,5,2026-05-02\n',
        ),
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
        // Some spending, so the year has an activity to publish.
        await postManual(
          f.app,
          {
            on: '2026-05-02',
            direction: 'out',
            amount: '1000',
            currency: 'JPY',
            programme: 'food',
            memo: '',
          },
          BY,
        )
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
    'GET /exchange/iati/public': {
      scope: { kind: 'org', allow: ['finance'] },
      call: () => ({ path: '/exchange/iati/public' }),
    },
    'PUT /exchange/iati/public/:fiscalYear': {
      scope: { kind: 'org', allow: ['finance'] },
      call: async (f) => {
        await setIatiSettings(f.app, IATI_SETTINGS, BY)
        await postManual(
          f.app,
          {
            on: '2026-05-02',
            direction: 'out',
            amount: '1000',
            currency: 'JPY',
            programme: 'food',
            memo: '',
          },
          BY,
        )
        return { path: '/exchange/iati/public/2026' }
      },
    },
    'DELETE /exchange/iati/public/:fiscalYear': {
      scope: { kind: 'org', allow: ['finance'] },
      call: () => ({ path: '/exchange/iati/public/2026' }),
    },
    'GET /exchange/hxl/report-figures.csv': {
      scope: { kind: 'org', allow: ['editor', 'finance'] },
      call: async (f) => {
        year += 1
        const at = '2031-01-01T00:00:00.000Z'
        await insertReport(f.app.database.db, {
          fiscal_year: year,
          status: 'published',
          template_en: '',
          template_ja: '',
          version: 3,
          last_editor_id: null,
          created_at: at,
          updated_at: at,
          correction: 0,
        })
        await insertPublication(f.app.database.db, {
          fiscal_year: year,
          published_at: at,
          text_en: '',
          text_ja: '',
          figures_json: '[]',
          ledger_json: '{}',
          correction: 0,
        })
        return { path: `/exchange/hxl/report-figures.csv?fiscalYear=${year}&lang=ja` }
      },
    },
  },
}
