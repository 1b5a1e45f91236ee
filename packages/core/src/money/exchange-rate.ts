import { type CurrencyCode, isCurrencyCode, minorUnits } from './currency.js'
import {
  divideRational,
  formatRational,
  multiplyRational,
  parseDecimal,
  type Rational,
  type RoundingMode,
  rational,
  roundRational,
} from './decimal.js'
import { type Money, money } from './money.js'
import { MoneyError } from './money-error.js'

/**
 * One unit of `base` was worth `rate` units of `quote` on `date` (major units, decimal text so
 * the rate is exact: "15" CNY→JPY, "0.0085" JPY→USD). `source` says where it came from, because
 * a report that converts money must be able to say at what rate.
 */
export interface ExchangeRate {
  readonly base: CurrencyCode
  readonly quote: CurrencyCode
  readonly rate: string
  /** YYYY-MM-DD */
  readonly date: string
  readonly source?: string
}

/** How a conversion was made: the rates used, in order, and the exact combined rate. */
export interface RatePath {
  readonly from: CurrencyCode
  readonly to: CurrencyCode
  /** The rates as recorded; `inverted` when used from quote to base. */
  readonly legs: readonly { readonly rate: ExchangeRate; readonly inverted: boolean }[]
  /** Units of `to` per unit of `from`, exact. */
  readonly rate: Rational
}

export interface Conversion {
  readonly amount: Money
  readonly result: Money
  readonly path: RatePath
}

export interface RateLookupOptions {
  /** Refuse rates older than this many days before the conversion date (default: no limit). */
  readonly maxAgeDays?: number
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

function dayNumber(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / 86_400_000)
}

/** Checks a rate as entered; returns the exact rate or throws an error naming the problem. */
export function exactRate(rate: ExchangeRate): Rational {
  if (!isCurrencyCode(rate.base) || !isCurrencyCode(rate.quote))
    throw new MoneyError(
      'unknown_currency',
      `The rate of ${rate.date} names an unknown currency (${rate.base}/${rate.quote}).`,
    )
  if (!ISO_DATE.test(rate.date) || Number.isNaN(dayNumber(rate.date)))
    throw new MoneyError('invalid_rate', `The rate date "${rate.date}" is not YYYY-MM-DD.`)
  const value = parseDecimal(rate.rate)
  if (!value || value.num <= 0n)
    throw new MoneyError(
      'invalid_rate',
      `The ${rate.base}→${rate.quote} rate of ${rate.date} ("${rate.rate}") must be a positive decimal.`,
    )
  return value
}

interface Leg {
  readonly rate: ExchangeRate
  readonly inverted: boolean
  readonly value: Rational
}

/** The most recent rate between two currencies on or before `on`, in either direction. */
function latestLeg(
  rates: readonly ExchangeRate[],
  from: CurrencyCode,
  to: CurrencyCode,
  on: number,
  options: RateLookupOptions,
): Leg | undefined {
  let best: Leg | undefined
  let bestDay = Number.NEGATIVE_INFINITY
  for (const rate of rates) {
    const direct = rate.base === from && rate.quote === to
    const inverse = rate.base === to && rate.quote === from
    if (!direct && !inverse) continue
    const day = dayNumber(rate.date)
    if (day > on || day < bestDay) continue
    if (options.maxAgeDays !== undefined && on - day > options.maxAgeDays) continue
    // On the same day a direct rate beats an inverted one: it is what the source published.
    if (day === bestDay && best && !best.inverted) continue
    const value = exactRate(rate)
    best = { rate, inverted: inverse, value: direct ? value : divideRational(rational(1n), value) }
    bestDay = day
  }
  return best
}

/**
 * How to convert `from` into `to` on `date`: the latest rate on or before that day, direct or
 * inverse, or else through one other currency (CNY→USD→JPY) when both legs are recorded.
 */
