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
  budgetsOf,
  expenseByProgrammeAndDay,
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
import { REPORTING_CURRENCY, reportingValue, yenInto } from './reporting-rate.js'

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

/** The last day of a month given as YYYY-MM. */
function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number)
  return new Date(Date.UTC(y ?? 0, m ?? 0, 0)).toISOString().slice(0, 10)
}

/**
 * Budget against actual spend per programme and month of a fiscal year, in yen or another
 * currency. The actuals are the expense postings' yen values at the rates of their days; in
 * another currency each day's yen is converted at that day's rate (as the statement does), and
 * each month's budget, set in yen, at its month-end rate. Every rate used is listed.
 */
export async function budgetVsActual(
  app: AppContext,
  year: number,
  currency: CurrencyCode = REPORTING_CURRENCY,
) {
  const db = app.database.db
  const fy = await fiscalYearIn(db, year)
  const budgets = await budgetsOf(db, year)
  const expenses = await expenseAccounts(db)
  const inYen = currency === REPORTING_CURRENCY
  // Yen per programme, month and day (one day per month when staying in yen).
  const daily: { programme: string | null; month: string; day: string; minor: number }[] = inYen
    ? (await expenseByProgrammeAndMonth(db, fy.months, expenses)).map((a) => ({
        ...a,
        day: monthEnd(a.month),
      }))
    : await expenseByProgrammeAndDay(db, fy.months, expenses)
  // Lines still waiting for a rate are valued at the rate of their day now (or the report is
  // refused naming the missing rate): an actual is never left out silently.
  for (const p of await pendingExpenses(db, fy.months, expenses)) {
    const value = await reportingValue(
      db,
      money(p.currency as CurrencyCode, p.minor),
      p.occurred_on,
    )
    daily.push({
      programme: p.programme,
      month: p.month,
      day: inYen ? monthEnd(p.month) : p.occurred_on,
      minor: value.minor,
    })
  }
  const actualRates = yenInto(db, currency)
  const actuals = new Map<string, number>()
  for (const d of daily) {
    const key = `${d.programme}/${d.month}`
    const minor = inYen ? d.minor : await actualRates.convert(d.minor, d.day)
    actuals.set(key, (actuals.get(key) ?? 0) + minor)
  }
  const budgetRates = yenInto(db, currency)
  const convertedMonths = new Set<string>()
  const budgetOf = async (programme: string, month: string) => {
    const minor = Number(
      budgets.find((b) => b.programme === programme && b.month === month)?.minor ?? 0,
    )
    if (inYen || minor === 0) return minor
    convertedMonths.add(month)
    return budgetRates.convert(minor, monthEnd(month))
  }
  const programmes = PROGRAMMES.filter(
    (p) => budgets.some((b) => b.programme === p) || daily.some((a) => a.programme === p),
  )
  const text = (minor: number) => formatMinorAsDecimal(money(currency, minor))
  const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0)
  const rows = []
  for (const programme of programmes) {
    const budget = []
    for (const m of fy.months) budget.push(await budgetOf(programme, m))
    const actual = fy.months.map((m) => actuals.get(`${programme}/${m}`) ?? 0)
    rows.push({
      programme,
      budget: budget.map(text),
      actual: actual.map(text),
      budgetTotal: text(sum(budget)),
      actualTotal: text(sum(actual)),
    })
  }
  const monthRates = []
  // Only the months a budget was converted in: a month without a budget needs no rate.
  for (const month of fy.months)
    if (convertedMonths.has(month)) {
      const rate = await budgetRates.rateOn(monthEnd(month))
      monthRates.push({ month, rate: rate.text, rateDate: rate.date })
    }
  return {
    fiscalYear: year,
    currency,
    months: [...fy.months],
    programmes: rows,
    rates: actualRates.used(),
    budgetRates: monthRates,
  }
}
