import { isCurrencyCode } from '@haven/core/money/currency'
import { formatRational, rationalToNumber } from '@haven/core/money/decimal'
import { type ExchangeRate, findRatePath, type RatePath } from '@haven/core/money/exchange-rate'
import {
  convertQuantity,
  multiplyQuantities,
  type Quantity,
  quantity,
  UnitMismatchError,
} from '@haven/core/units/quantity'
import { DEFAULT_TIME_BASIS, type TimeBasis } from '@haven/core/units/time-basis'
import { type CompoundUnit, normalizeUnit } from '@haven/core/units/unit'
import { type ReadFigure, readFigure, type StatedFigure } from './stated-figure.js'

/**
 * A figure a narrative states and the figures from the records that should give it:
 * - a product (the default): "30 tonnes a year" against "20 people a day" × "10 kg per person";
 *   a total over a span: "2,160,000 yen" against "180,000 yen a month" × { period: "FY2005" };
 * - a sum: "20 children left" against "18 left" + "2 graduated";
 * - a flow: the stock at the end against start + inflows − outflows, "20 sponsored now" against
 *   32 at the start + 8 joined − 18 left − 2 graduated.
 */
export type ConsistencyCheck = ProductCheck | SumCheck | FlowCheck

interface CheckBase {
  readonly label: string
  /** The thing counted when a figure names none ("600 a month" about people). */
  readonly defaultCount?: string
}

export interface ProductCheck extends CheckBase {
  readonly kind?: 'product'
  readonly stated: StatedFigure
  readonly computed: readonly StatedFigure[]
}

export interface SumCheck extends CheckBase {
  readonly kind: 'sum'
  readonly stated: StatedFigure
  readonly parts: readonly StatedFigure[]
}

export interface FlowCheck extends CheckBase {
  readonly kind: 'flow'
  readonly start: StatedFigure
  readonly inflows: readonly StatedFigure[]
  readonly outflows: readonly StatedFigure[]
  /** The figure stated for the end: it is checked against the others. */
  readonly end: StatedFigure
}

export interface ConsistencyOptions {
  readonly rates?: readonly ExchangeRate[]
  /** The day whose exchange rates apply (YYYY-MM-DD); required to compare currencies. */
  readonly date?: string
  readonly basis?: TimeBasis
  /**
   * Relative difference above which the figures contradict each other (default 0.1). Sums and
   * flows of figures none of which is hedged ("about") must agree exactly: 32 − 18 − 2 + 8 is 20.
   */
  readonly tolerance?: number
}

/** A conversion at dated rates, without the exact rational (JSON cannot hold a BigInt). */
export interface ConversionPath {
  readonly from: RatePath['from']
  readonly to: RatePath['to']
  readonly legs: RatePath['legs']
  /** Units of `to` per unit of `from`, as an exact decimal where it has one ("15", "0.0666666667"). */
  readonly rate: string
}

/** The arithmetic that shows a finding, step by step, for both languages to word. */
export type ArithmeticStep =
  | { readonly kind: 'product'; readonly factors: readonly Quantity[]; readonly result: Quantity }
  | {
      readonly kind: 'sum'
      readonly terms: readonly {
        readonly sign: 1 | -1
        readonly quantity: Quantity
        readonly label?: string
      }[]
      readonly result: Quantity
    }
  | {
      readonly kind: 'currency'
      readonly from: Quantity
      readonly to: Quantity
      readonly path: ConversionPath
    }
  | { readonly kind: 'unit'; readonly from: Quantity; readonly to: Quantity }

/** Every finding is plain data (no BigInt, no class): it can be stored and sent as JSON. */
export type ConsistencyFinding =
  | {
      readonly label: string
      readonly kind: 'product' | 'sum' | 'flow'
      readonly status: 'consistent' | 'contradiction'
      readonly stated: Quantity
      readonly approximate: boolean
      /** The computed figure in the stated figure's unit. */
      readonly computed: Quantity
      readonly steps: readonly ArithmeticStep[]
      /** computed / stated (null when the stated figure is 0 and the computed one is not) */
      readonly ratio: number | null
      readonly tolerance: number
      readonly basis: TimeBasis
    }
  | {
      readonly label: string
      readonly kind: 'product' | 'sum' | 'flow'
      readonly status: 'incomparable'
      readonly reason: string
      readonly stated?: Quantity
      readonly computed?: Quantity
    }

