import type { REPORT_ABILITIES } from '@haven/core/report/report-abilities'
import { can } from '../../auth/policy.js'
import { type AbilitiesOf, defineModule } from '../../haven-module.js'
import * as m2000 from './migrations/2026-12-06-2000-report.js'
import * as m1200 from './migrations/2026-12-07-1200-report-rounding-secrets.js'
import * as m1210 from './migrations/2026-12-07-1210-report-corrections.js'
import * as m1600 from './migrations/2026-12-07-1600-report-correction-texts.js'
import { annualReportPolicy, disclosurePolicyPolicy } from './report-policy.js'
import { reportRoutes } from './report-routes.js'

/**
 * The annual activity report: templates per language with figure placeholders, compiled from
 * every module's `figures` through the disclosure engine, reviewed, approved by two, published.
 */
export const reportModule = defineModule({
  name: 'report',
  migrations: {
    '2026-12-06-2000-report': m2000,
    '2026-12-07-1200-report-rounding-secrets': m1200,
    '2026-12-07-1210-report-corrections': m1210,
    '2026-12-07-1600-report-correction-texts': m1600,
  },
  routes: reportRoutes,
  policies: [annualReportPolicy, disclosurePolicyPolicy],
  async abilities(actor): Promise<AbilitiesOf<(typeof REPORT_ABILITIES)[number]>> {
    return {
      annualReports: can(actor, 'list', 'AnnualReport', {}),
      disclosurePolicy: can(actor, 'read', 'DisclosurePolicy', {}),
      disclosurePolicyEdit: can(actor, 'update', 'DisclosurePolicy', {}),
    }
  },
})

// For the benchmark (bench/annual-report.ts): the workflow a year's report goes through, and the
// compile alone (over a generated database, against raw SQL of the same figures).
export { compileReport, figureCatalogue } from './report-compile.js'
// For the benchmark (bench/report-pdf.ts): the PDF of a compiled report.
export { type FrozenFigure, reportPdf } from './report-pdf.js'
// What other code may use: the figures of a published report as the public read them.
export {
  type PublishedFigure,
  type PublishedReport,
  type PublishedTable,
  publishedReport,
} from './report-published.js'
export {
  approveReport,
  createReport,
  publishReport,
  reviewReport,
  submitReport,
  updateReport,
} from './report-service.js'
export { readDisclosureSettings } from './report-settings.js'
