import type { BudgetInput, CreateAccount } from '@haven/core/finance/finance-schemas'
import { phaseEvenly } from '@haven/core/finance/fiscal-year'
import type { CurrencyCode } from '@haven/core/money/currency'
import { formatMinorAsDecimal, money } from '@haven/core/money/money'
import { PROGRAMMES, type Programme } from '@haven/core/money/programmes'
import { type AppContext, today } from '../../app-context.js'
import type { Actorish } from '../../audit/audit-log.js'
import { audit } from '../../auth/auth-audit.js'
import { errors } from '../../http/errors.js'
import { accountOf, expenseAccounts } from './chart-service.js'
import {
  balances,
  budgetsOf,
  expenseByProgrammeAndMonth,
  insertAccount,
  insertClosedMonth,
  isMonthClosed,
  pendingExpenses,
  pendingValues,
  replaceBudget,
  setReportingValue,
} from './finance-store.js'
import type { FinanceAccountsTable, FinanceBudgetsTable } from './finance-tables.js'
import { fiscalYearIn } from './fiscal-settings.js'
import { amountOf } from './ledger-service.js'
import { REPORTING_CURRENCY, reportingValue } from './reporting-rate.js'

const yen = (minor: number) => formatMinorAsDecimal(money(REPORTING_CURRENCY, minor))

export async function createAccount(app: AppContext, input: CreateAccount, by: Actorish) {
  const row: FinanceAccountsTable = {
    code: input.code,
    kind: input.kind,
    name_en: input.nameEn,
    name_ja: input.nameJa,
    currency: input.currency,
    location: input.location,
    cash: input.cash ? 1 : 0,
    programme: input.programme,
    created_at: app.now().toISOString(),
  }
  await app.database.db.transaction().execute(async (trx) => {
    if (await accountOf(trx, row.code)) throw errors.accountCodeTaken()
    await insertAccount(trx, row)
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'finance.account_created',
      entityType: 'FinanceAccount',
      entityId: row.code,
      requestId: by.requestId,
      details: { kind: row.kind },
    })
  })
  return row
}

/**
 * Closes a month: from then on nothing is posted into it, and a mistake in it is corrected by
 * a reversing entry dated in an open month. A month closes only once it has ended.
 */
export async function closeMonth(app: AppContext, month: string, by: Actorish) {
  if (month >= today(app).slice(0, 7))
    throw errors.validationFailed([{ path: 'month', key: 'field.date_in_future', params: {} }])
  const row = { month, closed_at: app.now().toISOString(), closed_by: by.actorId }
  await app.database.db.transaction().execute(async (trx) => {
    if (await isMonthClosed(trx, month)) throw errors.monthClosedAlready({ month })
    // A closed month's yen values are final: the ones still waiting for a rate get it now.
    const pending = await pendingValues(trx, month)
    for (const p of pending) {
      const value = await reportingValue(
        trx,
        money(p.currency as CurrencyCode, Number(p.minor)),
        p.occurred_on,
      )
      await setReportingValue(trx, p.id, value)
    }
    await insertClosedMonth(trx, row)
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'finance.month_closed',
      entityType: 'FinancePeriod',
      entityId: month,
      requestId: by.requestId,
      details: { month, valued: pending.length },
    })
  })
  return row
}

/** Sets a programme's budget for a fiscal year, in the reporting currency, month by month. */
export async function setBudget(
  app: AppContext,
  year: number,
  programme: Programme,
  input: BudgetInput,
  by: Actorish,
) {
  const fy = await fiscalYearIn(app.database.db, year)
  const minors =
    input.months?.map((m) => amountOf(REPORTING_CURRENCY, m).minor) ??
    phaseEvenly(amountOf(REPORTING_CURRENCY, input.total ?? '0').minor)
  const rows: FinanceBudgetsTable[] = fy.months.map((month, i) => ({
    fiscal_year: year,
    programme,
    month,
    currency: REPORTING_CURRENCY,
    minor: minors[i] ?? 0,
    updated_at: app.now().toISOString(),
    updated_by: by.actorId,
  }))
  await app.database.db.transaction().execute(async (trx) => {
    await replaceBudget(trx, year, programme, rows)
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'finance.budget_set',
      entityType: 'FinanceBudget',
      entityId: `${year}/${programme}`,
      requestId: by.requestId,
      details: { total: rows.reduce((s, r) => s + r.minor, 0) },
    })
  })
  return presentBudget(year, programme, rows)
}

