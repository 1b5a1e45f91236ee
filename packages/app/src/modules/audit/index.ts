import { defineAppModule, page } from '../../lib/app-module.js'

/** The audit log, for auditors; it loads when first opened. */
export const auditApp = defineAppModule({
  name: 'audit',
  pages: [page('/app/audit', () => import('./audit-page.js').then((m) => m.AuditPage))],
  nav: [
    {
      href: '/app/audit',
      label: 'nav.audit',
      match: 'exact',
      group: 'organisation',
      shows: (can) => can.audit,
    },
  ],
})