interface Context {
  readonly rates: readonly ExchangeRate[]
  readonly date: string | undefined
  readonly basis: TimeBasis
}

type Converted =
  | { readonly quantity: Quantity; readonly steps: ArithmeticStep[] }
  | { readonly reason: string; readonly computed: Quantity }

const TIME = new Set(['day', 'week', 'month', 'year'])

/**
 * The basis for converting between `a` and `b`. Between months and years alone the calendar
 * decides, not the length of a day: 180,000 yen a month is 2,160,000 yen a year (12 months),
 * not 2,190,000 (365 / 30 months). Anything involving days or weeks uses the stated basis.
 */
function basisBetween(a: CompoundUnit, b: CompoundUnit, basis: TimeBasis): TimeBasis {
  const times = new Set([...a, ...b].map((t) => t.unit).filter((u) => TIME.has(u)))
  const monthsAndYears = [...times].every((u) => u === 'month' || u === 'year')
  return monthsAndYears ? { ...basis, daysPerYear: 12 * basis.daysPerMonth } : basis
}

/** `q` in `target`: currencies at the dated rate, then units (mass, time) by factor. */
function convertTo(q: Quantity, target: CompoundUnit, context: Context): Converted {
  const steps: ArithmeticStep[] = []
  let current = q
  for (const term of current.unit) {
    if (!isCurrencyCode(term.unit)) continue
    const goal = target.find(
      (t) => isCurrencyCode(t.unit) && t.power === term.power && t.unit !== term.unit,
    )
    if (!goal || !isCurrencyCode(goal.unit)) continue
    if (!context.date)
      return { reason: `no date for the ${term.unit}→${goal.unit} rate`, computed: current }
    const path = findRatePath(context.rates, term.unit, goal.unit, context.date)
    if (!path)
      return {
        reason: `no ${term.unit}→${goal.unit} rate on or before ${context.date}`,
        computed: current,
      }
    const converted = quantity(
      current.value * rationalToNumber(path.rate) ** term.power,
      normalizeUnit(
        current.unit.map((t) => (t === term ? { unit: goal.unit, power: t.power } : t)),
      ),
    )
    steps.push({
      kind: 'currency',
      from: current,
      to: converted,
      path: { from: path.from, to: path.to, legs: path.legs, rate: formatRational(path.rate) },
    })
    current = converted
  }
  let inTarget: Quantity
  try {
    inTarget = convertQuantity(current, target, basisBetween(current.unit, target, context.basis))
  } catch (error) {
    if (!(error instanceof UnitMismatchError)) throw error
    return { reason: 'the figures measure different things', computed: current }
  }
  if (
    JSON.stringify(inTarget.unit) !== JSON.stringify(current.unit) ||
    inTarget.value !== current.value
  )
    steps.push({ kind: 'unit', from: current, to: inTarget })
  return { quantity: inTarget, steps }
}

/**
 * Compares each stated figure with what the records give, after bringing both to the stated
 * unit (g/kg/t; per day/week/month/year on the time basis, 12 months a year; currencies at the
 * dated rate), and flags differences beyond the tolerance with the arithmetic that shows them.
 */
