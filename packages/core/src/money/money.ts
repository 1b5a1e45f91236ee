import { type CurrencyCode, isCurrencyCode, minorUnits } from './currency.js'
import {
  parseDecimal,
  type Rational,
  type RoundingMode,
  rational,
  roundRational,
} from './decimal.js'
import { MoneyError } from './money-error.js'

/**
 * An amount of one currency in whole minor units (yen, fen, cents). Integers, so sums are exact
 * and a database column can hold them; a JavaScript number is exact up to 2^53 minor units,
 * about 90 trillion dollars, which Haven checks rather than assumes.
 */
export interface Money {
  readonly currency: CurrencyCode
  readonly minor: number
}

function checkedMinor(value: bigint | number, currency: CurrencyCode): number {
  const minor = typeof value === 'bigint' ? Number(value) : value
  if (!Number.isSafeInteger(minor) || (typeof value === 'bigint' && BigInt(minor) !== value))
    throw new MoneyError(
      'amount_too_large',
      `The amount in ${currency} is too large to store exactly; split it into smaller amounts.`,
    )
  return minor === 0 ? 0 : minor // no negative zero
}

export function money(currency: CurrencyCode, minor: number): Money {
  if (!isCurrencyCode(currency))
    throw new MoneyError(
      'unknown_currency',
      `"${String(currency)}" is not an ISO 4217 currency code.`,
    )
  if (!Number.isInteger(minor))
    throw new MoneyError(
      'invalid_amount',
      `Amounts are whole minor units of ${currency}; got ${minor}. Use moneyFromDecimal for "12.50".`,
    )
  return Object.freeze({ currency, minor: checkedMinor(minor, currency) })
}

/**
 * Money from a decimal in major units ("12.50" USD, "1440000" JPY). More decimals than the
 * currency has are refused unless a rounding mode says how to settle them, because silently
 * dropping fen from a ledger is a bookkeeping error.
 */
export function moneyFromDecimal(
  currency: CurrencyCode,
  amount: string | number,
  rounding?: RoundingMode,
): Money {
  if (!isCurrencyCode(currency))
    throw new MoneyError(
      'unknown_currency',
      `"${String(currency)}" is not an ISO 4217 currency code.`,
    )
  const text = typeof amount === 'number' ? String(amount) : amount.replaceAll('_', '')
  const value = parseDecimal(text)
  if (!value)
    throw new MoneyError(
      'invalid_amount',
      `"${text}" is not a decimal amount; write digits with an optional point, like 12.50.`,
    )
  const scaled = rational(value.num * 10n ** BigInt(minorUnits(currency)), value.den)
  if (scaled.den !== 1n && !rounding)
    throw new MoneyError(
      'too_many_decimals',
      `${currency} has ${minorUnits(currency)} decimal places; "${text}" has more. Round it first.`,
    )
  return money(currency, checkedMinor(roundRational(scaled, rounding ?? 'half-even'), currency))
}

/** The exact amount in major units, as a fraction. */
export function majorAmount(value: Money): Rational {
  return rational(BigInt(value.minor), 10n ** BigInt(minorUnits(value.currency)))
}

/** Major units as decimal text with exactly the currency's decimals: "12.50", "1440000". */
export function formatMinorAsDecimal(value: Money): string {
  const places = minorUnits(value.currency)
  const negative = value.minor < 0
  const digits = Math.abs(value.minor)
    .toString()
    .padStart(places + 1, '0')
  const whole = digits.slice(0, digits.length - places)
  const fraction = digits.slice(digits.length - places)
  return `${negative ? '-' : ''}${whole}${places > 0 ? `.${fraction}` : ''}`
}

function sameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency)
    throw new MoneyError(
      'currency_mismatch',
      `Cannot combine ${a.currency} with ${b.currency} directly; convert one of them first.`,
    )
}

export function addMoney(a: Money, b: Money): Money {
  sameCurrency(a, b)
  return money(a.currency, checkedMinor(BigInt(a.minor) + BigInt(b.minor), a.currency))
}

export function subtractMoney(a: Money, b: Money): Money {
  sameCurrency(a, b)
  return money(a.currency, checkedMinor(BigInt(a.minor) - BigInt(b.minor), a.currency))
}

export function sumMoney(currency: CurrencyCode, amounts: readonly Money[]): Money {
  return amounts.reduce(addMoney, money(currency, 0))
}

export function compareMoney(a: Money, b: Money): -1 | 0 | 1 {
  sameCurrency(a, b)
  return a.minor < b.minor ? -1 : a.minor > b.minor ? 1 : 0
}

/**
 * Multiplies by an exact factor (a daily budget times 30 days, a ration times people) and
 * rounds once.
 */
export function multiplyMoney(
  value: Money,
  factor: Rational | number,
  rounding: RoundingMode = 'half-even',
): Money {
  const f = typeof factor === 'number' ? rationalFromFactor(factor) : factor
  const product = rational(BigInt(value.minor) * f.num, f.den)
  return money(value.currency, checkedMinor(roundRational(product, rounding), value.currency))
}

function rationalFromFactor(factor: number): Rational {
  const parsed = Number.isFinite(factor) ? parseDecimal(String(factor)) : undefined
  if (!parsed) throw new MoneyError('invalid_amount', `${factor} is not a finite factor.`)
  return parsed
}

/** "¥1,440,000", "CN¥400.00", "$51.00" in the reader's language, with the currency's decimals. */
export function formatMoney(locale: string, value: Money): string {
  const places = minorUnits(value.currency)
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: value.currency,
    minimumFractionDigits: places,
    maximumFractionDigits: places,
  }).format(value.minor / 10 ** places)
}

/**
 * A decimal amount as the API sends it ("160000.00" and "CNY") in the reader's language
 * ("CN¥160,000.00", "元 160,000.00"); as given when Haven does not know the currency or the text is
 * not an amount in it, so a screen never fails on an odd stored value.
 */
export function formatDecimalMoney(locale: string, amount: string, currency: string): string {
  if (!isCurrencyCode(currency)) return `${amount} ${currency}`
  try {
    return formatMoney(locale, moneyFromDecimal(currency, amount))
  } catch {
    return `${amount} ${currency}`
  }
}
