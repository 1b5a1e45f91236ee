import type { AccountDefinition } from '@haven/core/finance/chart'
import type { CurrencyCode } from '@haven/core/money/currency'
import { divideRational, parseDecimal, rational } from '@haven/core/money/decimal'
import { convertAtRate } from '@haven/core/money/exchange-rate'
import { type Money, money, multiplyMoney } from '@haven/core/money/money'
import { fiscalYear as siteFiscalYear } from '@haven/core/site/fiscal-year'
import type { AppContext } from '../../app-context.js'
import { findCompartment } from '../../compartments/compartment-store.js'
import type { Db } from '../../db/db-handle.js'
import { HavenError } from '../../http/haven-error.js'
import { allowancePolicyOn } from '../supplies/index.js'
import { chartOf } from './chart-service.js'
import { decimalOf } from './finance-present.js'
import {
  balances,
  bookedValues,
  expenseByCompartmentAndMonth,
  reportTotalsByAccount,
  reportTotalsByAccountAndDay,
} from './finance-store.js'
import { fiscalYearIn, fiscalYearStart } from './fiscal-settings.js'
import {
  REPORTING_CURRENCY,
  type ReportingRate,
  rateInto,
  reportingValue,
  yenInto,
} from './reporting-rate.js'

const yen = (minor: number) => decimalOf(REPORTING_CURRENCY, minor)

/** Each account's total in yen over a range: valued lines as posted, waiting ones valued now. */
async function totalsByAccount(db: Db, from: string, to: string): Promise<Map<string, number>> {
  const { valued, pending } = await reportTotalsByAccount(db, from, to)
  const totals = new Map(valued.map((v) => [v.account, v.minor]))
  for (const p of pending) {
    const value = await reportingValue(db, money(p.currency as CurrencyCode, p.minor), p.day)
    totals.set(p.account, (totals.get(p.account) ?? 0) + value.minor)
  }
  return totals
}

/**
 * Each account's total over a range in dollars (or another currency): every day's yen value
 * converted at the rate of that day (the latest on or before it), so a statement in dollars
 * uses the dated rates, not one rate for the year. The rates used are returned with it.
 */
async function totalsByAccountIn(db: Db, currency: CurrencyCode, from: string, to: string) {
  const { pending } = await reportTotalsByAccount(db, from, to)
  const daily = await reportTotalsByAccountAndDay(db, from, to)
  for (const p of pending) {
    const value = await reportingValue(db, money(p.currency as CurrencyCode, p.minor), p.day)
    daily.push({ account: p.account, day: p.day, minor: value.minor })
  }
  const rates = new Map<string, ReportingRate>()
  const totals = new Map<string, number>()
  for (const d of daily) {
    let rate = rates.get(d.day)
    if (!rate) {
      rate = await rateInto(db, REPORTING_CURRENCY, currency, d.day)
      rates.set(d.day, rate)
    }
    const converted = convertAtRate(money(REPORTING_CURRENCY, d.minor), currency, rate.rate)
    totals.set(d.account, (totals.get(d.account) ?? 0) + converted.minor)
  }
  const used = new Map([...rates.values()].map((r) => [`${r.date}/${r.text}`, r]))
  const list = [...used.values()]
    .map((r) => ({ rate: r.text, rateDate: r.date }))
    .sort((a, b) => ((a.rateDate ?? '') < (b.rateDate ?? '') ? -1 : 1))
  return { totals, rates: list }
}

/**
 * The income and expenditure statement of a fiscal year in yen (or dollars at the dated rates):
 * income by account (credits, shown positive), expenditure by account, and the surplus or
 * deficit.
 */
export async function incomeAndExpenditure(
  app: AppContext,
  year: number,
  currency: CurrencyCode = REPORTING_CURRENCY,
) {
  const db = app.database.db
  const fy = await fiscalYearIn(db, year)
  const chart = await chartOf(db)
  const { totals, rates } =
    currency === REPORTING_CURRENCY
      ? { totals: await totalsByAccount(db, fy.start, fy.end), rates: [] }
      : await totalsByAccountIn(db, currency, fy.start, fy.end)
  const text = (minor: number) => decimalOf(currency, minor)
  const lines = (kind: AccountDefinition['kind'], sign: number) =>
    chart
      .filter((a) => a.kind === kind && (totals.get(a.code) ?? 0) !== 0)
      .map((a) => ({
        account: a.code,
        nameEn: a.nameEn,
        nameJa: a.nameJa,
        programme: a.programme,
        minor: sign * (totals.get(a.code) ?? 0),
      }))
  const income = lines('income', -1)
  const expenditure = lines('expense', 1)
  const sum = (xs: { minor: number }[]) => xs.reduce((s, x) => s + x.minor, 0)
  const present = (xs: ReturnType<typeof lines>) =>
    xs.map(({ minor, ...rest }) => ({ ...rest, amount: text(minor) }))
  return {
    fiscalYear: year,
    from: fy.start,
    to: fy.end,
    currency,
    income: present(income),
    expenditure: present(expenditure),
    totalIncome: text(sum(income)),
    totalExpenditure: text(sum(expenditure)),
    surplus: text(sum(income) - sum(expenditure)),
    rates,
  }
}

