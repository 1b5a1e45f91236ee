import {
  budgetSchema,
  createAccountSchema,
  financeSettingsSchema,
  fiscalYearQuery,
  isoMonth,
  journalEntrySchema,
  journalQuery,
  manualEntrySchema,
  positionQuery,
  receiptSchema,
  receiptsQuery,
  reverseSchema,
  statementQuery,
} from '@haven/core/finance/finance-schemas'
import {
  accountView,
  allowanceView,
  budgetView,
  budgetVsActualView,
  cashPositionView,
  closedMonthView,
  foodCostView,
  incomeExpenditureView,
  receiptsPageView,
  receiptView,
  transactionsPageView,
  transactionView,
  trialBalanceView,
} from '@haven/core/finance/finance-views'
import { PROGRAMMES } from '@haven/core/money/programmes'
import { z } from 'zod'
import { defineRoute, found } from '../../api/api-route.js'
import { today } from '../../app-context.js'
import { audit } from '../../auth/auth-audit.js'
import {
  budgetsFor,
  budgetVsActual,
  closeMonth,
  createAccount,
  setBudget,
} from './books-service.js'
import { chartOf, definitionOf } from './chart-service.js'
import { presentTransaction } from './finance-present.js'
import {
  countPostingsBetween,
  findReceipt,
  journalPages,
  listClosedMonths,
  listReceipts,
  listTransactions,
  postingsOf,
  receiptsOf,
} from './finance-store.js'
import { fiscalYearIn, fiscalYearStart, setFiscalYearStart } from './fiscal-settings.js'
import { journalCsvStream } from './journal-csv.js'
import { postJournal, postManual, reverseById } from './ledger-service.js'
import {
  issueReceipt,
  mayNameDonor,
  openDonorName,
  presentReceipt,
  receiptNumber,
  receiptPdf,
} from './receipt-service.js'
import {
  allowanceAgainstLedger,
  cashPosition,
  foodCost,
  incomeAndExpenditure,
  trialBalanceOn,
} from './report-service.js'
import { revalueMonth } from './revaluation-service.js'

const LEDGER = { kind: 'policy', entity: 'Ledger' } as const
const POSTING_ERRORS = [
  'validationFailed',
  'unbalancedTransaction',
  'periodClosed',
  'unknownAccount',
  'accountCurrency',
  'tooManyDecimals',
  'rateMissing',
] as const

async function withPostings(db: Parameters<typeof postingsOf>[0], id: string) {
  const lines = await postingsOf(db, [id])
  return lines
}