export function findRatePath(
  rates: readonly ExchangeRate[],
  from: CurrencyCode,
  to: CurrencyCode,
  date: string,
  options: RateLookupOptions = {},
): RatePath | undefined {
  if (!ISO_DATE.test(date)) throw new MoneyError('invalid_rate', `"${date}" is not YYYY-MM-DD.`)
  if (from === to) return { from, to, legs: [], rate: rational(1n) }
  const on = dayNumber(date)
  const direct = latestLeg(rates, from, to, on, options)
  if (direct)
    return {
      from,
      to,
      legs: [{ rate: direct.rate, inverted: direct.inverted }],
      rate: direct.value,
    }
  const pivots = new Set<CurrencyCode>()
  for (const rate of rates) {
    if (rate.base === from || rate.quote === from)
      pivots.add(rate.base === from ? rate.quote : rate.base)
  }
  let best: RatePath | undefined
  let bestAge = Number.POSITIVE_INFINITY
  for (const pivot of [...pivots].sort()) {
    if (pivot === to) continue
    const first = latestLeg(rates, from, pivot, on, options)
    const second = latestLeg(rates, pivot, to, on, options)
    if (!first || !second) continue
    // Prefer the pair whose older leg is most recent: a cross rate is as stale as its oldest leg.
    const age = on - Math.min(dayNumber(first.rate.date), dayNumber(second.rate.date))
    if (age >= bestAge) continue
    bestAge = age
    best = {
      from,
      to,
      legs: [
        { rate: first.rate, inverted: first.inverted },
        { rate: second.rate, inverted: second.inverted },
      ],
      rate: multiplyRational(first.value, second.value),
    }
  }
  return best
}

/**
 * Converts exactly at the rate in force on `date`, rounding once to the target's minor unit.
 * Throws `no_exchange_rate` naming the pair and date when no rate was recorded.
 */
export function convertMoney(
  amount: Money,
  to: CurrencyCode,
  rates: readonly ExchangeRate[],
  date: string,
  options: RateLookupOptions & { readonly rounding?: RoundingMode } = {},
): Conversion {
  if (!isCurrencyCode(to))
    throw new MoneyError('unknown_currency', `"${String(to)}" is not an ISO 4217 currency code.`)
  const path = findRatePath(rates, amount.currency, to, date, options)
  if (!path)
    throw new MoneyError(
      'no_exchange_rate',
      `No ${amount.currency}→${to} exchange rate on or before ${date}${options.maxAgeDays === undefined ? '' : ` (within ${options.maxAgeDays} days)`}. Record one, with its source.`,
    )
  const result = convertAtRate(amount, to, path.rate, options.rounding)
  return { amount, result, path }
}

/** `amount` × `rate` (units of `to` per unit of the amount's currency), rounded once. */
export function convertAtRate(
  amount: Money,
  to: CurrencyCode,
  rate: Rational,
  rounding: RoundingMode = 'half-even',
): Money {
  const scale = rational(10n ** BigInt(minorUnits(to)), 10n ** BigInt(minorUnits(amount.currency)))
  const exact = multiplyRational(multiplyRational(rational(BigInt(amount.minor)), rate), scale)
  const minor = roundRational(exact, rounding)
  if (minor > BigInt(Number.MAX_SAFE_INTEGER) || minor < BigInt(Number.MIN_SAFE_INTEGER))
    throw new MoneyError(
      'amount_too_large',
      `The converted amount in ${to} is too large to store exactly; split it into smaller amounts.`,
    )
  return money(to, Number(minor))
}

/** "1 CNY = 15 JPY (2006-03-31, source)" for explanations. */
export function describeRatePath(path: RatePath): string {
  const legs = path.legs.map(
    ({ rate }) =>
      `1 ${rate.base} = ${rate.rate} ${rate.quote} (${rate.date}${rate.source ? `, ${rate.source}` : ''})`,
  )
  const combined = `1 ${path.from} = ${formatRational(path.rate, 6)} ${path.to}`
  return legs.length <= 1 ? (legs[0] ?? combined) : `${combined} via ${legs.join(' and ')}`
}
