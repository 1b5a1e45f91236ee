/** An account added to the chart (the default chart is DEFAULT_CHART, in code, always there). */
export interface FinanceAccountsTable {
  code: string
  kind: string
  name_en: string
  name_ja: string
  currency: string | null
  location: string | null
  /** 1 for cash and bank accounts. */
  cash: number
  programme: string | null
  created_at: string
}

/** A transaction: a manual entry, a record's money, or the reversal of another transaction. */
export interface FinanceTransactionsTable {
  id: string
  occurred_on: string
  memo: string
  /** manual, record or reversal */
  kind: string
  source_module: string | null
  source_kind: string | null
  source_id: string | null
  /** The compartment of the record that moved the money (allowance caps are per compartment). */
  compartment_id: string | null
  reverses_id: string | null
  reversed_by_id: string | null
  created_at: string
  created_by: string | null
}

/**
 * One line: signed minor units of its currency (debit positive), with the reporting currency's
 * equivalent fixed at the rate of its day, so reports add integers instead of converting again.
 */
export interface FinancePostingsTable {
  id: string
  transaction_id: string
  occurred_on: string
  /** YYYY-MM: the period, for closing and monthly reports. */
  month: string
  account_code: string
  programme: string | null
  currency: string
  minor: number
  report_currency: string
  /**
   * Null while no rate is known for a record's money in a foreign currency (a distribution in
   * yuan before finance entered the month's rate): reports convert it when they run, and closing
   * the month fixes it, refusing while the rate is still missing.
   */
  report_minor: number | null
  /** Units of the reporting currency per unit of `currency`, exact decimal text; "1" when the same. */
  rate: string | null
  /** The day of the rate used (null when no conversion was needed). */
  rate_date: string | null
  counterparty_kind: string | null
  counterparty_code: string | null
}

export interface FinanceClosedMonthsTable {
  month: string
  closed_at: string
  closed_by: string | null
}

export interface FinanceBudgetsTable {
  fiscal_year: number
  programme: string
  month: string
  currency: string
  minor: number
  updated_at: string
  updated_by: string | null
}

/** The next receipt number of a fiscal year: numbers are issued without gaps, one by one. */
export interface FinanceReceiptCountersTable {
  fiscal_year: number
  last: number
}

/**
 * A donation receipt: its number, the donation it acknowledges, the donor by code and, when
 * given, by name and address sealed in the compartment that keeps the donor.
 */
export interface FinanceReceiptsTable {
  id: string
  fiscal_year: number
  number: number
  transaction_id: string
  donor_code: string
  /** The compartment whose key seals `donor_name`; null when the receipt names no one. */
  compartment_id: string | null
  donor_name: string | null
  currency: string
  minor: number
  received_on: string
  locale: string
  issued_at: string
  issued_by: string | null
}

export interface FinanceTables {
  finance_accounts: FinanceAccountsTable
  finance_transactions: FinanceTransactionsTable
  finance_postings: FinancePostingsTable
  finance_closed_months: FinanceClosedMonthsTable
  finance_budgets: FinanceBudgetsTable
  finance_receipt_counters: FinanceReceiptCountersTable
  finance_receipts: FinanceReceiptsTable
}

declare module '../../db/schema.js' {
  interface Database extends FinanceTables {}
}