export const financeRoutes = [
  defineRoute({
    method: 'get',
    path: '/finance/settings',
    summary: 'The organisation’s finance settings: the month its fiscal year starts in',
    tag: 'finance',
    access: { ...LEDGER, action: 'read' },
    response: financeSettingsSchema,
    async handle({ app }) {
      return { fiscalYearStart: await fiscalYearStart(app.database.db) }
    },
  }),
  defineRoute({
    method: 'put',
    path: '/finance/settings',
    summary: 'Choose the month the fiscal year starts in, before any budget or receipt exists',
    tag: 'finance',
    access: { ...LEDGER, action: 'manage' },
    body: financeSettingsSchema,
    response: financeSettingsSchema,
    errors: ['validationFailed', 'fiscalYearInUse'],
    async handle({ app, body, audit: by }) {
      return setFiscalYearStart(app, body.fiscalYearStart, by)
    },
  }),
  defineRoute({
    method: 'get',
    path: '/finance/accounts',
    summary: 'The chart of accounts',
    tag: 'finance',
    access: { ...LEDGER, action: 'read' },
    response: z.array(accountView),
    async handle({ app }) {
      return chartOf(app.database.db)
    },
  }),
  defineRoute({
    method: 'post',
    path: '/finance/accounts',
    summary: 'Add an account to the chart (cash in a new place, a new income or expense head)',
    tag: 'finance',
    access: { ...LEDGER, action: 'manage' },
    body: createAccountSchema,
    response: accountView,
    successStatus: 201,
    errors: ['validationFailed', 'accountCodeTaken'],
    async handle({ app, body, audit: by }) {
      return definitionOf(await createAccount(app, body, by))
    },
  }),
  defineRoute({
    method: 'get',
    path: '/finance/transactions',
    summary: 'The journal of a fiscal year, oldest first, with each line’s yen value and rate',
    tag: 'finance',
    access: { ...LEDGER, action: 'list' },
    query: journalQuery,
    response: transactionsPageView,
    async handle({ app, actor, query }) {
      const db = app.database.db
      const fy = await fiscalYearIn(db, query.fiscalYear)
      const { rows, total } = await listTransactions(
        db,
        { from: fy.start, to: fy.end, kind: query.kind },
        query,
      )
      const ids = rows.map((r) => r.id)
      const lines = await postingsOf(db, ids)
      return {
        total,
        items: rows.map((t) => presentTransaction(t, lines)),
        receipts: (await receiptsOf(db, ids)).map((r) => presentReceipt(actor(), r)),
      }
    },
  }),
  defineRoute({
    method: 'post',
    path: '/finance/transactions',
    summary: 'Post a journal entry; its lines must balance in each currency',
    tag: 'finance',
    access: { ...LEDGER, action: 'create' },
    body: journalEntrySchema,
    response: transactionView,
    successStatus: 201,
    errors: POSTING_ERRORS,
    async handle({ app, body, audit: by }) {
      const row = await postJournal(app, body, by)
      return presentTransaction(row, await withPostings(app.database.db, row.id))
    },
  }),
  defineRoute({
    method: 'post',
    path: '/finance/entries',
    summary: 'Record income received or an expense paid that no record in Haven moves',
    tag: 'finance',
    access: { ...LEDGER, action: 'create' },
    body: manualEntrySchema,
    response: transactionView,
    successStatus: 201,
    errors: POSTING_ERRORS,
    async handle({ app, body, audit: by }) {
      const row = await postManual(app, body, by)
      return presentTransaction(row, await withPostings(app.database.db, row.id))
    },
  }),
  defineRoute({
    method: 'post',
    path: '/finance/transactions/:id/reversal',
    summary: 'Reverse a transaction with a mirror entry dated in an open month',
    tag: 'finance',
    access: { ...LEDGER, action: 'create' },
    params: z.strictObject({ id: z.string().min(1).max(100) }),
    body: reverseSchema,
    response: transactionView,
    successStatus: 201,
    errors: ['validationFailed', 'notFound', 'alreadyReversed', 'periodClosed'],
    async handle({ app, params, body, audit: by }) {
      const row = await reverseById(app, params.id, body, by)
      return presentTransaction(row, await withPostings(app.database.db, row.id))
    },
  }),
  defineRoute({
    method: 'post',
    path: '/finance/transactions/:id/receipt',
    summary: 'Issue the receipt of a donation: the next number of its fiscal year, no gaps',
    tag: 'finance',
    access: { ...LEDGER, action: 'create' },
    params: z.strictObject({ id: z.string().min(1).max(100) }),
    body: receiptSchema,
    response: receiptView,
    successStatus: 201,
    errors: ['validationFailed', 'notFound', 'notADonation', 'receiptExists'],
    async handle({ app, actor, params, body, audit: by }) {
      return presentReceipt(actor(), await issueReceipt(app, params.id, body, by))
    },
  }),
  defineRoute({
    method: 'get',
    path: '/finance/receipts',
    summary: 'The donation receipts of a fiscal year, in number order',
    tag: 'finance',
    access: { ...LEDGER, action: 'list' },
    query: receiptsQuery,
    response: receiptsPageView,
    async handle({ app, actor, query }) {
      const { rows, total } = await listReceipts(app.database.db, query.fiscalYear, query)
      return { total, items: rows.map((r) => presentReceipt(actor(), r)) }
    },
  }),
  defineRoute({
    method: 'get',
    path: '/finance/receipts/:id/pdf',
    summary:
      'A donation receipt as PDF, in its language, naming the donor for finance holding a grant where the name is sealed. Audited.',
    tag: 'finance',
    access: { ...LEDGER, action: 'read' },
    params: z.strictObject({ id: z.string().min(1).max(100) }),
    binary: true,
    response: z.unknown(),
    errors: ['notFound'],
    async handle({ app, params, actor, audit: by }) {
      const receipt = found(await findReceipt(app.database.db, params.id))
      await audit(app, app.database.db, {
        actorId: by.actorId,
        action: 'export.receipt',
        entityType: 'FinanceReceipt',
        entityId: receipt.id,
        requestId: by.requestId,
        details: { number: receiptNumber(receipt) },
      })
      const mayName = mayNameDonor(actor(), receipt)
      return {
        bytes: await receiptPdf(receipt, await openDonorName(app, receipt, mayName, by)),
        contentType: 'application/pdf',
        fileName: `receipt-${receiptNumber(receipt)}.pdf`,
      }
    },
  }),
  defineRoute({
    method: 'get',
    path: '/finance/periods',
    summary: 'Closed months',
    tag: 'finance',
    access: { ...LEDGER, action: 'read' },
    response: z.array(closedMonthView),
    async handle({ app }) {
      return (await listClosedMonths(app.database.db)).map((m) => ({
        month: m.month,
        closedAt: m.closed_at,
      }))
    },
  }),
  defineRoute({
    method: 'post',
    path: '/finance/periods/:month/close',
    summary: 'Close a month that has ended: nothing more is posted into it',
    tag: 'finance',
    access: { ...LEDGER, action: 'update' },
    params: z.strictObject({ month: isoMonth }),
    response: closedMonthView,
    successStatus: 201,
    errors: ['validationFailed', 'monthClosedAlready'],
    async handle({ app, params, audit: by }) {
      const row = await closeMonth(app, params.month, by)
      return { month: row.month, closedAt: row.closed_at }
    },
  }),
  defineRoute({
    method: 'post',
    path: '/finance/periods/:month/revaluation',
    summary:
      'Revalue foreign cash at the month’s end rate: the yen difference posts to unrealised gain or loss',
    tag: 'finance',
    access: { ...LEDGER, action: 'update' },
    params: z.strictObject({ month: isoMonth }),
    response: z.object({ month: z.string(), transaction: transactionView.nullable() }),
    errors: ['validationFailed', 'periodClosed', 'rateMissing'],
    async handle({ app, params, audit: by }) {
      const row = await revalueMonth(app, params.month, by)
      return {
        month: params.month,
        transaction: row && presentTransaction(row, await withPostings(app.database.db, row.id)),
      }
    },
  }),
  defineRoute({
    method: 'get',
    path: '/finance/budgets',
    summary: 'Budgets of a fiscal year per programme, month by month',
    tag: 'finance',
    access: { ...LEDGER, action: 'read' },
    query: fiscalYearQuery,
    response: z.array(budgetView),
    async handle({ app, query }) {
      return budgetsFor(app, query.fiscalYear)
    },
  }),
  defineRoute({
    method: 'put',
    path: '/finance/budgets/:fiscalYear/:programme',
    summary: 'Set a programme’s budget for a fiscal year: a total spread evenly, or twelve months',
    tag: 'finance',
    access: { ...LEDGER, action: 'update' },
    params: z.strictObject({
      fiscalYear: z.coerce.number().int().min(1990).max(2200),
      programme: z.enum(PROGRAMMES),
    }),
    body: budgetSchema,
    response: budgetView,
    errors: ['validationFailed', 'tooManyDecimals'],
    async handle({ app, params, body, audit: by }) {
      return setBudget(app, params.fiscalYear, params.programme, body, by)
    },
  }),
  defineRoute({
    method: 'get',
    path: '/finance/reports/budget-vs-actual',
    summary:
      'Budget against actual spend per programme and month of a fiscal year, in yen or in dollars (actuals at each day’s rate, budgets at each month-end rate)',
    tag: 'finance',
    access: { ...LEDGER, action: 'read' },
    query: statementQuery,
    response: budgetVsActualView,
    errors: ['validationFailed', 'rateMissing'],
    async handle({ app, query }) {
      return budgetVsActual(app, query.fiscalYear, query.currency)
    },
  }),
  defineRoute({
    method: 'get',
    path: '/finance/reports/trial-balance',
    summary:
      'Each account’s balance per currency on a day (each currency totals zero), valued in yen or dollars',
    tag: 'finance',
    access: { ...LEDGER, action: 'read' },
    query: positionQuery,
    response: trialBalanceView,
    errors: ['validationFailed', 'rateMissing'],
    async handle({ app, query }) {
      return trialBalanceOn(app, query.asOf ?? today(app), query.currency)
    },
  }),
  defineRoute({
    method: 'get',
    path: '/finance/reports/income-expenditure',
    summary:
      'Income and expenditure statement of a fiscal year, in yen or in dollars at the dated rates',
    tag: 'finance',
    access: { ...LEDGER, action: 'read' },
    query: statementQuery,
    response: incomeExpenditureView,
    errors: ['validationFailed', 'rateMissing'],
    async handle({ app, query }) {
      return incomeAndExpenditure(app, query.fiscalYear, query.currency)
    },
  }),
  defineRoute({
    method: 'get',
    path: '/finance/reports/cash',
    summary:
      'Cash by currency and where it is held on a day, valued in yen or dollars at that day’s rate',
    tag: 'finance',
    access: { ...LEDGER, action: 'read' },
    query: positionQuery,
    response: cashPositionView,
    errors: ['validationFailed'],
    async handle({ app, query }) {
      return cashPosition(app, query.asOf ?? today(app), query.currency)
    },
  }),
  defineRoute({
    method: 'get',
    path: '/finance/reports/food-cost',
    summary: 'Food spend of a fiscal year per person-day and per tonne, in yen and dollars',
    tag: 'finance',
    access: { ...LEDGER, action: 'read' },
    query: fiscalYearQuery,
    response: foodCostView,
    errors: ['rateMissing'],
    async handle({ app, query }) {
      return foodCost(app, query.fiscalYear)
    },
  }),
  defineRoute({
    method: 'get',
    path: '/finance/reports/allowance',
    summary: 'Each compartment’s monthly allowance cap against its food spend in the books',
    tag: 'finance',
    access: { ...LEDGER, action: 'read' },
    query: fiscalYearQuery,
    response: allowanceView,
    async handle({ app, query }) {
      return allowanceAgainstLedger(app, query.fiscalYear)
    },
  }),
  defineRoute({
    method: 'get',
    path: '/finance/journal.csv',
    summary: 'The journal of a fiscal year as CSV for accounting software. Audited.',
    tag: 'finance',
    access: { ...LEDGER, action: 'export' },
    query: fiscalYearQuery,
    binary: true,
    response: z.unknown(),
    async handle({ app, query, audit: by }) {
      const fy = await fiscalYearIn(app.database.db, query.fiscalYear)
      const db = app.database.db
      const rows = await countPostingsBetween(db, fy.start, fy.end)
      await audit(app, app.database.db, {
        actorId: by.actorId,
        action: 'export.journal',
        entityType: 'Ledger',
        requestId: by.requestId,
        details: { fiscalYear: fy.year, rows },
      })
      return {
        bytes: journalCsvStream(journalPages(db, fy.start, fy.end)),
        contentType: 'text/csv; charset=utf-8',
        fileName: `haven-journal-fy${fy.year}.csv`,
      }
    },
  }),
]