/**
 * Cash by currency and where it is held on a day, each with its value in yen (or another
 * currency) at that day's rate (the revaluation of foreign cash at period end), or the missing
 * rate named.
 */
export async function cashPosition(
  app: AppContext,
  asOf: string,
  currency: CurrencyCode = REPORTING_CURRENCY,
) {
  const db = app.database.db
  const chart = await chartOf(db)
  const cash = new Map(chart.filter((a) => a.cash).map((a) => [a.code, a]))
  const rows = (await balances(db, asOf)).filter((r) => cash.has(r.account_code) && r.minor !== 0)
  const holdings = []
  for (const r of rows) {
    const account = cash.get(r.account_code)
    const amount = money(r.currency as CurrencyCode, r.minor)
    const value = await valueOrMissing(db, amount, currency, asOf)
    holdings.push({
      account: r.account_code,
      nameEn: account?.nameEn ?? '',
      nameJa: account?.nameJa ?? '',
      location: account?.location ?? null,
      currency: r.currency,
      amount: decimalOf(r.currency, r.minor),
      reportAmount: value.minor === null ? null : decimalOf(currency, value.minor),
      rate: value.rate,
      rateDate: value.rateDate,
      missingRate: value.missing,
    })
  }
  return { asOf, currency, holdings }
}

async function reportingValueOrMissing(db: Db, amount: Money, day: string) {
  return valueOrMissing(db, amount, REPORTING_CURRENCY, day)
}

/** An amount in another currency at the rate of a day, or the nearest rate named when none. */
async function valueOrMissing(db: Db, amount: Money, to: CurrencyCode, day: string) {
  try {
    const rate = await rateInto(db, amount.currency, to, day)
    return {
      minor: convertAtRate(amount, to, rate.rate).minor,
      rate: rate.text,
      rateDate: rate.date,
      missing: null,
    }
  } catch (error) {
    if (error instanceof HavenError && error.code === 'no_exchange_rate')
      return {
        minor: null,
        rate: null,
        rateDate: null,
        missing: String(error.params.nearest ?? ''),
      }
    throw error
  }
}

/**
 * Every account's balance per currency on a day, each currency totalling zero, and each
 * balance's value in yen (or another currency): its yen as booked at the rates of its days
 * (lines still waiting for a rate valued at their day's rate now), converted into another
 * currency at the day's rate, named. The value total is the sum of the rows, so rounding in
 * another currency can leave it a few minor units off zero; the yen total is exact.
 */
export async function trialBalanceOn(
  app: AppContext,
  asOf: string,
  currency: CurrencyCode = REPORTING_CURRENCY,
) {
  const db = app.database.db
  const all = await balances(db, asOf)
  const accounts = [...new Set(all.map((r) => r.account_code))]
  // Yen per account and currency; null while a line waits for a rate not yet recorded (the
  // balances still show: the trial balance is how finance finds such lines).
  const booked = new Map<string, number | null>()
  for (const b of await bookedValues(db, accounts, asOf)) {
    const key = `${b.account}/${b.currency}`
    const pending =
      b.pendingMinor === 0
        ? 0
        : (
            await valueOrMissing(
              db,
              money(b.currency as CurrencyCode, b.pendingMinor),
              REPORTING_CURRENCY,
              b.on,
            )
          ).minor
    const before = booked.has(key) ? (booked.get(key) ?? null) : 0
    booked.set(key, before === null || pending === null ? null : before + b.reportMinor + pending)
  }
  // An account at zero in its currency can still hold yen value: the unrealised exchange
  // account's revaluation lines move no money, only yen, and the values must still add to zero.
  const rows = all.filter(
    (r) => r.minor !== 0 || booked.get(`${r.account_code}/${r.currency}`) !== 0,
  )
  const into = yenInto(db, currency)
  const totals = new Map<string, number>()
  let valueTotal: number | null = 0
  const lines = []
  for (const r of rows) {
    totals.set(r.currency, (totals.get(r.currency) ?? 0) + r.minor)
    const inYen = booked.get(`${r.account_code}/${r.currency}`) ?? null
    const value =
      inYen === null || currency === REPORTING_CURRENCY ? inYen : await into.convert(inYen, asOf)
    valueTotal = value === null || valueTotal === null ? null : valueTotal + value
    lines.push({
      account: r.account_code,
      currency: r.currency,
      balance: decimalOf(r.currency, r.minor),
      value: value === null ? null : decimalOf(currency, value),
    })
  }
  return {
    asOf,
    currency,
    accounts: lines,
    totals: [...totals].map(([c, minor]) => ({ currency: c, balance: decimalOf(c, minor) })),
    valueTotal: valueTotal === null ? null : decimalOf(currency, valueTotal),
    rates: into.used(),
  }
}