export function presentBudget(
  year: number,
  programme: string,
  rows: readonly FinanceBudgetsTable[],
) {
  return {
    fiscalYear: year,
    programme,
    currency: REPORTING_CURRENCY,
    months: rows.map((r) => ({ month: r.month, amount: yen(Number(r.minor)) })),
    total: yen(rows.reduce((s, r) => s + Number(r.minor), 0)),
  }
}

export async function budgetsFor(app: AppContext, year: number) {
  const rows = await budgetsOf(app.database.db, year)
  return PROGRAMMES.filter((p) => rows.some((r) => r.programme === p)).map((p) =>
    presentBudget(
      year,
      p,
      rows.filter((r) => r.programme === p),
    ),
  )
}

/**
 * Budget against actual spend per programme and month of a fiscal year, in the reporting
 * currency: the actuals are the expense postings' values at the rates of their days.
 */
export async function budgetVsActual(app: AppContext, year: number) {
  const db = app.database.db
  const fy = await fiscalYearIn(db, year)
  const budgets = await budgetsOf(db, year)
  const expenses = await expenseAccounts(db)
  const actuals = await expenseByProgrammeAndMonth(db, fy.months, expenses)
  // Lines still waiting for a rate are valued at the rate of their day now (or the report is
  // refused naming the missing rate): an actual is never left out silently.
  for (const p of await pendingExpenses(db, fy.months, expenses)) {
    const value = await reportingValue(
      db,
      money(p.currency as CurrencyCode, p.minor),
      p.occurred_on,
    )
    const into = actuals.find((a) => a.programme === p.programme && a.month === p.month)
    if (into) into.minor += value.minor
    else actuals.push({ programme: p.programme, month: p.month, minor: value.minor })
  }
  const programmes = PROGRAMMES.filter(
    (p) => budgets.some((b) => b.programme === p) || actuals.some((a) => a.programme === p),
  )
  return {
    fiscalYear: year,
    currency: REPORTING_CURRENCY,
    months: [...fy.months],
    programmes: programmes.map((programme) => {
      const budget = fy.months.map((m) =>
        Number(budgets.find((b) => b.programme === programme && b.month === m)?.minor ?? 0),
      )
      const actual = fy.months.map(
        (m) => actuals.find((a) => a.programme === programme && a.month === m)?.minor ?? 0,
      )
      const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0)
      return {
        programme,
        budget: budget.map(yen),
        actual: actual.map(yen),
        budgetTotal: yen(sum(budget)),
        actualTotal: yen(sum(actual)),
      }
    }),
  }
}

/** Every account's balance per currency on a day, and each currency's total (zero when right). */
export async function trialBalanceOn(app: AppContext, asOf: string) {
  const rows = await balances(app.database.db, asOf)
  const totals = new Map<string, number>()
  for (const r of rows) totals.set(r.currency, (totals.get(r.currency) ?? 0) + r.minor)
  const text = (currency: string, minor: number) =>
    formatMinorAsDecimal(money(currency as Parameters<typeof money>[0], minor))
  return {
    asOf,
    accounts: rows
      .filter((r) => r.minor !== 0)
      .map((r) => ({
        account: r.account_code,
        currency: r.currency,
        balance: text(r.currency, r.minor),
      })),
    totals: [...totals].map(([currency, minor]) => ({ currency, balance: text(currency, minor) })),
  }
}
