import { defineAppModule, page } from '../../lib/app-module.js'

/**
 * Medical aid: treatments of medical cases (kind filter and page in the URL, a treatment recorded
 * on demand), and a medical case's page of treatments and first-aid kits given.
 */
export const medicalApp = defineAppModule({
  name: 'medical',
  pages: [
    page('/app/treatments', () => import('./treatments-page.js').then((m) => m.TreatmentsPage)),
    page('/app/treatments/cases/:id', () =>
      import('./medical-case-page.js').then((m) => m.MedicalCasePage),
    ),
  ],
  nav: [{ href: '/app/treatments', label: 'nav.treatments', shows: (can) => can.workCases }],
})
