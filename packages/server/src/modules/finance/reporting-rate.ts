import type { CurrencyCode } from '@haven/core/money/currency'
import { formatRational, type Rational, rational } from '@haven/core/money/decimal'
import { convertAtRate, type ExchangeRate, findRatePath } from '@haven/core/money/exchange-rate'
import type { Money } from '@haven/core/money/money'
import type { Db } from '../../db/db-handle.js'
import { errors } from '../../http/errors.js'
import { exchangeRatesFor, nearestRate } from '../supplies/index.js'

/** The books are kept in yen: every posting also carries its yen value at the rate of its day. */
export const REPORTING_CURRENCY: CurrencyCode = 'JPY'

export interface ReportingValue {
  readonly minor: number
  /** Units of the reporting currency per unit of the amount's currency, exact decimal text. */
  readonly rate: string
  /** The day of the (oldest) rate used; null when no conversion was needed. */
  readonly rateDate: string | null
}

/**
 * The amount in the reporting currency at the latest rate on or before `day` (direct, inverse
 * or through one other currency). With none, the refusal names the pair, the day and the
 * nearest rate recorded for the pair, and nothing is substituted.
 */
export async function reportingValue(db: Db, amount: Money, day: string): Promise<ReportingValue> {
  const rate = await reportingRate(db, amount.currency, day)
  return valueAt(amount, rate)
}

/** A currency's rate into the reporting currency on a day, exact, with its text and date. */
export interface ReportingRate {
  readonly rate: Rational
  readonly text: string
  readonly date: string | null
}

export function valueAt(amount: Money, rate: ReportingRate): ReportingValue {
  return {
    minor: convertAtRate(amount, REPORTING_CURRENCY, rate.rate).minor,
    rate: rate.text,
    rateDate: rate.date,
  }
}

export async function reportingRate(
  db: Db,
  currency: CurrencyCode,
  day: string,
): Promise<ReportingRate> {
  return rateInto(db, currency, REPORTING_CURRENCY, day)
}

/** A currency's rate into another on a day (latest on or before it), or the missing rate named. */
export async function rateInto(
  db: Db,
  currency: CurrencyCode,
  to: CurrencyCode,
  day: string,
): Promise<ReportingRate> {
  if (currency === to) return { rate: rational(1n), text: '1', date: null }
  const rate = rateAmong(await exchangeRatesFor(db, [currency, to], day), currency, to, day)
  if (!rate) {
    const near = await nearestRate(db, currency, to, day)
    throw errors.rateMissing({
      from: currency,
      to,
      day,
      nearest: near ? `${near.date}: 1 ${near.base} = ${near.rate} ${near.quote}` : '—',
    })
  }
  return rate
}

/**
 * `rateInto` among rates already read (those of a later day too: only the ones on or before
 * `day` count), or undefined when none leads from one currency to the other.
 */
export function rateAmong(
  rates: readonly ExchangeRate[],
  currency: CurrencyCode,
  to: CurrencyCode,
  day: string,
): ReportingRate | undefined {
  if (currency === to) return { rate: rational(1n), text: '1', date: null }
  const path = findRatePath(rates, currency, to, day)
  if (!path) return undefined
  const dates = path.legs.map((l) => l.rate.date).sort()
  return { rate: path.rate, text: formatRational(path.rate, 10), date: dates[0] ?? null }
}

/**
 * Yen into another currency day by day, each day's rate read once; `used` lists the rates a
 * report applied, oldest first, so a statement names every rate behind its figures.
 */
export function yenInto(db: Db, to: CurrencyCode) {
  const rates = new Map<string, ReportingRate>()
  const rateOn = async (day: string) => {
    let rate = rates.get(day)
    if (!rate) {
      rate = await rateInto(db, REPORTING_CURRENCY, to, day)
      rates.set(day, rate)
    }
    return rate
  }
  return {
    rateOn,
    async convert(yenMinor: number, day: string): Promise<number> {
      const rate = await rateOn(day)
      return convertAtRate({ currency: REPORTING_CURRENCY, minor: yenMinor }, to, rate.rate).minor
    },
    used(): { rate: string; rateDate: string | null }[] {
      const distinct = new Map([...rates.values()].map((r) => [`${r.date}/${r.text}`, r]))
      return [...distinct.values()]
        .map((r) => ({ rate: r.text, rateDate: r.date }))
        .sort((a, b) => ((a.rateDate ?? '') < (b.rateDate ?? '') ? -1 : 1))
    },
  }
}
