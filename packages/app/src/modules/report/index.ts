import { defineAppModule, page } from '../../lib/app-module.js'

/** The annual activity report: the years' reports, one year's editor, review and workflow. */
export const reportApp = defineAppModule({
  name: 'report',
  pages: [
    page('/app/reports', () => import('./reports-page.js').then((m) => m.ReportsPage)),
    page('/app/reports/:year', () => import('./report-page.js').then((m) => m.ReportPage)),
  ],
  nav: [
    {
      href: '/app/reports',
      label: 'nav.report',
      group: 'organisation',
      shows: (can) => can.annualReports,
    },
  ],
})
