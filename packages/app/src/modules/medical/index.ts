import { defineAppModule, page } from '../../lib/app-module.js'

/** Medical aid: treatments of medical cases (kind filter and page in the URL, a treatment recorded on demand). */
export const medicalApp = defineAppModule({
  name: 'medical',
  pages: [
    page('/app/treatments', () => import('./treatments-page.js').then((m) => m.TreatmentsPage)),
  ],
  nav: [{ href: '/app/treatments', label: 'nav.treatments', shows: (can) => can.workCases }],
})
