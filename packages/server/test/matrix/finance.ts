import { postManual } from '../../src/modules/finance/ledger-service.js'
import { issueReceipt } from '../../src/modules/finance/receipt-service.js'
import type { MatrixModule } from '../support/matrix.js'

const FINANCE = ['finance'] as const
const BY = { actorId: null, requestId: null }
/** Each call closes, or adds, something new: the matrix keeps one database for every row. */
let month = 0
let code = 8000
const nextMonth = () => {
  month += 1
  return `${1990 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`
}

const entry = {
  on: '2026-05-02',
  direction: 'out',
  amount: '1000',
  currency: 'JPY',
  programme: 'administration',
  memo: '',
} as const

/** The books: finance only (administrators may add accounts to the chart). No compartment. */
export const matrix: MatrixModule = {
  rows: {
    'GET /finance/settings': {
      scope: { kind: 'org', allow: FINANCE },
      call: () => ({ path: '/finance/settings' }),
    },
    'PUT /finance/settings': {
      scope: { kind: 'org', allow: ['finance', 'administrator'] },
      // The month it already is: allowed whatever other rows planned (budgets, receipts).
      call: () => ({ path: '/finance/settings', body: { fiscalYearStart: 4 } }),
    },
    'GET /finance/accounts': {
      scope: { kind: 'org', allow: FINANCE },
      call: () => ({ path: '/finance/accounts' }),
    },
    'POST /finance/accounts': {
      scope: { kind: 'org', allow: ['finance', 'administrator'] },
      call: () => {
        code += 1
        return {
          path: '/finance/accounts',
          body: { code: String(code), kind: 'income', nameEn: 'Bazaar', nameJa: 'バザー' },
        }
      },
    },
    'GET /finance/transactions': {
      scope: { kind: 'org', allow: FINANCE },
      call: () => ({ path: '/finance/transactions?fiscalYear=2026' }),
    },
    'POST /finance/transactions': {
      scope: { kind: 'org', allow: FINANCE },
      call: () => ({
        path: '/finance/transactions',
        body: {
          on: '2026-05-02',
          postings: [
            { account: '5700', side: 'debit', amount: '500', currency: 'JPY' },
            { account: '1100', side: 'credit', amount: '500', currency: 'JPY' },
          ],
        },
      }),
    },
    'POST /finance/entries': {
      scope: { kind: 'org', allow: FINANCE },
      call: () => ({ path: '/finance/entries', body: entry }),
    },
    'POST /finance/transactions/:id/reversal': {
      scope: { kind: 'org', allow: FINANCE },
      call: async (f) => {
        const original = await postManual(f.app, entry, BY)
        return {
          path: `/finance/transactions/${original.id}/reversal`,
          body: { on: '2026-05-03', reason: 'Entered on the wrong account' },
        }
      },
    },
    'POST /finance/transactions/:id/receipt': {
      scope: { kind: 'org', allow: FINANCE },
      call: async (f) => {
        const gift = await postManual(f.app, { ...entry, direction: 'in', account: '4100' }, BY)
        return {
          path: `/finance/transactions/${gift.id}/receipt`,
          body: { donorCode: 'D-001', locale: 'ja' },
        }
      },
    },
    'GET /finance/receipts': {
      scope: { kind: 'org', allow: FINANCE },
      call: () => ({ path: '/finance/receipts?fiscalYear=2026' }),
    },
    'GET /finance/receipts/:id/pdf': {
      scope: { kind: 'org', allow: FINANCE },
      call: async (f) => {
        const gift = await postManual(f.app, { ...entry, direction: 'in', account: '4100' }, BY)
        const receipt = await issueReceipt(f.app, gift.id, { donorCode: 'D-002', locale: 'en' }, BY)
        return { path: `/finance/receipts/${receipt.id}/pdf` }
      },
    },
    'GET /finance/periods': {
      scope: { kind: 'org', allow: FINANCE },
      call: () => ({ path: '/finance/periods' }),
    },
    'POST /finance/periods/:month/close': {
      scope: { kind: 'org', allow: FINANCE },
      call: () => ({ path: `/finance/periods/${nextMonth()}/close` }),
    },
    'POST /finance/periods/:month/revaluation': {
      scope: { kind: 'org', allow: FINANCE },
      call: () => ({ path: `/finance/periods/${nextMonth()}/revaluation` }),
    },
    'GET /finance/budgets': {
      scope: { kind: 'org', allow: FINANCE },
      call: () => ({ path: '/finance/budgets?fiscalYear=2026' }),
    },
    'PUT /finance/budgets/:fiscalYear/:programme': {
      scope: { kind: 'org', allow: FINANCE },
      call: () => ({ path: '/finance/budgets/2026/food', body: { total: '2160000' } }),
    },
    'GET /finance/reports/budget-vs-actual': {
      scope: { kind: 'org', allow: FINANCE },
      // A year no other module's rows pay money in: the matrix keeps one database for every row,
      // and a yuan payment without a rate of its day makes the report refuse (no_exchange_rate,
      // by design), so the answer would depend on the order the rows run in.
      call: () => ({ path: '/finance/reports/budget-vs-actual?fiscalYear=2024' }),
    },
    'GET /finance/reports/trial-balance': {
      scope: { kind: 'org', allow: FINANCE },
      call: () => ({ path: '/finance/reports/trial-balance' }),
    },
    'GET /finance/reports/income-expenditure': {
      scope: { kind: 'org', allow: FINANCE },
      call: () => ({ path: '/finance/reports/income-expenditure?fiscalYear=2024' }),
    },
    'GET /finance/reports/cash': {
      scope: { kind: 'org', allow: FINANCE },
      call: () => ({ path: '/finance/reports/cash?asOf=2024-01-01' }),
    },
    'GET /finance/reports/food-cost': {
      scope: { kind: 'org', allow: FINANCE },
      call: () => ({ path: '/finance/reports/food-cost?fiscalYear=2024' }),
    },
    'GET /finance/reports/allowance': {
      scope: { kind: 'org', allow: FINANCE },
      call: () => ({ path: '/finance/reports/allowance?fiscalYear=2026' }),
    },
    'GET /finance/journal.csv': {
      scope: { kind: 'org', allow: FINANCE },
      call: () => ({ path: '/finance/journal.csv?fiscalYear=2026' }),
    },
  },
}
