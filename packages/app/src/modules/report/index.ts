import { defineAppModule, page } from '../../lib/app-module.js'

/** The annual activity report: the years' reports, one year's editor, review and workflow. */
export const reportApp = defineAppModule({
  name: 'report',
  pages: [
    page('/app/reports', () => import('./reports-page.js').then((m) => m.ReportsPage)),
    page('/app/reports/:year', () => import('./report-page.js').then((m) => m.ReportPage)),
    page('/app/disclosure-policy', () =>
      import('./disclosure-policy-page.js').then((m) => m.DisclosurePolicyPage),
    ),
  ],
  nav: [
    {
      href: '/app/reports',
      label: 'nav.report',
      group: 'organisation',
      shows: (can) => can.annualReports,
    },
    {
      href: '/app/disclosure-policy',
      label: 'nav.report_policy',
      group: 'organisation',
      shows: (can) => can.disclosurePolicy,
    },
  ],
})
