import { DisclosureError } from './errors.js'
import type { FigureDefinition, FilterSet, PublishedFigure, PublishedValue } from './figure.js'
import { roundedBounds } from './knowledge.js'
import { type Period, parsePeriod } from './period.js'
import type { ProtectedTable } from './protected-table.js'

/** What a table counts, beyond its dimensions: the population, the period, fixed filters. */
export interface TableContext {
  /** Who is counted ("people protected", "children sponsored"). */
  readonly population: string
  /** The period the whole table covers. */
  readonly period: Period
  /** A dimension whose labels are periods (2005, FY2005, 2006-01); its total is the whole span. */
  readonly periodDimension?: string
  /** Filters that hold for every cell ({ region: { in: ["north-east"] } }). */
  readonly filters?: Readonly<Record<string, FilterSet>>
  readonly cumulative?: boolean
  /** First month of the fiscal year for "FY2005" labels (April by default). */
  readonly fiscalYearStart?: number
}

/**
 * The figures a protected table publishes, for the ledger and the differencing guard: one per
 * cell, with what a reader was told (exact, a range, or nothing), plus, for each categorical
 * dimension, the figure a "Total" implies: nobody outside the listed categories (0).
 */
export function tableFigures(table: ProtectedTable, context: TableContext): PublishedFigure[] {
  const { dimensions } = table.table
  const periodIndex = context.periodDimension
    ? dimensions.findIndex((d) => d.name === context.periodDimension)
    : -1
  if (context.periodDimension && periodIndex < 0)
    throw new DisclosureError(
      'invalid_figure',
      `The table has no dimension "${context.periodDimension}".`,
    )
  const periods =
    periodIndex >= 0
      ? (dimensions[periodIndex]?.labels ?? []).map((l) => parsePeriod(l, context.fiscalYearStart))
      : []
  // Periods in order must follow each other; the total spans from the first to the last.
  const sorted = [...periods].sort((a, b) => a.from.localeCompare(b.from))
  for (let i = 1; i < sorted.length; i++)
    if (sorted[i]?.from !== sorted[i - 1]?.to)
      throw new DisclosureError(
        'invalid_figure',
        `The periods of "${context.periodDimension}" must follow each other without gaps or overlaps (the total spans them all).`,
      )
  const first = sorted[0]
  const last = sorted[sorted.length - 1]
  const span: Period = first && last ? { from: first.from, to: last.to } : context.period
  const base = context.filters ?? {}
  const measure = table.table.measure
  const figures: PublishedFigure[] = table.cells.map((cell) => {
    const filters: Record<string, FilterSet> = { ...base }
    let period = span
    cell.coordinates.forEach((c, d) => {
      if (c === null) return
      if (d === periodIndex) period = periods[c] ?? span
      else filters[dimensions[d]?.name ?? ''] = { in: [dimensions[d]?.labels[c] ?? ''] }
    })
    const definition: FigureDefinition = {
      measure,
      population: context.population,
      filters,
      period,
      ...(context.cumulative ? { cumulative: true } : {}),
    }
    return {
      id: `${table.table.id}:${cell.key}`,
      label: `${table.table.title}: ${cell.key}`,
      definition,
      published: publishedValue(table, cell.index),
      sensitivity: table.sensitivity,
    }
  })
  dimensions.forEach((dimension, d) => {
    if (d === periodIndex) return
    figures.push({
      id: `${table.table.id}:${dimension.name}=(other)`,
      label: `${table.table.title}: ${dimension.name} outside the table's categories`,
      definition: {
        measure,
        population: context.population,
        filters: { ...base, [dimension.name]: { notIn: [...dimension.labels] } },
        period: span,
        ...(context.cumulative ? { cumulative: true } : {}),
      },
      published: { kind: 'exact', value: 0 },
      sensitivity: table.sensitivity,
    })
  })
  return figures
}

function publishedValue(table: ProtectedTable, index: number): PublishedValue {
  const cell = table.cells[index]
  if (!cell) throw new DisclosureError('invalid_figure', `No cell ${index}.`)
  const r = cell.rendering
  switch (r.kind) {
    case 'number':
      return { kind: 'exact', value: r.value }
    case 'rounded': {
      const b = roundedBounds(table.rule, r.value, r.base)
      return { kind: 'range', lower: b.lower, upper: b.upper }
    }
    case 'word':
      return {
        kind: 'range',
        lower: r.band.from,
        upper: r.band.to,
        protection: cell.explanation.requiredWidth ?? 0,
      }
    case 'suppressed':
      return {
        kind: 'hidden',
        atLeast: table.rule.showZero && table.table.integer ? 1 : 0,
        protection: cell.explanation.requiredWidth ?? 0,
      }
  }
}
