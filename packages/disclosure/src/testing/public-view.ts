import type { ProtectedTable, PublicRendering } from '../protected-table.js'

/**
 * Test support: a published table as a reader holds it — what the printed report shows and
 * nothing else. The title and notes say what is counted (measure, population, period, fixed
 * filters), the grid gives the categories and each cell's rendering, a flow table prints its
 * identity, and the policy (k, whether zeros are shown) is public. No true value, no
 * explanation, no interval from the engine.
 */
export interface PublicTable {
  readonly release: string
  readonly id: string
  readonly measure: string
  readonly population: string
  /** [from, to) as ISO dates. */
  readonly period: { readonly from: string; readonly to: string }
  /** A dimension whose labels are periods (2006, 2006-01, FY2005). */
  readonly periodDimension?: string
  /** Categories every cell is restricted to ("women only"). */
  readonly filters?: Readonly<Record<string, readonly string[]>>
  readonly dimensions: readonly { readonly name: string; readonly labels: readonly string[] }[]
  readonly flow?: {
    readonly dimension: string
    readonly start: string
    readonly inflows: readonly string[]
    readonly outflows: readonly string[]
    readonly end: string
  }
  readonly rule: { readonly threshold: number; readonly showZero: boolean }
  readonly cells: readonly {
    readonly coordinates: readonly (number | null)[]
    readonly rendering: PublicRendering
  }[]
}

/** What a report says a table counts; tables printed without it are taken to share it. */
export interface PrintedContext {
  readonly population: string
  readonly period: { readonly from: string; readonly to: string }
  readonly periodDimension?: string
  readonly filters?: Readonly<Record<string, readonly string[]>>
}

const UNSTATED: PrintedContext = {
  population: '(unstated)',
  period: { from: '2000-01-01', to: '2000-01-02' },
}

/** Copies only what is printed. */
export function publicView(
  release: string,
  published: ProtectedTable,
  context: PrintedContext = UNSTATED,
): PublicTable {
  const { table, rule } = published
  return {
    release,
    id: table.id,
    measure: table.measure,
    population: context.population,
    period: context.period,
    ...(context.periodDimension ? { periodDimension: context.periodDimension } : {}),
    ...(context.filters ? { filters: context.filters } : {}),
    dimensions: table.dimensions.map((d) => ({ name: d.name, labels: [...d.labels] })),
    ...(table.flow ? { flow: table.flow } : {}),
    rule: { threshold: rule.threshold, showZero: rule.showZero },
    cells: published.cells.map((c) => ({ coordinates: c.coordinates, rendering: c.rendering })),
  }
}
