import type { CurrencyCode } from '../money/currency.js'
import { type Money, money, multiplyMoney } from '../money/money.js'
import { DEFAULT_TIME_BASIS, type TimeBasis } from '../units/time-basis.js'
import { type RationCheck, rationCheck } from './ration.js'

export interface CalculatorInput {
  readonly peoplePerDay: number
  readonly gramsPerAdultPerDay: number
  /** Allowance per person per visit, minor units of `currency`. */
  readonly amountPerPersonMinor: number
  readonly currency: CurrencyCode
  readonly basis?: TimeBasis
}

export interface CalculatorResult {
  readonly peoplePerMonth: number
  readonly peoplePerYear: number
  readonly kgPerMonth: number
  readonly tonnesPerYear: number
  readonly costPerDay: Money
  readonly costPerMonth: Money
  readonly costPerYear: Money
  readonly basis: TimeBasis
  readonly ration: RationCheck
}

/**
 * "At N people a day and G grams per adult per day, a year needs T tonnes and costs C", counted
 * the way the field report counts: a 30-day month (20 a day × 30 = 600 a month) and a year of
 * twelve such months, so the figures match the report line by line.
 */
export function yearlyNeed(input: CalculatorInput): CalculatorResult {
  const basis = input.basis ?? DEFAULT_TIME_BASIS
  const peoplePerMonth = input.peoplePerDay * basis.daysPerMonth
  const peoplePerYear = peoplePerMonth * 12
  const kgPerMonth = (peoplePerMonth * input.gramsPerAdultPerDay) / 1000
  const costPerDay = multiplyMoney(
    money(input.currency, input.amountPerPersonMinor),
    input.peoplePerDay,
  )
  const costPerMonth = multiplyMoney(costPerDay, basis.daysPerMonth)
  return {
    peoplePerMonth,
    peoplePerYear,
    kgPerMonth,
    tonnesPerYear: (kgPerMonth * 12) / 1000,
    costPerDay,
    costPerMonth,
    costPerYear: multiplyMoney(costPerMonth, 12),
    basis,
    ration: rationCheck(input.gramsPerAdultPerDay),
  }
}