/** A figure another module offers for a fiscal year (the annual report's door), or 0. */
async function figureOf(app: AppContext, key: string, year: number): Promise<number> {
  const start = await fiscalYearStart(app.database.db)
  for (const m of app.modules)
    for (const f of m.figures ?? [])
      if (f.key === key) {
        const value = await f.compute(app.database.db, siteFiscalYear(year, start))
        return typeof value === 'number' ? value : 0
      }
  return 0
}

/**
 * What feeding cost over a fiscal year, from the books: food programme spend in yen, per person
 * fed for a day and per tonne of rice, with the dollar equivalent at the rate of the year's
 * last day, named — the seed's "1.44 million yen (about $12,308)".
 */
export async function foodCost(app: AppContext, year: number) {
  const db = app.database.db
  const fy = await fiscalYearIn(db, year)
  const chart = await chartOf(db)
  const food = chart.filter((a) => a.kind === 'expense' && a.programme === 'food')
  const totals = await totalsByAccount(db, fy.start, fy.end)
  const spend = money(
    REPORTING_CURRENCY,
    food.reduce((s, a) => s + (totals.get(a.code) ?? 0), 0),
  )
  const personDays = await figureOf(app, 'supplies.food.person-days', year)
  const tonnes = await figureOf(app, 'supplies.food.tonnes.shelters', year)
  const per = (divisor: number) =>
    divisor > 0
      ? yen(multiplyMoney(spend, rational(1000n, BigInt(Math.round(divisor * 1000)))).minor)
      : null
  const usd = await usdOf(db, spend, fy.end)
  return {
    fiscalYear: year,
    currency: REPORTING_CURRENCY,
    spend: yen(spend.minor),
    personDays,
    tonnes,
    perPersonDay: per(personDays),
    perTonne: per(tonnes),
    usd,
  }
}

async function usdOf(db: Db, amount: Money, day: string) {
  const value = await reportingValueOrMissing(db, money('USD', 100), day)
  if (value.minor === null || value.rate === null)
    return { amount: null, rate: null, rateDate: null, missingRate: value.missing }
  // The recorded yen rate of one dollar, inverted exactly: JPY → USD at the same rate.
  const perDollar = parseDecimal(value.rate)
  if (!perDollar) throw new Error(`unreadable rate ${value.rate}`)
  const result = convertAtRate(amount, 'USD', divideRational(rational(1n), perDollar))
  return {
    amount: decimalOf('USD', result.minor),
    rate: value.rate,
    rateDate: value.rateDate,
    missingRate: null,
  }
}

/**
 * Each compartment's month against its allowance policy's monthly cap (180,000 yen in the
 * seed), with the spend from the books rather than the distribution counters. Months with lines
 * still waiting for a rate say how many, so a low figure is not mistaken for a saving.
 */
export async function allowanceAgainstLedger(app: AppContext, year: number) {
  const db = app.database.db
  const fy = await fiscalYearIn(db, year)
  const expenses = (await chartOf(db)).filter((a) => a.kind === 'expense').map((a) => a.code)
  const rows = await expenseByCompartmentAndMonth(db, fy.months, expenses)
  const result = []
  for (const r of rows) {
    const compartment = await findCompartment(db, r.compartmentId)
    const policy = await allowancePolicyOn(db, r.compartmentId, `${r.month}-01`)
    result.push({
      compartmentCode: compartment?.code ?? '',
      month: r.month,
      cap: policy ? decimalOf(policy.monthly_cap_currency, Number(policy.monthly_cap_minor)) : null,
      capCurrency: policy?.monthly_cap_currency ?? null,
      actual: yen(r.minor),
      unvalued: r.unvalued,
    })
  }
  return { fiscalYear: year, currency: REPORTING_CURRENCY, rows: result }
}
