import { sql } from 'kysely'
import { insertRows } from '../../db/bulk-insert-store.js'
import type { Db } from '../../db/db-handle.js'
import type {
  FinanceAccountsTable,
  FinanceBudgetsTable,
  FinancePostingsTable,
  FinanceReceiptsTable,
  FinanceTransactionsTable,
} from './finance-tables.js'

export async function listAccounts(db: Db): Promise<FinanceAccountsTable[]> {
  return db.selectFrom('finance_accounts').selectAll().orderBy('code').execute()
}

export async function findAccount(db: Db, code: string): Promise<FinanceAccountsTable | undefined> {
  return db.selectFrom('finance_accounts').selectAll().where('code', '=', code).executeTakeFirst()
}

export async function insertAccount(db: Db, row: FinanceAccountsTable): Promise<void> {
  await db.insertInto('finance_accounts').values(row).execute()
}

export async function insertTransaction(
  db: Db,
  row: FinanceTransactionsTable,
  postings: readonly FinancePostingsTable[],
): Promise<void> {
  await db.insertInto('finance_transactions').values(row).execute()
  await db.insertInto('finance_postings').values(postings).execute()
}

/**
 * Many transactions and their lines in a few statements (a batch of records' money): a thousand
 * rows a statement, under SQLite's limit of bound values.
 */
export async function insertTransactions(
  db: Db,
  rows: readonly FinanceTransactionsTable[],
  postings: readonly FinancePostingsTable[],
): Promise<void> {
  await insertRows(db, 'finance_transactions', rows, 1000)
  await insertRows(db, 'finance_postings', postings, 1000)
}

