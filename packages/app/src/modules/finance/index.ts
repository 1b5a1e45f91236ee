import { defineAppModule, page } from '../../lib/app-module.js'

/** The books: the year's budget against actuals, food cost, entries and closing months. */
export const financeApp = defineAppModule({
  name: 'finance',
  pages: [
    page('/app/finance', () => import('./finance-page.js').then((m) => m.FinancePage)),
    page('/app/finance/accounts', () => import('./accounts-page.js').then((m) => m.AccountsPage)),
    page('/app/finance/budgets', () => import('./budgets-page.js').then((m) => m.BudgetsPage)),
    page('/app/finance/journal', () => import('./journal-page.js').then((m) => m.JournalPage)),
    page('/app/finance/receipts', () => import('./receipts-page.js').then((m) => m.ReceiptsPage)),
    page('/app/finance/position', () => import('./position-page.js').then((m) => m.PositionPage)),
  ],
  nav: [
    { href: '/app/finance', label: 'nav.finance', match: 'exact', shows: (can) => can.finance },
  ],
})
