import { DisclosureError } from './errors.js'
import { isIsoDate, type Period } from './period.js'
import type { Sensitivity } from './sensitivity.js'

/** Which categories of one dimension a figure counts: these, or all but these. */
export type FilterSet = { readonly in: readonly string[] } | { readonly notIn: readonly string[] }

/**
 * What a published figure counts, precisely enough to compare it with every other figure ever
 * published: a measure ("resettled"), a population ("people protected by the NGO"), filters on
 * dimensions ({ pathway: { in: ["UNHCR"] } }) and a period. Two figures on the same measure
 * and population are related as sets (one within the other, disjoint, overlapping), which is
 * what differencing attacks exploit. `cumulative` marks running totals ("since 2000"); the
 * arithmetic needs only the period, which starts at the origin.
 */
export interface FigureDefinition {
  readonly measure: string
  readonly population: string
  readonly filters: Readonly<Record<string, FilterSet>>
  readonly period: Period
  readonly cumulative?: boolean
}

/**
 * What a reader was told: an exact number, a range (a rounded value, a word), or only that it
 * is hidden (and at least `atLeast`: 1 when zeros are always shown). `protection` is the width
 * a reader's interval must keep for a count hidden by the threshold (absent or 0: a
 * complementary cell, or a range that stands for a shown value).
 */
export type PublishedValue =
  | { readonly kind: 'exact'; readonly value: number }
  | {
      readonly kind: 'range'
      readonly lower: number
      readonly upper: number | null
      readonly protection?: number
      /** A rounded value: its base and the fingerprint of the rounding key (see rounding.ts). */
      readonly rounding?: { readonly base: number; readonly key: string }
    }
  | { readonly kind: 'hidden'; readonly atLeast: number; readonly protection: number }

export interface PublishedFigure {
  /** Unique within its release ("resettlement-table:pathway=UNHCR|year=2006"). */
  readonly id: string
  /** How a person reads it in the review ("Resettled via UNHCR, 2006"). */
  readonly label: string
  readonly definition: FigureDefinition
  readonly published: PublishedValue
  /**
   * The sensitivity the figure was published under (which may differ from the policy's mapping
   * of its measure: a caller may override it). The differencing guard applies the threshold of
   * the strictest sensitivity any figure on the same measure and population was published under.
   */
  readonly sensitivity: Sensitivity
}

/** The same definition always normalises to the same value: sorted, de-duplicated filters. */
export function normalizeDefinition(definition: FigureDefinition): FigureDefinition {
  if (!definition.measure.trim() || !definition.population.trim())
    throw new DisclosureError('invalid_figure', 'A figure needs a measure and a population.')
  const { from, to } = definition.period
  if (!isIsoDate(from) || !isIsoDate(to) || from >= to)
    throw new DisclosureError(
      'invalid_figure',
      `The period ${from}/${to} of a "${definition.measure}" figure is not a span of days (YYYY-MM-DD, start before end).`,
    )
  const filters: Record<string, FilterSet> = {}
  for (const name of Object.keys(definition.filters).sort()) {
    const filter = definition.filters[name]
    if (!filter) continue
    const values = [...new Set('in' in filter ? filter.in : filter.notIn)].sort()
    filters[name] = 'in' in filter ? { in: values } : { notIn: values }
  }
  return {
    measure: definition.measure,
    population: definition.population,
    filters,
    period: { from, to },
    ...(definition.cumulative ? { cumulative: true } : {}),
  }
}

/** A stable text key for a definition: equal keys, equal sets of people. */
export function figureKey(definition: FigureDefinition): string {
  const d = normalizeDefinition(definition)
  const filters = Object.entries(d.filters).map(
    ([name, f]) => `${name}${'in' in f ? '=' : '!='}${('in' in f ? f.in : f.notIn).join(',')}`,
  )
  return [d.measure, d.population, ...filters, `${d.period.from}/${d.period.to}`].join('|')
}

/** Whether category `value` of a dimension passes a filter (no filter: every value does). */
export function filterAccepts(filter: FilterSet | undefined, value: string): boolean {
  if (!filter) return true
  return 'in' in filter ? filter.in.includes(value) : !filter.notIn.includes(value)
}
