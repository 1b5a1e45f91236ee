import type { FINANCE_ABILITIES } from '@haven/core/finance/finance-abilities'
import { RECEIPT_DONOR } from '@haven/core/finance/finance-identifying'
import { can } from '../../auth/policy.js'
import { type AbilitiesOf, defineModule } from '../../haven-module.js'
import { financeDemo } from './finance-demo.js'
import { ledgerPolicy, receiptPolicy } from './finance-policy.js'
import { financeRoutes } from './finance-routes.js'
import { ledgerListener } from './ledger-service.js'
import * as m1700 from './migrations/2026-12-06-1700-finance.js'
import * as m1200 from './migrations/2026-12-07-1200-receipt-donor.js'

/**
 * The books: a double-entry ledger in each currency with yen values at dated rates, the chart
 * of accounts, closed months and reversing corrections, budgets per programme and fiscal year,
 * and the money other modules' records move, posted as it happens (money-events.ts).
 */
export const financeModule = defineModule({
  name: 'finance',
  migrations: {
    '2026-12-06-1700-finance': m1700,
    '2026-12-07-1200-receipt-donor': m1200,
  },
  routes: financeRoutes,
  policies: [ledgerPolicy, receiptPolicy],
  sealed: [RECEIPT_DONOR],
  money: ledgerListener,
  demo: financeDemo,
  async abilities(actor): Promise<AbilitiesOf<(typeof FINANCE_ABILITIES)[number]>> {
    return {
      finance: can(actor, 'read', 'Ledger', {}),
      manageChart: can(actor, 'manage', 'Ledger', {}),
    }
  },
})

// Budget against spending per programme and month (data exchange publishes it to IATI).
export { budgetVsActual } from './books-service.js'
// Donations received, written by data exchange's spreadsheet import in its own transaction; row
// keys of that import are kept in the donors compartment.
export { ensureDonorsCompartment } from './donors-compartment.js'
export { type DonationInput, recordDonationIn } from './ledger-service.js'
// What other code may use: the fiscal year's statement (measured by bench/finance-statement.ts).
export { incomeAndExpenditure } from './report-service.js'
