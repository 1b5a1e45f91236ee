import { isCurrencyCode } from '@haven/core/money/currency'
import { rationalToNumber } from '@haven/core/money/decimal'
import { type ExchangeRate, findRatePath, type RatePath } from '@haven/core/money/exchange-rate'
import {
  convertQuantity,
  multiplyQuantities,
  type Quantity,
  quantity,
  UnitMismatchError,
} from '@haven/core/units/quantity'
import { DEFAULT_TIME_BASIS, type TimeBasis } from '@haven/core/units/time-basis'
import { normalizeUnit } from '@haven/core/units/unit'
import { readFigure, type StatedFigure } from './stated-figure.js'

/**
 * One figure a narrative states, and the figures from the records whose product should give
 * it: "30 tonnes a year" against "20 people a day" × "10 kg per person".
 */
export interface ConsistencyCheck {
  readonly label: string
  readonly stated: StatedFigure
  readonly computed: readonly StatedFigure[]
  /** The thing counted when a figure names none ("600 a month" about people). */
  readonly defaultCount?: string
}

export interface ConsistencyOptions {
  readonly rates?: readonly ExchangeRate[]
  /** The day whose exchange rates apply (YYYY-MM-DD); required to compare currencies. */
  readonly date?: string
  readonly basis?: TimeBasis
  /** Relative difference above which the figures contradict each other (default 0.1). */
  readonly tolerance?: number
}

/** The arithmetic that shows a finding, step by step, for both languages to word. */
export type ArithmeticStep =
  | { readonly kind: 'product'; readonly factors: readonly Quantity[]; readonly result: Quantity }
  | {
      readonly kind: 'currency'
      readonly from: Quantity
      readonly to: Quantity
      readonly path: RatePath
    }
  | { readonly kind: 'unit'; readonly from: Quantity; readonly to: Quantity }

export type ConsistencyFinding =
  | {
      readonly label: string
      readonly status: 'consistent' | 'contradiction'
      readonly stated: Quantity
      readonly approximate: boolean
      /** The computed figure in the stated figure's unit. */
      readonly computed: Quantity
      readonly steps: readonly ArithmeticStep[]
      /** computed / stated */
      readonly ratio: number
      readonly tolerance: number
      readonly basis: TimeBasis
    }
  | {
      readonly label: string
      readonly status: 'incomparable'
      readonly reason: string
      readonly stated?: Quantity
      readonly computed?: Quantity
    }

/**
 * Compares each stated figure with the figures computed from the records, after bringing both
 * to the stated unit (g/kg/t; per day/week/month/year on the time basis; currencies at the
 * dated rate), and flags differences beyond the tolerance with the arithmetic that shows them.
 */
export function checkConsistency(
  checks: readonly ConsistencyCheck[],
  options: ConsistencyOptions = {},
): ConsistencyFinding[] {
  const basis = options.basis ?? DEFAULT_TIME_BASIS
  const tolerance = options.tolerance ?? 0.1
  return checks.map((check) => {
    const stated = readFigure(check.stated, check.defaultCount)
    const factors = check.computed.map((f) => readFigure(f, check.defaultCount).quantity)
    if (factors.length === 0)
      return {
        label: check.label,
        status: 'incomparable',
        reason: 'nothing computed to compare with',
        stated: stated.quantity,
      }
    const steps: ArithmeticStep[] = []
    let computed = factors.slice(1).reduce(multiplyQuantities, factors[0] ?? quantity(1, []))
    if (factors.length > 1) steps.push({ kind: 'product', factors, result: computed })

    // Currencies convert at the dated rate, not by a factor.
    for (const term of computed.unit) {
      if (!isCurrencyCode(term.unit)) continue
      const target = stated.quantity.unit.find(
        (t) => isCurrencyCode(t.unit) && t.power === term.power && t.unit !== term.unit,
      )
      if (!target || !isCurrencyCode(target.unit)) continue
      if (!options.date)
        return {
          label: check.label,
          status: 'incomparable',
          reason: `no date for the ${term.unit}→${target.unit} rate`,
          stated: stated.quantity,
          computed,
        }
      const path = findRatePath(options.rates ?? [], term.unit, target.unit, options.date)
      if (!path)
        return {
          label: check.label,
          status: 'incomparable',
          reason: `no ${term.unit}→${target.unit} rate on or before ${options.date}`,
          stated: stated.quantity,
          computed,
        }
      const converted = quantity(
        computed.value * rationalToNumber(path.rate) ** term.power,
        normalizeUnit(
          computed.unit.map((t) => (t === term ? { unit: target.unit, power: t.power } : t)),
        ),
      )
      steps.push({ kind: 'currency', from: computed, to: converted, path })
      computed = converted
    }

    let inStatedUnit: Quantity
    try {
      inStatedUnit = convertQuantity(computed, stated.quantity.unit, basis)
    } catch (error) {
      if (!(error instanceof UnitMismatchError)) throw error
      return {
        label: check.label,
        status: 'incomparable',
        reason: 'the figures measure different things',
        stated: stated.quantity,
        computed,
      }
    }
    if (
      JSON.stringify(inStatedUnit.unit) !== JSON.stringify(computed.unit) ||
      inStatedUnit.value !== computed.value
    )
      steps.push({ kind: 'unit', from: computed, to: inStatedUnit })
    const s = stated.quantity.value
    const ratio =
      s === 0 ? (inStatedUnit.value === 0 ? 1 : Number.POSITIVE_INFINITY) : inStatedUnit.value / s
    return {
      label: check.label,
      status: Math.abs(ratio - 1) > tolerance ? 'contradiction' : 'consistent',
      stated: stated.quantity,
      approximate: stated.approximate,
      computed: inStatedUnit,
      steps,
      ratio,
      tolerance,
      basis,
    }
  })
}
