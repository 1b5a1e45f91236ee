// What the app may offer around the books (computed by the server module).
declare module '../auth/abilities.js' {
  interface Abilities {
    /** The ledger, budgets and reports (finance). */
    finance: boolean
    /** Adding accounts to the chart (finance, administrators). */
    manageChart: boolean
  }
}

export const FINANCE_ABILITIES = ['finance', 'manageChart'] as const
