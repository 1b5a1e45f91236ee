import { defineAppModule, homePanel, page } from '../../lib/app-module.js'

/** Distributions under caps (field workers record), the dashboard, stock and allowance policies. */
export const suppliesApp = defineAppModule({
  name: 'supplies',
  pages: [
    page('/app/distributions', () =>
      import('./distributions-page.js').then((m) => m.DistributionsPage),
    ),
    page('/app/dashboard', () => import('./dashboard-page.js').then((m) => m.DashboardPage)),
    page('/app/allowances', () => import('./allowances-page.js').then((m) => m.AllowancesPage)),
    page('/app/supplies', () => import('./supplies-page.js').then((m) => m.SuppliesPage)),
    page('/app/handouts', () => import('./handouts-page.js').then((m) => m.HandoutsPage)),
  ],
  nav: [
    {
      href: '/app/distributions',
      label: 'nav.distributions',
      match: 'exact',
      group: 'field',
      shows: (can) => can.supplies,
    },
    {
      href: '/app/dashboard',
      label: 'nav.dashboard',
      match: 'exact',
      group: 'field',
      shows: (can) => can.supplies,
    },
    {
      href: '/app/handouts',
      label: 'nav.handouts',
      match: 'exact',
      group: 'field',
      shows: (can) => can.supplies,
    },
    {
      href: '/app/supplies',
      label: 'nav.supplies',
      match: 'exact',
      group: 'field',
      shows: (can) => can.supplies,
    },
    {
      href: '/app/allowances',
      label: 'nav.allowances',
      match: 'exact',
      group: 'field',
      shows: (can) => can.managePolicies || can.enterRates,
    },
  ],
  homePanels: [
    homePanel(
      () => import('./headcount-panel.js').then((m) => m.HeadcountPanel),
      (can) => can.supplies,
    ),
  ],
})
