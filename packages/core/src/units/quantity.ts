import type { Locale } from '../i18n/locales.js'
import { DEFAULT_TIME_BASIS, type TimeBasis } from './time-basis.js'
import {
  type CompoundUnit,
  normalizeUnit,
  parseUnit,
  sameDimensions,
  type UnitTerm,
  unitFactor,
} from './unit.js'

/**
 * A measured amount with its unit: 30 t, 20 person/day, 10 kg/person, 400 CNY/day. Values are
 * floating point: quantities come from reports and field counts, not ledgers (ledger money is
 * `Money`, in exact minor units).
 */
export interface Quantity {
  readonly value: number
  readonly unit: CompoundUnit
}

export class UnitMismatchError extends Error {
  override name = 'UnitMismatchError'
  readonly code = 'unit_mismatch'
}

export function quantity(value: number, unit: string | CompoundUnit): Quantity {
  if (!Number.isFinite(value)) throw new RangeError(`${value} is not a finite quantity.`)
  return Object.freeze({ value, unit: typeof unit === 'string' ? parseUnit(unit) : unit })
}

export function multiplyQuantities(a: Quantity, b: Quantity): Quantity {
  return quantity(a.value * b.value, normalizeUnit([...a.unit, ...b.unit]))
}

export function divideQuantities(a: Quantity, b: Quantity): Quantity {
  if (b.value === 0) throw new RangeError('Cannot divide by a zero quantity.')
  const inverse: UnitTerm[] = b.unit.map(({ unit, power }) => ({ unit, power: -power }))
  return quantity(a.value / b.value, normalizeUnit([...a.unit, ...inverse]))
}

/** `q` expressed in `target` (same dimensions), using `basis` for months and years. */
export function convertQuantity(
  q: Quantity,
  target: string | CompoundUnit,
  basis: TimeBasis = DEFAULT_TIME_BASIS,
): Quantity {
  const unit = typeof target === 'string' ? parseUnit(target) : target
  if (!sameDimensions(q.unit, unit, basis))
    throw new UnitMismatchError(
      `Cannot express ${formatUnit(q.unit, 'en')} as ${formatUnit(unit, 'en')}: they measure different things.`,
    )
  return quantity((q.value * unitFactor(q.unit, basis)) / unitFactor(unit, basis), unit)
}

const UNIT_NAMES: Readonly<Record<Locale, Readonly<Record<string, string>>>> = Object.freeze({
  en: {
    person: 'people',
    child: 'children',
    meal: 'meals',
    kit: 'kits',
    family: 'families',
    case: 'cases',
  },
  ja: {
    person: '人',
    child: '人(子ども)',
    meal: '食',
    kit: 'セット',
    family: '世帯',
    case: '件',
    day: '日',
    week: '週',
    month: '月',
    year: '年',
  },
})

function unitName(symbol: string, locale: Locale, singular: boolean): string {
  // "10 kg/person", "20 people/day": a count noun reads singular after "per".
  if (singular && locale === 'en') return symbol
  return UNIT_NAMES[locale][symbol] ?? symbol
}

/** "kg/day", "people/day", "CNY/person" in English; "kg/日", "人/日" in Japanese. */
export function formatUnit(unit: CompoundUnit, locale: Locale): string {
  const term = ({ unit: symbol, power }: UnitTerm, sign: 1 | -1) => {
    const p = power * sign
    return `${unitName(symbol, locale, sign === -1)}${p === 1 ? '' : `^${p}`}`
  }
  const top = unit.filter((t) => t.power > 0).map((t) => term(t, 1))
  const bottom = unit.filter((t) => t.power < 0).map((t) => term(t, -1))
  const numerator = top.length > 0 ? top.join('·') : '1'
  return bottom.length > 0 ? `${numerator}/${bottom.join('/')}` : top.join('·')
}

/** "73,000 kg/year" / "73,000 kg/年"; up to `digits` decimals, as a person would write it. */
export function formatQuantity(q: Quantity, locale: Locale, digits = 2): string {
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(q.value)
  const unit = formatUnit(q.unit, locale)
  if (unit === '') return number
  // Japanese counters attach to the number (20人); symbols keep a space (200 kg).
  const attached = locale === 'ja' && /^[^\x20-\x7e]/.test(unit)
  return attached ? `${number}${unit}` : `${number} ${unit}`
}
