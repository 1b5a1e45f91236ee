import { DisclosureError } from './errors.js'
import {
  type FigureDefinition,
  type FilterSet,
  figureKey,
  type PublishedFigure,
  type PublishedValue,
} from './figure.js'
import { roundedBounds } from './knowledge.js'
import { type Period, parsePeriod } from './period.js'
import type { ProtectedTable } from './protected-table.js'
import type { StatTable } from './table.js'

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

/** What each cell of a table counts, and what each "Total" implies about everyone else. */
export interface TableDefinitions {
  /** Indexed like the table's cells. */
  readonly cells: readonly FigureDefinition[]
  /** For each categorical dimension: nobody outside its listed categories is counted. */
  readonly others: readonly {
    /** "pathway=(other)" */
    readonly key: string
    readonly label: string
    readonly definition: FigureDefinition
  }[]
}

/**
 * The definition of every cell: the context's population and filters, plus one filter per
 * categorical coordinate; a period dimension sets the period instead, and its total spans
 * every period (which must follow each other without gaps).
 */
export function tableDefinitions(table: StatTable, context: TableContext): TableDefinitions {
  const { dimensions } = table
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
  const measure = table.measure
  const cumulative = context.cumulative ? { cumulative: true } : {}
  // The categories of a flow are different things (a stock, a movement), not parts of a whole:
  // each is its own measure ("sponsored:joined"), compared only with the same one elsewhere.
  const flowIndex = table.flow ? dimensions.findIndex((d) => d.name === table.flow?.dimension) : -1
  const cells = table.cells.map((cell): FigureDefinition => {
    const filters: Record<string, FilterSet> = { ...base }
    let period = span
    let cellMeasure = measure
    cell.coordinates.forEach((c, d) => {
      if (c === null) return
      const label = dimensions[d]?.labels[c] ?? ''
      if (d === periodIndex) period = periods[c] ?? span
      else if (d === flowIndex) cellMeasure = `${measure}:${label}`
      else filters[dimensions[d]?.name ?? ''] = { in: [label] }
    })
    return { measure: cellMeasure, population: context.population, filters, period, ...cumulative }
  })
  const measures = table.flow
    ? (dimensions[flowIndex]?.labels ?? []).map((label) => ({
        measure: `${measure}:${label}`,
        suffix: `|${table.flow?.dimension}=${label}`,
      }))
    : [{ measure, suffix: '' }]
  const others = dimensions.flatMap((dimension, d) =>
    d === periodIndex || d === flowIndex
      ? []
      : measures.map((m) => ({
          key: `${dimension.name}=(other)${m.suffix}`,
          label: `${dimension.name} outside the table's categories${m.suffix ? ` (${m.suffix.slice(1)})` : ''}`,
          definition: {
            measure: m.measure,
            population: context.population,
            filters: { ...base, [dimension.name]: { notIn: [...dimension.labels] } },
            period: span,
            ...cumulative,
          },
        })),
  )
  return { cells, others }
}

// What a table without a context is taken to count: the same population over the same span as
// every other table of its measure without one. Only ever used to compare cells, never published.
const WITHOUT_CONTEXT: TableContext = {
  population: '(unspecified)',
  period: { from: '2000-01-01', to: '2000-01-02' },
}

/**
 * What each cell counts, as a key (the figure key of its definition): cells of different tables
 * with equal keys count the same people, so they are one cell (link-tables.ts) and round the same
 * way (rounding.ts). Without a context, a cell is its measure and its categories: tables of one
 * measure are then taken to cover the same population and period.
 */
export function cellIdentities(table: StatTable, context?: TableContext): string[] {
  return tableDefinitions(table, context ?? WITHOUT_CONTEXT).cells.map(figureKey)
}

/**
 * The figures a protected table publishes, for the ledger and the differencing guard: one per
 * cell, with what a reader was told (exact, a range, or nothing), plus, for each categorical
 * dimension, the figure a "Total" implies: nobody outside the listed categories (0).
 */
export function tableFigures(table: ProtectedTable, context: TableContext): PublishedFigure[] {
  const { cells, others } = tableDefinitions(table.table, context)
  const { id, title } = table.table
  const figures: PublishedFigure[] = table.cells.map((cell) => ({
    id: `${id}:${cell.key}`,
    label: `${title}: ${cell.key}`,
    definition: cells[cell.index] ?? cells[0] ?? unreachable(),
    published: publishedValue(table, cell.index),
    sensitivity: table.sensitivity,
  }))
  for (const { key, label, definition } of others)
    figures.push({
      id: `${id}:${key}`,
      label: `${title}: ${label}`,
      definition,
      published: { kind: 'exact', value: 0 },
      sensitivity: table.sensitivity,
    })
  return figures
}

function unreachable(): never {
  throw new DisclosureError('invalid_figure', 'A cell has no definition.')
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
      return {
        kind: 'range',
        lower: b.lower,
        upper: b.upper,
        ...(table.roundingKey ? { rounding: { base: r.base, key: table.roundingKey } } : {}),
      }
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