export async function findTransaction(
  db: Db,
  id: string,
): Promise<FinanceTransactionsTable | undefined> {
  return db.selectFrom('finance_transactions').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function markReversed(db: Db, id: string, by: string): Promise<void> {
  await db
    .updateTable('finance_transactions')
    .set({ reversed_by_id: by })
    .where('id', '=', id)
    .execute()
}

/** The standing (not reversed) transaction a record posted, if any. */
export async function standingForSource(
  db: Db,
  source: { module: string; kind: string; id: string },
): Promise<FinanceTransactionsTable | undefined> {
  return db
    .selectFrom('finance_transactions')
    .selectAll()
    .where('source_module', '=', source.module)
    .where('source_kind', '=', source.kind)
    .where('source_id', '=', source.id)
    .where('kind', '=', 'record')
    .where('reversed_by_id', 'is', null)
    .executeTakeFirst()
}

/** Which of these records of one module and kind have a standing transaction (their ids). */
export async function sourcesWithStanding(
  db: Db,
  module: string,
  kind: string,
  ids: readonly string[],
): Promise<Set<string>> {
  const found = new Set<string>()
  for (let at = 0; at < ids.length; at += 1000) {
    const rows = await db
      .selectFrom('finance_transactions')
      .select('source_id')
      .where('source_module', '=', module)
      .where('source_kind', '=', kind)
      .where('source_id', 'in', ids.slice(at, at + 1000))
      .where('kind', '=', 'record')
      .where('reversed_by_id', 'is', null)
      .execute()
    for (const r of rows) if (r.source_id) found.add(r.source_id)
  }
  return found
}

export async function postingsOf(
  db: Db,
  transactionIds: readonly string[],
): Promise<FinancePostingsTable[]> {
  if (transactionIds.length === 0) return []
  return db
    .selectFrom('finance_postings')
    .selectAll()
    .where('transaction_id', 'in', transactionIds)
    .orderBy('transaction_id')
    .orderBy('id')
    .execute()
}

/** Transactions of a date range (of one kind, if asked), oldest first, a page at a time. */
export async function listTransactions(
  db: Db,
  range: { from: string; to: string; kind?: string | undefined },
  page: { limit: number; offset: number },
): Promise<{ rows: FinanceTransactionsTable[]; total: number }> {
  let base = db
    .selectFrom('finance_transactions')
    .where('occurred_on', '>=', range.from)
    .where('occurred_on', '<=', range.to)
  if (range.kind) base = base.where('kind', '=', range.kind)
  const rows = await base
    .selectAll()
    .orderBy('occurred_on')
    .orderBy('id')
    .limit(page.limit)
    .offset(page.offset)
    .execute()
  const count = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst()
  return { rows, total: Number(count?.n ?? 0) }
}

export async function isMonthClosed(db: Db, month: string): Promise<boolean> {
  const row = await db
    .selectFrom('finance_closed_months')
    .select('month')
    .where('month', '=', month)
    .executeTakeFirst()
  return row !== undefined
}

/** Which of these months (YYYY-MM) are closed. */
export async function closedMonthsAmong(db: Db, months: readonly string[]): Promise<Set<string>> {
  if (months.length === 0) return new Set()
  const rows = await db
    .selectFrom('finance_closed_months')
    .select('month')
    .where('month', 'in', [...months])
    .execute()
  return new Set(rows.map((r) => r.month))
}

export async function listClosedMonths(db: Db) {
  return db.selectFrom('finance_closed_months').selectAll().orderBy('month').execute()
}

export async function insertClosedMonth(
  db: Db,
  row: { month: string; closed_at: string; closed_by: string | null },
): Promise<void> {
  await db.insertInto('finance_closed_months').values(row).execute()
}

export async function replaceBudget(
  db: Db,
  fiscalYear: number,
  programme: string,
  rows: readonly FinanceBudgetsTable[],
): Promise<void> {
  await db
    .deleteFrom('finance_budgets')
    .where('fiscal_year', '=', fiscalYear)
    .where('programme', '=', programme)
    .execute()
  await db.insertInto('finance_budgets').values(rows).execute()
}

export async function budgetsOf(db: Db, fiscalYear: number): Promise<FinanceBudgetsTable[]> {
  return db
    .selectFrom('finance_budgets')
    .selectAll()
    .where('fiscal_year', '=', fiscalYear)
    .orderBy('programme')
    .orderBy('month')
    .execute()
}

/**
 * Spend per programme and month in the reporting currency, from the expense accounts: one
 * grouped sum over the month index, which is what the budget-vs-actual report and the
 * statement benchmark measure.
 */
export async function expenseByProgrammeAndMonth(
  db: Db,
  months: readonly string[],
  expenseAccounts: readonly string[],
): Promise<{ programme: string | null; month: string; minor: number }[]> {
  const rows = await db
    .selectFrom('finance_postings')
    .where('finance_postings.month', 'in', months)
    .where('finance_postings.account_code', 'in', expenseAccounts)
    .select([
      'finance_postings.programme',
      'finance_postings.month',
      sql<string>`sum(finance_postings.report_minor)`.as('minor'),
    ])
    .groupBy(['finance_postings.programme', 'finance_postings.month'])
    .execute()
  return rows.map((r) => ({ programme: r.programme, month: r.month, minor: Number(r.minor) }))
}

/**
 * Valued spend per programme and day (the budget-vs-actual report in another currency converts
 * each day at its own rate); lines still waiting for a rate come through `pendingExpenses`.
 */
export async function expenseByProgrammeAndDay(
  db: Db,
  months: readonly string[],
  expenseAccounts: readonly string[],
): Promise<{ programme: string | null; month: string; day: string; minor: number }[]> {
  const rows = await db
    .selectFrom('finance_postings')
    .where('finance_postings.month', 'in', months)
    .where('finance_postings.account_code', 'in', expenseAccounts)
    .where('finance_postings.report_minor', 'is not', null)
    .select([
      'finance_postings.programme',
      'finance_postings.month',
      'finance_postings.occurred_on',
      sql<string>`sum(finance_postings.report_minor)`.as('minor'),
    ])
    .groupBy([
      'finance_postings.programme',
      'finance_postings.month',
      'finance_postings.occurred_on',
    ])
    .execute()
  return rows.map((r) => ({
    programme: r.programme,
    month: r.month,
    day: r.occurred_on,
    minor: Number(r.minor),
  }))
}

/** Each account's balance per currency, for postings on or before `asOf`. */
export async function balances(
  db: Db,
  asOf: string,
): Promise<{ account_code: string; currency: string; minor: number }[]> {
  const rows = await db
    .selectFrom('finance_postings')
    .where('occurred_on', '<=', asOf)
    .select(['account_code', 'currency', sql<string>`sum(minor)`.as('minor')])
    .groupBy(['account_code', 'currency'])
    .orderBy('account_code')
    .orderBy('currency')
    .execute()
  return rows.map((r) => ({ ...r, minor: Number(r.minor) }))
}

/** How many postings a date range has (the CSV export's audit says how much left). */
export async function countPostingsBetween(db: Db, from: string, to: string): Promise<number> {
  const row = await db
    .selectFrom('finance_postings')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('occurred_on', '>=', from)
    .where('occurred_on', '<=', to)
    .executeTakeFirst()
  return Number(row?.n ?? 0)
}

/**
 * A date range's postings in journal order, a page at a time with their transactions, by key
 * (day, transaction, line) rather than offset, so each page costs the same however deep: the
 * CSV export streams them without holding a year of a million lines.
 */
export async function* journalPages(db: Db, from: string, to: string, size = 2000) {
  let after: { day: string; tx: string; id: string } | null = null
  for (;;) {
    let q = db
      .selectFrom('finance_postings')
      .selectAll()
      .where('occurred_on', '>=', from)
      .where('occurred_on', '<=', to)
    if (after) {
      const { day, tx, id } = after
      q = q.where((eb) =>
        eb.or([
          eb('occurred_on', '>', day),
          eb.and([eb('occurred_on', '=', day), eb('transaction_id', '>', tx)]),
          eb.and([eb('occurred_on', '=', day), eb('transaction_id', '=', tx), eb('id', '>', id)]),
        ]),
      )
    }
    const postings = await q
      .orderBy('occurred_on')
      .orderBy('transaction_id')
      .orderBy('id')
      .limit(size)
      .execute()
    const last = postings[postings.length - 1]
    if (!last) return
    const ids = [...new Set(postings.map((p) => p.transaction_id))]
    const transactions = await db
      .selectFrom('finance_transactions')
      .selectAll()
      .where('id', 'in', ids)
      .execute()
    yield { transactions, postings }
    if (postings.length < size) return
    after = { day: last.occurred_on, tx: last.transaction_id, id: last.id }
  }
}

/** A month's lines still waiting for their reporting value (no rate known when posted). */
export async function pendingValues(db: Db, month: string) {
  return db
    .selectFrom('finance_postings')
    .select(['id', 'currency', 'minor', 'occurred_on'])
    .where('month', '=', month)
    .where('report_minor', 'is', null)
    .execute()
}

export async function setReportingValue(
  db: Db,
  id: string,
  value: { minor: number; rate: string; rateDate: string | null },
): Promise<void> {
  await db
    .updateTable('finance_postings')
    .set({ report_minor: value.minor, rate: value.rate, rate_date: value.rateDate })
    .where('id', '=', id)
    .execute()
}

/** Expense lines of some months still waiting for a rate, summed per programme, day and currency. */
export async function pendingExpenses(
  db: Db,
  months: readonly string[],
  expenseAccounts: readonly string[],
) {
  const rows = await db
    .selectFrom('finance_postings')
    .where('finance_postings.month', 'in', months)
    .where('finance_postings.account_code', 'in', expenseAccounts)
    .where('finance_postings.report_minor', 'is', null)
    .select([
      'finance_postings.programme',
      'finance_postings.month',
      'finance_postings.occurred_on',
      'finance_postings.currency',
      sql<string>`sum(finance_postings.minor)`.as('minor'),
    ])
    .groupBy([
      'finance_postings.programme',
      'finance_postings.month',
      'finance_postings.occurred_on',
      'finance_postings.currency',
    ])
    .execute()
  return rows.map((r) => ({ ...r, minor: Number(r.minor) }))
}

/**
 * Each account's lines of a date range in the reporting currency (pending lines apart, per day
 * and currency, for the service to value): the income and expenditure statement.
 */
export async function reportTotalsByAccount(db: Db, from: string, to: string) {
  const valued = await db
    .selectFrom('finance_postings')
    .where('occurred_on', '>=', from)
    .where('occurred_on', '<=', to)
    .select(['account_code', sql<string | null>`sum(report_minor)`.as('minor')])
    .groupBy('account_code')
    .execute()
  // Lines waiting for a rate, per day and currency: read through their own partial index.
  const pending = await db
    .selectFrom('finance_postings')
    .where('occurred_on', '>=', from)
    .where('occurred_on', '<=', to)
    .where('report_minor', 'is', null)
    .select(['account_code', 'occurred_on', 'currency', sql<string>`sum(minor)`.as('minor')])
    .groupBy(['account_code', 'occurred_on', 'currency'])
    .execute()
  return {
    valued: valued.map((r) => ({ account: r.account_code, minor: Number(r.minor ?? 0) })),
    pending: pending.map((r) => ({
      account: r.account_code,
      day: r.occurred_on,
      currency: r.currency,
      minor: Number(r.minor),
    })),
  }
}

/** Spend per compartment and month in yen, from records' expense lines (valued ones). */
export async function expenseByCompartmentAndMonth(
  db: Db,
  months: readonly string[],
  expenseAccounts: readonly string[],
) {
  const rows = await db
    .selectFrom('finance_postings')
    .innerJoin('finance_transactions', 'finance_transactions.id', 'finance_postings.transaction_id')
    .where('finance_postings.month', 'in', months)
    .where('finance_postings.account_code', 'in', expenseAccounts)
    .where('finance_transactions.compartment_id', 'is not', null)
    .select([
      'finance_transactions.compartment_id',
      'finance_postings.month',
      sql<string>`sum(finance_postings.report_minor)`.as('minor'),
      sql<string>`sum(case when finance_postings.report_minor is null then 1 else 0 end)`.as(
        'unvalued',
      ),
    ])
    .groupBy(['finance_transactions.compartment_id', 'finance_postings.month'])
    .orderBy('finance_transactions.compartment_id')
    .orderBy('finance_postings.month')
    .execute()
  return rows.map((r) => ({
    compartmentId: r.compartment_id ?? '',
    month: r.month,
    minor: Number(r.minor ?? 0),
    unvalued: Number(r.unvalued),
  }))
}

/**
 * The next receipt number of a fiscal year, inside the caller's transaction: the counter row is
 * updated in place (a row lock on PostgreSQL, the single writer on SQLite), so two receipts
 * never share a number, and a receipt that fails rolls its number back: no gaps.
 */
export async function nextReceiptNumber(db: Db, fiscalYear: number): Promise<number> {
  await db
    .insertInto('finance_receipt_counters')
    .values({ fiscal_year: fiscalYear, last: 0 })
    .onConflict((oc) => oc.column('fiscal_year').doNothing())
    .execute()
  const row = await db
    .updateTable('finance_receipt_counters')
    .set((eb) => ({ last: eb('last', '+', 1) }))
    .where('fiscal_year', '=', fiscalYear)
    .returning('last')
    .executeTakeFirstOrThrow()
  return Number(row.last)
}

export async function insertReceipt(db: Db, row: FinanceReceiptsTable): Promise<void> {
  await db.insertInto('finance_receipts').values(row).execute()
}

export async function receiptFor(db: Db, transactionId: string) {
  return db
    .selectFrom('finance_receipts')
    .selectAll()
    .where('transaction_id', '=', transactionId)
    .executeTakeFirst()
}

/** A fiscal year's receipts in number order, a page at a time. */
export async function listReceipts(
  db: Db,
  fiscalYear: number,
  page: { limit: number; offset: number },
): Promise<{ rows: FinanceReceiptsTable[]; total: number }> {
  const base = db.selectFrom('finance_receipts').where('fiscal_year', '=', fiscalYear)
  const rows = await base
    .selectAll()
    .orderBy('number')
    .limit(page.limit)
    .offset(page.offset)
    .execute()
  const count = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst()
  return { rows, total: Number(count?.n ?? 0) }
}

/** The receipts of some transactions (the journal page marks the donations already receipted). */
export async function receiptsOf(db: Db, transactionIds: readonly string[]) {
  if (transactionIds.length === 0) return []
  return db
    .selectFrom('finance_receipts')
    .selectAll()
    .where('transaction_id', 'in', transactionIds)
    .execute()
}

export async function findReceipt(db: Db, id: string) {
  return db.selectFrom('finance_receipts').selectAll().where('id', '=', id).executeTakeFirst()
}

/**
 * Some accounts' balances on a day per currency: the money, and its yen value booked so far
 * (lines still waiting for a rate apart, per day, for the service to value at their day's rate).
 */
export async function bookedValues(db: Db, accounts: readonly string[], asOf: string) {
  if (accounts.length === 0) return []
  const rows = await db
    .selectFrom('finance_postings')
    .where('account_code', 'in', accounts)
    .where('occurred_on', '<=', asOf)
    .select([
      'account_code',
      'currency',
      'occurred_on',
      sql<string>`sum(minor)`.as('minor'),
      sql<string | null>`sum(report_minor)`.as('report_minor'),
      sql<string>`sum(case when report_minor is null then minor else 0 end)`.as('pending_minor'),
    ])
    .groupBy(['account_code', 'currency', 'occurred_on'])
    .orderBy('account_code')
    .orderBy('currency')
    .orderBy('occurred_on')
    .execute()
  return rows.map((r) => ({
    account: r.account_code,
    currency: r.currency,
    on: r.occurred_on,
    minor: Number(r.minor),
    reportMinor: Number(r.report_minor ?? 0),
    pendingMinor: Number(r.pending_minor),
  }))
}

/** Each account's valued yen per day of a range (a statement in another currency converts per day). */
export async function reportTotalsByAccountAndDay(db: Db, from: string, to: string) {
  const rows = await db
    .selectFrom('finance_postings')
    .where('occurred_on', '>=', from)
    .where('occurred_on', '<=', to)
    .where('report_minor', 'is not', null)
    .select(['account_code', 'occurred_on', sql<string>`sum(report_minor)`.as('minor')])
    .groupBy(['account_code', 'occurred_on'])
    .execute()
  return rows.map((r) => ({ account: r.account_code, day: r.occurred_on, minor: Number(r.minor) }))
}

/** Whether any budget or receipt exists: both are tied to fiscal years as they were then. */
export async function anyBudgetOrReceipt(db: Db): Promise<boolean> {
  const budget = await db.selectFrom('finance_budgets').select('fiscal_year').limit(1).execute()
  if (budget.length > 0) return true
  const receipt = await db.selectFrom('finance_receipts').select('id').limit(1).execute()
  return receipt.length > 0
}
