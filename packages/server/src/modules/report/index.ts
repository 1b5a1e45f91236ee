import type { REPORT_ABILITIES } from '@haven/core/report/report-abilities'
import { can } from '../../auth/policy.js'
import { type AbilitiesOf, defineModule } from '../../haven-module.js'
import * as m2000 from './migrations/2026-12-06-2000-report.js'
import { annualReportPolicy } from './report-policy.js'
import { reportRoutes } from './report-routes.js'

/**
 * The annual activity report: templates per language with figure placeholders, compiled from
 * every module's `figures` through the disclosure engine, reviewed, approved by two, published.
 */
export const reportModule = defineModule({
  name: 'report',
  migrations: { '2026-12-06-2000-report': m2000 },
  routes: reportRoutes,
  policies: [annualReportPolicy],
  async abilities(actor): Promise<AbilitiesOf<(typeof REPORT_ABILITIES)[number]>> {
    return { annualReports: can(actor, 'list', 'AnnualReport', {}) }
  },
})

// What other code may use: the figures of a published report as the public read them.
export {
  type PublishedFigure,
  type PublishedReport,
  type PublishedTable,
  publishedReport,
} from './report-published.js'
