import { FinanceError } from './finance-error.js'

/**
 * A fiscal year, named by the calendar year it starts in: with Japan's April start, 2005 runs
 * from 1 April 2005 to 31 March 2006 (平成17年度). The start month is the organisation's choice.
 */
export interface FiscalYear {
  readonly year: number
  /** YYYY-MM-DD, first and last day. */
  readonly start: string
  readonly end: string
  /** Its twelve months, YYYY-MM, in order. */
  readonly months: readonly string[]
}

export const DEFAULT_FISCAL_YEAR_START = 4

function checkStart(startMonth: number): void {
  if (!Number.isInteger(startMonth) || startMonth < 1 || startMonth > 12)
    throw new FinanceError(
      'invalid_fiscal_year_start',
      `A fiscal year starts in a month from 1 to 12; got ${startMonth}.`,
    )
}

const pad = (n: number) => String(n).padStart(2, '0')

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

export function fiscalYear(year: number, startMonth = DEFAULT_FISCAL_YEAR_START): FiscalYear {
  checkStart(startMonth)
  const months: string[] = []
  for (let i = 0; i < 12; i++) {
    const m = startMonth - 1 + i
    months.push(`${year + Math.floor(m / 12)}-${pad((m % 12) + 1)}`)
  }
  const endYear = startMonth === 1 ? year : year + 1
  const endMonth = startMonth === 1 ? 12 : startMonth - 1
  return Object.freeze({
    year,
    start: `${year}-${pad(startMonth)}-01`,
    end: `${endYear}-${pad(endMonth)}-${pad(lastDay(endYear, endMonth))}`,
    months: Object.freeze(months),
  })
}

/** The fiscal year a day or month (YYYY-MM-DD or YYYY-MM) belongs to. */
export function fiscalYearOf(day: string, startMonth = DEFAULT_FISCAL_YEAR_START): FiscalYear {
  checkStart(startMonth)
  const year = Number(day.slice(0, 4))
  const month = Number(day.slice(5, 7))
  return fiscalYear(month >= startMonth ? year : year - 1, startMonth)
}

/**
 * Spreads a year's amount over its months in whole minor units, exactly: the months differ by
 * at most one unit and the earliest take the remainder, so the twelve add up to the year.
 */
export function phaseEvenly(totalMinor: number, months = 12): number[] {
  const total = BigInt(totalMinor)
  const count = BigInt(months)
  const sign = total < 0n ? -1n : 1n
  const size = (sign * total) / count
  const rest = (sign * total) % count
  return Array.from({ length: months }, (_, i) =>
    Number(sign * (size + (BigInt(i) < rest ? 1n : 0n))),
  )
}
