import type { AppContext } from '../../src/app-context.js'
import {
  approveReport,
  createReport,
  publishReport,
  submitReport,
  updateReport,
} from '../../src/modules/report/report-service.js'
import { readDisclosureSettings } from '../../src/modules/report/report-settings.js'
import { buildUser } from '../support/factories.js'
import type { MatrixModule, Scope } from '../support/matrix.js'

const editors: Scope = { kind: 'org', allow: ['editor'] }
const administrators: Scope = { kind: 'org', allow: ['administrator'] }
const BY = { actorId: null, requestId: null }

// Reports are keyed by their year. Most calls reuse forty years, emptied first; published
// reports are never emptied (their ledger holds every release), so they take years of their own.
let reused = 0
let publishedYear = 2040
async function freeYear(app: AppContext): Promise<number> {
  reused += 1
  const year = 1990 + (reused % 40)
  await app.database.db.deleteFrom('report_approvals').where('fiscal_year', '=', year).execute()
  await app.database.db.deleteFrom('reports').where('fiscal_year', '=', year).execute()
  return year
}

/** A report with one figure (shelters operating: always has a value), at a step of review. */
async function report(app: AppContext, step: 'draft' | 'review' | 'approved', year?: number) {
  const y = year ?? (await freeYear(app))
  await createReport(app, y, BY)
  await updateReport(
    app,
    y,
    {
      version: 1,
      templateEn: 'Shelters: {{shelters.operating}}',
      templateJa: 'シェルター {{shelters.operating}}',
    },
    BY,
  )
  if (step === 'draft') return { year: y, version: 2 }
  await submitReport(app, y, { version: 2 }, BY)
  if (step === 'review') return { year: y, version: 3 }
  for (let i = 0; i < 2; i++) {
    const approver = await buildUser(app, { grants: [{ role: 'editor', compartmentId: null }] })
    await approveReport(app, y, { version: 3 }, { actorId: approver.id, requestId: null })
  }
  return { year: y, version: 3 }
}

/** The annual report: editors only (as the website; administrators included in the refusal). */
export const matrix: MatrixModule = {
  rows: {
    'GET /report/figures': { scope: editors, call: () => ({ path: '/report/figures' }) },
    'GET /reports': { scope: editors, call: () => ({ path: '/reports' }) },
    'GET /report/disclosure-policy': {
      scope: { kind: 'org', allow: ['administrator', 'editor'] },
      call: () => ({ path: '/report/disclosure-policy' }),
    },
    'PUT /report/disclosure-policy': {
      scope: administrators,
      call: async (f) => {
        const { settings, version } = await readDisclosureSettings(f.app.database.db)
        return { path: '/report/disclosure-policy', body: { ...settings, version } }
      },
    },
    'POST /report/disclosure-policy/rotate-secret': {
      scope: administrators,
      call: () => ({ path: '/report/disclosure-policy/rotate-secret' }),
    },
    'POST /reports': {
      scope: editors,
      call: async (f) => ({ path: '/reports', body: { fiscalYear: await freeYear(f.app) } }),
    },
    'GET /reports/:year': {
      scope: editors,
      call: async (f) => ({ path: `/reports/${(await report(f.app, 'draft')).year}` }),
    },
    'PATCH /reports/:year': {
      scope: editors,
      call: async (f) => {
        const r = await report(f.app, 'draft')
        return { path: `/reports/${r.year}`, body: { version: r.version, templateEn: 'Text' } }
      },
    },
    'GET /reports/:year/review': {
      scope: editors,
      call: async (f) => ({ path: `/reports/${(await report(f.app, 'draft')).year}/review` }),
    },
    'POST /reports/:year/submit': {
      scope: editors,
      call: async (f) => {
        const r = await report(f.app, 'draft')
        return { path: `/reports/${r.year}/submit`, body: { version: r.version } }
      },
    },
    'POST /reports/:year/approve': {
      scope: editors,
      call: async (f) => {
        const r = await report(f.app, 'review')
        return { path: `/reports/${r.year}/approve`, body: { version: r.version } }
      },
    },
    'GET /reports/:year/pdf/:lang': {
      scope: editors,
      call: async (f) => {
        publishedYear += 1
        const r = await report(f.app, 'approved', publishedYear)
        await publishReport(f.app, r.year, { version: r.version }, BY)
        return { path: `/reports/${r.year}/pdf/ja` }
      },
    },
    'POST /reports/:year/correct': {
      scope: editors,
      call: async (f) => {
        publishedYear += 1
        const r = await report(f.app, 'approved', publishedYear)
        await publishReport(f.app, r.year, { version: r.version }, BY)
        return {
          path: `/reports/${r.year}/correct`,
          body: { version: r.version + 1, reason: 'A shelter was missed.' },
        }
      },
    },
    'POST /reports/:year/publish': {
      scope: editors,
      call: async (f) => {
        publishedYear += 1
        const r = await report(f.app, 'approved', publishedYear)
        return { path: `/reports/${r.year}/publish`, body: { version: r.version } }
      },
    },
  },
}