export function checkConsistency(
  checks: readonly ConsistencyCheck[],
  options: ConsistencyOptions = {},
): ConsistencyFinding[] {
  const context: Context = {
    rates: options.rates ?? [],
    date: options.date,
    basis: options.basis ?? DEFAULT_TIME_BASIS,
  }
  const tolerance = options.tolerance ?? 0.1
  return checks.map((check) => {
    const read = (f: StatedFigure) => readFigure(f, check.defaultCount)
    if (check.kind === 'sum' || check.kind === 'flow') {
      const stated = read(check.kind === 'sum' ? check.stated : check.end)
      const terms =
        check.kind === 'sum'
          ? check.parts.map((f) => ({ figure: read(f), sign: 1 as const }))
          : [
              { figure: read(check.start), sign: 1 as const },
              ...check.inflows.map((f) => ({ figure: read(f), sign: 1 as const })),
              ...check.outflows.map((f) => ({ figure: read(f), sign: -1 as const })),
            ]
      return sumFinding(check.label, check.kind, stated, terms, context, tolerance)
    }
    return productFinding(check, read(check.stated), check.computed.map(read), context, tolerance)
  })
}

function compare(
  label: string,
  kind: 'product' | 'sum' | 'flow',
  stated: ReadFigure,
  computed: Quantity,
  steps: readonly ArithmeticStep[],
  basis: TimeBasis,
  tolerance: number,
): ConsistencyFinding {
  const s = stated.quantity.value
  const ratio = s === 0 ? (computed.value === 0 ? 1 : null) : computed.value / s
  return {
    label,
    kind,
    status:
      ratio !== null && Math.abs(ratio - 1) <= tolerance + 1e-12 ? 'consistent' : 'contradiction',
    stated: stated.quantity,
    approximate: stated.approximate,
    computed,
    steps,
    ratio,
    tolerance,
    basis,
  }
}

function productFinding(
  check: ProductCheck,
  stated: ReadFigure,
  factors: readonly ReadFigure[],
  context: Context,
  tolerance: number,
): ConsistencyFinding {
  const base = { label: check.label, kind: 'product' as const }
  const first = factors[0]
  if (!first)
    return {
      ...base,
      status: 'incomparable',
      reason: 'nothing computed to compare with',
      stated: stated.quantity,
    }
  const quantities = factors.map((f) => f.quantity)
  const product = quantities.slice(1).reduce(multiplyQuantities, first.quantity)
  const steps: ArithmeticStep[] =
    quantities.length > 1 ? [{ kind: 'product', factors: quantities, result: product }] : []
  const converted = convertTo(product, stated.quantity.unit, context)
  if ('reason' in converted)
    return {
      ...base,
      status: 'incomparable',
      reason: converted.reason,
      stated: stated.quantity,
      computed: converted.computed,
    }
  return compare(
    check.label,
    'product',
    stated,
    converted.quantity,
    [...steps, ...converted.steps],
    basisBetween(product.unit, stated.quantity.unit, context.basis),
    tolerance,
  )
}

function sumFinding(
  label: string,
  kind: 'sum' | 'flow',
  stated: ReadFigure,
  terms: readonly { readonly figure: ReadFigure; readonly sign: 1 | -1 }[],
  context: Context,
  tolerance: number,
): ConsistencyFinding {
  if (terms.length === 0)
    return {
      label,
      kind,
      status: 'incomparable',
      reason: 'nothing computed to compare with',
      stated: stated.quantity,
    }
  const unit = stated.quantity.unit
  const steps: ArithmeticStep[] = []
  const converted: { sign: 1 | -1; quantity: Quantity; label?: string }[] = []
  for (const { figure, sign } of terms) {
    const c = convertTo(figure.quantity, unit, context)
    if ('reason' in c)
      return {
        label,
        kind,
        status: 'incomparable',
        reason: c.reason,
        stated: stated.quantity,
        computed: c.computed,
      }
    steps.push(...c.steps)
    converted.push({
      sign,
      quantity: c.quantity,
      ...(figure.label === undefined ? {} : { label: figure.label }),
    })
  }
  const total = quantity(
    converted.reduce((sum, t) => sum + t.sign * t.quantity.value, 0),
    unit,
  )
  steps.push({ kind: 'sum', terms: converted, result: total })
  // Counting is exact: only a hedged figure ("about 30") earns the tolerance.
  const hedged = stated.approximate || terms.some((t) => t.figure.approximate)
  return compare(label, kind, stated, total, steps, context.basis, hedged ? tolerance : 0)
}
