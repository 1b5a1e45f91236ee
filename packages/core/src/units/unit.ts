import { type CurrencyCode, isCurrencyCode } from '../money/currency.js'
import type { TimeBasis } from './time-basis.js'

/**
 * What a unit measures. Mass and time convert among themselves; each kind of thing counted
 * (people, meals) is its own dimension, so "people" never silently becomes "meals"; each
 * currency is its own dimension too, because converting it needs a dated rate, not a factor.
 */
export type Dimension = 'mass' | 'time' | `count:${string}` | `money:${CurrencyCode}`

/** A unit symbol: g, kg, t, day, week, month, year, a count noun (person, meal) or a currency. */
export type UnitSymbol = string

export const MASS_UNITS = { g: 0.001, kg: 1, t: 1000 } as const
export const TIME_UNITS = ['day', 'week', 'month', 'year'] as const
export type TimeUnit = (typeof TIME_UNITS)[number]

/** One factor of a compound unit: kg/person is [{kg, 1}, {person, -1}]. */
export interface UnitTerm {
  readonly unit: UnitSymbol
  readonly power: number
}

/** A product of unit powers, normalised: no zero powers, one term per unit, sorted. */
export type CompoundUnit = readonly UnitTerm[]

// Names people write for the same thing, mapped to one symbol so "people" × "kg per person"
// cancels. Japanese counters (人, 名) are included because reports are written in both.
const COUNT_ALIASES: Readonly<Record<string, string>> = Object.freeze({
  person: 'person',
  persons: 'person',
  people: 'person',
  individual: 'person',
  individuals: 'person',
  adult: 'person',
  adults: 'person',
  人: 'person',
  名: 'person',
  child: 'child',
  children: 'child',
  meal: 'meal',
  meals: 'meal',
  食: 'meal',
  kit: 'kit',
  kits: 'kit',
  family: 'family',
  families: 'family',
  世帯: 'family',
  case: 'case',
  cases: 'case',
  件: 'case',
})

/** The canonical noun for a word Haven knows as a thing counted (people, 人, meals), if any. */
export function knownCountNoun(word: string): string | undefined {
  return Object.hasOwn(COUNT_ALIASES, word.toLowerCase())
    ? COUNT_ALIASES[word.toLowerCase()]
    : undefined
}

/**
 * The canonical count noun for a word: a known alias, or any other lower-case word (a plain
 * plural "sacks" becomes "sack"); undefined for mass, time and currency units.
 */
export function countNoun(word: string): string | undefined {
  const known = knownCountNoun(word)
  if (known) return known
  const lower = word.toLowerCase()
  if (Object.hasOwn(MASS_UNITS, lower) || (TIME_UNITS as readonly string[]).includes(lower))
    return undefined
  if (isCurrencyCode(word)) return undefined
  if (!/^[a-z][a-z-]*$/.test(lower)) return undefined
  return lower.length > 3 && lower.endsWith('s') && !lower.endsWith('ss')
    ? lower.slice(0, -1)
    : lower
}

export interface UnitInfo {
  readonly dimension: Dimension
  /** Multiply a value in this unit by `factor` to get base units (kg, day, one item, one major unit). */
  readonly factor: number
}

export function unitInfo(unit: UnitSymbol, basis: TimeBasis): UnitInfo {
  if (Object.hasOwn(MASS_UNITS, unit))
    return { dimension: 'mass', factor: MASS_UNITS[unit as keyof typeof MASS_UNITS] }
  switch (unit) {
    case 'day':
      return { dimension: 'time', factor: 1 }
    case 'week':
      return { dimension: 'time', factor: basis.daysPerWeek }
    case 'month':
      return { dimension: 'time', factor: basis.daysPerMonth }
    case 'year':
      return { dimension: 'time', factor: basis.daysPerYear }
  }
  if (isCurrencyCode(unit)) return { dimension: `money:${unit}`, factor: 1 }
  const noun = countNoun(unit)
  if (noun === unit) return { dimension: `count:${noun}`, factor: 1 }
  throw new RangeError(
    `"${unit}" is not a unit Haven knows (g, kg, t, day, month, year, a currency or a noun).`,
  )
}

/** Combines equal units, drops zero powers, sorts: the one spelling of a compound unit. */
export function normalizeUnit(terms: readonly UnitTerm[]): CompoundUnit {
  const powers = new Map<string, number>()
  for (const { unit, power } of terms) powers.set(unit, (powers.get(unit) ?? 0) + power)
  return Object.freeze(
    [...powers]
      .filter(([, power]) => power !== 0)
      .sort(([a, pa], [b, pb]) => (pa > 0 === pb > 0 ? a.localeCompare(b) : pa > 0 ? -1 : 1))
      .map(([unit, power]) => Object.freeze({ unit, power })),
  )
}

/**
 * Parses "kg", "kg/day", "person/day", "CNY/person/day", "kg·person^-1". Count nouns are
 * canonicalised ("people" → person).
 */
export function parseUnit(text: string): CompoundUnit {
  const trimmed = text.trim()
  if (trimmed === '' || trimmed === '1') return []
  const terms: UnitTerm[] = []
  const parts = trimmed.split('/')
  parts.forEach((part, index) => {
    for (const factor of part.split(/[·*]/)) {
      if (index === 0 && factor.trim() === '1') continue // "1/month": a bare rate
      const match = /^\s*([^\s^]+)\s*(?:\^\s*(-?\d+))?\s*$/.exec(factor)
      if (!match?.[1]) throw new RangeError(`"${text}" is not a unit expression like kg/day.`)
      const symbol = canonicalSymbol(match[1])
      const power = match[2] === undefined ? 1 : Number(match[2])
      terms.push({ unit: symbol, power: index === 0 ? power : -power })
    }
  })
  return normalizeUnit(terms)
}

function canonicalSymbol(symbol: string): string {
  if (Object.hasOwn(MASS_UNITS, symbol) || (TIME_UNITS as readonly string[]).includes(symbol))
    return symbol
  if (isCurrencyCode(symbol)) return symbol
  const noun = countNoun(symbol)
  if (noun) return noun
  throw new RangeError(`"${symbol}" is not a unit Haven knows.`)
}

/** Dimension exponents of a compound unit: kg/day → { mass: 1, time: -1 }. */
export function dimensionsOf(unit: CompoundUnit, basis: TimeBasis): ReadonlyMap<Dimension, number> {
  const out = new Map<Dimension, number>()
  for (const { unit: symbol, power } of unit) {
    const { dimension } = unitInfo(symbol, basis)
    const next = (out.get(dimension) ?? 0) + power
    if (next === 0) out.delete(dimension)
    else out.set(dimension, next)
  }
  return out
}

/** Base-unit factor of a compound unit under `basis`. */
export function unitFactor(unit: CompoundUnit, basis: TimeBasis): number {
  let factor = 1
  for (const { unit: symbol, power } of unit) factor *= unitInfo(symbol, basis).factor ** power
  return factor
}

export function sameDimensions(a: CompoundUnit, b: CompoundUnit, basis: TimeBasis): boolean {
  const da = dimensionsOf(a, basis)
  const db = dimensionsOf(b, basis)
  if (da.size !== db.size) return false
  for (const [dimension, power] of da) if (db.get(dimension) !== power) return false
  return true
}
