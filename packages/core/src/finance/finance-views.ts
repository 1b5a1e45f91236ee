import { z } from 'zod'

export const accountView = z.object({
  code: z.string(),
  kind: z.string(),
  nameEn: z.string(),
  nameJa: z.string(),
  currency: z.string().nullable(),
  location: z.string().nullable(),
  cash: z.boolean(),
  programme: z.string().nullable(),
})
export type AccountView = z.infer<typeof accountView>

export const postingView = z.object({
  account: z.string(),
  programme: z.string().nullable(),
  /** Signed decimal text: debits positive, credits negative. */
  amount: z.string(),
  currency: z.string(),
  /**
   * The same in the reporting currency at `rate` (units of reporting per unit), dated `rateDate`;
   * null while a record's money waits for a rate (closing its month requires one).
   */
  reportAmount: z.string().nullable(),
  reportCurrency: z.string(),
  rate: z.string().nullable(),
  rateDate: z.string().nullable(),
  /** A person, sponsor or supplier by pseudonymous code only. */
  counterpartyKind: z.string().nullable(),
  counterpartyCode: z.string().nullable(),
})

export const transactionView = z.object({
  id: z.string(),
  on: z.string(),
  memo: z.string(),
  kind: z.string(),
  source: z.object({ module: z.string(), kind: z.string(), id: z.string() }).nullable(),
  reversesId: z.string().nullable(),
  reversedById: z.string().nullable(),
  postings: z.array(postingView),
})
export type TransactionView = z.infer<typeof transactionView>

export const closedMonthView = z.object({ month: z.string(), closedAt: z.string() })

export const budgetView = z.object({
  fiscalYear: z.number(),
  programme: z.string(),
  currency: z.string(),
  months: z.array(z.object({ month: z.string(), amount: z.string() })),
  total: z.string(),
})

export const budgetVsActualView = z.object({
  fiscalYear: z.number(),
  currency: z.string(),
  months: z.array(z.string()),
  programmes: z.array(
    z.object({
      programme: z.string(),
      budget: z.array(z.string()),
      actual: z.array(z.string()),
      budgetTotal: z.string(),
      actualTotal: z.string(),
    }),
  ),
  /** The yen-to-currency rates the actuals used, each day at its own (none for yen). */
  rates: z.array(z.object({ rate: z.string(), rateDate: z.string().nullable() })),
  /** Each budgeted month's month-end rate (none for yen). */
  budgetRates: z.array(
    z.object({ month: z.string(), rate: z.string(), rateDate: z.string().nullable() }),
  ),
})

export const trialBalanceView = z.object({
  asOf: z.string(),
  /** The currency `value` is stated in. */
  currency: z.string(),
  accounts: z.array(
    z.object({
      account: z.string(),
      currency: z.string(),
      balance: z.string(),
      /** Null while one of its lines waits for a rate not yet recorded. */
      value: z.string().nullable(),
    }),
  ),
  /** Per currency: zero when the books are right. */
  totals: z.array(z.object({ currency: z.string(), balance: z.string() })),
  /** The values' sum: zero in yen; in another currency, rounding may leave a few minor units. */
  valueTotal: z.string().nullable(),
  rates: z.array(z.object({ rate: z.string(), rateDate: z.string().nullable() })),
})

const statementLine = z.object({
  account: z.string(),
  nameEn: z.string(),
  nameJa: z.string(),
  programme: z.string().nullable(),
  amount: z.string(),
})

export const incomeExpenditureView = z.object({
  fiscalYear: z.number(),
  from: z.string(),
  to: z.string(),
  currency: z.string(),
  income: z.array(statementLine),
  expenditure: z.array(statementLine),
  totalIncome: z.string(),
  totalExpenditure: z.string(),
  surplus: z.string(),
  /** The yen-to-currency rates used (none for yen), each with its date. */
  rates: z.array(z.object({ rate: z.string(), rateDate: z.string().nullable() })),
})

export const cashPositionView = z.object({
  asOf: z.string(),
  currency: z.string(),
  holdings: z.array(
    z.object({
      account: z.string(),
      nameEn: z.string(),
      nameJa: z.string(),
      location: z.string().nullable(),
      currency: z.string(),
      amount: z.string(),
      reportAmount: z.string().nullable(),
      rate: z.string().nullable(),
      rateDate: z.string().nullable(),
      /** The nearest rate recorded, when none applies on the day. */
      missingRate: z.string().nullable(),
    }),
  ),
})

export const foodCostView = z.object({
  fiscalYear: z.number(),
  currency: z.string(),
  spend: z.string(),
  personDays: z.number(),
  tonnes: z.number(),
  perPersonDay: z.string().nullable(),
  perTonne: z.string().nullable(),
  usd: z.object({
    amount: z.string().nullable(),
    rate: z.string().nullable(),
    rateDate: z.string().nullable(),
    missingRate: z.string().nullable(),
  }),
})

export const allowanceView = z.object({
  fiscalYear: z.number(),
  currency: z.string(),
  rows: z.array(
    z.object({
      compartmentCode: z.string(),
      month: z.string(),
      cap: z.string().nullable(),
      capCurrency: z.string().nullable(),
      actual: z.string(),
      /** Lines of the month still waiting for an exchange rate (not in `actual`). */
      unvalued: z.number(),
    }),
  ),
})

export const receiptView = z.object({
  id: z.string(),
  /** "2025-0001": fiscal year and a number without gaps within it. */
  number: z.string(),
  transactionId: z.string(),
  donorCode: z.string(),
  /**
   * The donor's name (sealed; opened only when the PDF is made): none on the receipt, printed on
   * the caller's PDF, or withheld from it (the caller holds no grant where it is sealed).
   */
  donorName: z.enum(['none', 'printed', 'withheld']),
  amount: z.string(),
  currency: z.string(),
  receivedOn: z.string(),
  locale: z.string(),
})

export type ReceiptView = z.infer<typeof receiptView>

/** A page of the journal, with the receipts its donations already have. */
export const transactionsPageView = z.object({
  total: z.number(),
  items: z.array(transactionView),
  receipts: z.array(receiptView),
})
export type TransactionsPageView = z.infer<typeof transactionsPageView>

export const receiptsPageView = z.object({ total: z.number(), items: z.array(receiptView) })
export type ReceiptsPageView = z.infer<typeof receiptsPageView>
