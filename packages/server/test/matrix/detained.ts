import type { AppContext } from '../../src/app-context.js'
import type { CompartmentsTable } from '../../src/compartments/compartment-tables.js'
import { approveCampaign } from '../../src/modules/detained/campaign-service.js'
import { createDetained } from '../../src/modules/detained/detained-service.js'
import { ids, type MatrixModule, PEOPLE, seeded } from '../support/matrix.js'

/** A public-safe code no other record has (four random letters: 26⁴ × 1000 of them). */
const code = () =>
  `${Array.from({ length: 4 }, () => String.fromCharCode(65 + Math.floor(Math.random() * 26))).join('')}-${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`

/** A fresh record in the compartment. */
const worker = (app: AppContext, c: CompartmentsTable) =>
  createDetained(
    app,
    {
      compartmentId: c.id,
      code: code(),
      name: 'Synthetic Worker',
      nationality: 'KR',
      arrestedOn: '2003-01',
      arrestPlace: 'Yantai',
      termMonths: 60,
      status: 'sentenced',
    },
    { actorId: null, requestId: null },
  )

/** Detained aid workers: a restricted record each, opened only by a grant in its compartment. */
export const matrix: MatrixModule = {
  async seed(app, c) {
    return { workerId: (await worker(app, c)).id }
  },
  rows: {
    'GET /detained': {
      scope: {
        kind: 'compartment-list',
        leaks: (body, o) => ids(body).includes(seeded(o, 'workerId')),
      },
      call: () => ({ path: '/detained' }),
    },
    'POST /detained': {
      scope: { kind: 'compartment', allow: PEOPLE },
      call: (f) => ({
        path: '/detained',
        body: {
          compartmentId: f.target.id,
          code: code(),
          name: 'Synthetic Worker',
          nationality: 'KR',
          arrestedOn: '2004',
          arrestPlace: 'Yanbian',
        },
      }),
    },
    'GET /detained/:id': {
      scope: { kind: 'compartment', allow: PEOPLE },
      call: async (f) => ({ path: `/detained/${(await worker(f.app, f.target)).id}` }),
    },
    'POST /detained/:id/status': {
      scope: { kind: 'compartment', allow: PEOPLE },
      call: async (f) => ({
        path: `/detained/${(await worker(f.app, f.target)).id}/status`,
        body: { status: 'released', on: '2006-01-05' },
      }),
    },
    'POST /detained/:id/payments': {
      scope: { kind: 'compartment', allow: PEOPLE },
      call: async (f) => ({
        path: `/detained/${(await worker(f.app, f.target)).id}/payments`,
        body: { paidOn: '2006-02-01', amount: '1000', currency: 'CNY' },
      }),
    },
    'POST /detained/:id/advocacy': {
      scope: { kind: 'compartment', allow: PEOPLE },
      call: async (f) => ({
        path: `/detained/${(await worker(f.app, f.target)).id}/advocacy`,
        body: { kind: 'letter', on: '2005-06-01', addressedTo: 'A government' },
      }),
    },
    // A campaign page speaks for the worker in public: coordinators and administrators granted
    // the record's compartment itself. The matrix's administrator is organisation-wide, so the
    // record is missing (404) to them; campaign.db.test.ts has one granted the compartment.
    'PUT /detained/:id/campaign': {
      scope: { kind: 'compartment', allow: ['coordinator'] },
      call: async (f) => ({
        path: `/detained/${(await worker(f.app, f.target)).id}/campaign`,
        body: {
          slug: `free-${code().toLowerCase()}`,
          fields: { publicName: false, arrest: true, sentence: true, status: true },
          textEn: 'Write to the embassy.',
          textJa: '大使館に手紙を。',
        },
      }),
    },
    // Whether the worker may be named in public: coordinators granted the compartment itself.
    'PUT /detained/:id/public-figure': {
      scope: { kind: 'compartment', allow: ['coordinator'] },
      call: async (f) => ({
        path: `/detained/${(await worker(f.app, f.target)).id}/public-figure`,
        body: { publicFigure: true, version: 1 },
      }),
    },
    'DELETE /detained/:id/campaign': {
      scope: { kind: 'compartment', allow: ['coordinator'] },
      call: async (f) => {
        const w = await worker(f.app, f.target)
        await approveCampaign(
          f.app,
          w,
          {
            slug: `free-${code().toLowerCase()}`,
            fields: { publicName: false, arrest: true, sentence: false, status: false },
            textEn: 'Write to the embassy.',
            textJa: '大使館に手紙を。',
          },
          { actorId: null, requestId: null },
        )
        return { path: `/detained/${w.id}/campaign` }
      },
    },
  },
}
