import { DisclosureError, invalidTable } from './errors.js'

/** One classifying variable of a table (shelter, month, pathway) and its categories. */
export interface TableDimension {
  readonly name: string
  readonly labels: readonly string[]
}

/** One cell of the system of equations protection works on (see CellSystem). */
export interface SystemCell {
  readonly index: number
  readonly value: number
  /** Number of null coordinates: 0 interior, 1 a margin, 2 a margin of margins, … */
  readonly level: number
  /** Stable, readable key: "shelter=JRL-01|month=2006-01"; margins use "*". */
  readonly key: string
}

/**
 * One cell: an interior cell (every coordinate a category) or a margin (some coordinates
 * `null`, meaning "all categories of that dimension"). The cell with every coordinate null is
 * the grand total.
 */
export interface TableCell extends SystemCell {
  readonly coordinates: readonly (number | null)[]
}

/**
 * An equation a reader can use to recover hidden cells: `total` equals the sum of `parts`,
 * less the sum of `minus` (a flow: the end equals the start plus what came in, less what left).
 */
export interface TableRelation {
  readonly total: number
  readonly parts: readonly number[]
  readonly minus?: readonly number[]
}

/**
 * What protection works on: cells and the equations between them. A table is one; tables
 * linked by shared cells are one made of all of them (link-tables.ts).
 */
export interface CellSystem {
  readonly id: string
  /** Whole counts (people) or real quantities (kg, yen). */
  readonly integer: boolean
  readonly cells: readonly SystemCell[]
  readonly relations: readonly TableRelation[]
}

/**
 * A declared flow identity: along `dimension`, the stock at the `end` equals the stock at the
 * `start` plus the `inflows` less the `outflows` (children sponsored: 32 at the start + 8 joined
 * − 18 left − 2 graduated = 20 at the end). Readers can do that arithmetic, so protection and
 * its audit include it; a "Total" of such categories would mean nothing and is not added.
 */
export interface FlowIdentity {
  readonly dimension: string
  readonly start: string
  readonly inflows: readonly string[]
  readonly outflows: readonly string[]
  readonly end: string
}

/**
 * A statistical table with all its margins: the unit the engine protects. One, two or more
 * dimensions (a three-way table holds layers and the table of their sums), or a flow table
 * (flow-table.ts). Tables published separately that share cells are linked (link-tables.ts).
 */
export interface StatTable extends CellSystem {
  readonly title: string
  readonly measure: string
  readonly dimensions: readonly TableDimension[]
  readonly cells: readonly TableCell[]
  /** Present on flow tables: the identity their cells obey. */
  readonly flow?: FlowIdentity
}

export interface CrossTableInput {
  readonly id: string
  readonly title?: string
  readonly measure: string
  readonly integer?: boolean
  readonly dimensions: readonly TableDimension[]
  /** The value of an interior cell, by category index per dimension. */
  readonly interior: (coordinates: readonly number[]) => number
  /**
   * Margins as published in the source, by coordinates (null for "all"). Any given margin must
   * equal the sum of its parts; missing margins are computed.
   */
  readonly margins?: (coordinates: readonly (number | null)[]) => number | undefined
}

const MAX_CELLS = 200_000

export function cellKey(
  dimensions: readonly TableDimension[],
  coordinates: readonly (number | null)[],
): string {
  return dimensions
    .map((d, i) => {
      const c = coordinates[i]
      return `${d.name}=${c === null || c === undefined ? '*' : d.labels[c]}`
    })
    .join('|')
}

/**
 * Builds a table of any number of dimensions with every margin, checking that given margins
 * add up. Throws `invalid_table` or `inconsistent_margins` naming the cell.
 */
export function crossTable(input: CrossTableInput): StatTable {
  const integer = input.integer ?? true
  const { dimensions } = input
  if (dimensions.length === 0) throw invalidTable('a table needs at least one dimension')
  const names = new Set<string>()
  for (const d of dimensions) {
    if (!d.name.trim()) throw invalidTable('every dimension needs a name')
    if (names.has(d.name)) throw invalidTable(`the dimension "${d.name}" appears twice`)
    names.add(d.name)
    if (d.labels.length === 0) throw invalidTable(`the dimension "${d.name}" has no categories`)
    const seen = new Set<string>()
    for (const label of d.labels) {
      if (!label.trim()) throw invalidTable(`"${d.name}" has an empty category label`)
      if (seen.has(label)) throw invalidTable(`"${d.name}" has the category "${label}" twice`)
      seen.add(label)
    }
  }
  const sizes = dimensions.map((d) => d.labels.length + 1) // the extra slot is the margin
  const count = sizes.reduce((a, b) => a * b, 1)
  if (count > MAX_CELLS) throw invalidTable(`${count} cells is more than ${MAX_CELLS}`)

  const strides: number[] = []
  let stride = 1
  for (let d = dimensions.length - 1; d >= 0; d--) {
    strides[d] = stride
    stride *= sizes[d] ?? 1
  }
  const indexOf = (coordinates: readonly (number | null)[]) =>
    coordinates.reduce<number>((sum, c, d) => {
      const size = sizes[d] ?? 1
      return sum + (c === null ? size - 1 : c) * (strides[d] ?? 0)
    }, 0)
  const coordinatesOf = (index: number): (number | null)[] =>
    dimensions.map((d, i) => {
      const c = Math.floor(index / (strides[i] ?? 1)) % (sizes[i] ?? 1)
      return c === d.labels.length ? null : c
    })

  const values = new Float64Array(count)
  const describe = (coordinates: readonly (number | null)[]) => cellKey(dimensions, coordinates)
  const checkValue = (value: number, coordinates: readonly (number | null)[]) => {
    if (!Number.isFinite(value))
      throw invalidTable(`the cell ${describe(coordinates)} is not a number`)
    if (value < 0) throw invalidTable(`the cell ${describe(coordinates)} is negative (${value})`)
    if (integer && !Number.isInteger(value))
      throw invalidTable(`the cell ${describe(coordinates)} is not a whole count (${value})`)
  }
  // Interior cells first, then margins in order of level so every part exists before its sum.
  const levels = Array.from(
    { length: count },
    (_, i) => coordinatesOf(i).filter((c) => c === null).length,
  )
  const order = Array.from({ length: count }, (_, i) => i)
  order.sort((a, b) => (levels[a] ?? 0) - (levels[b] ?? 0) || a - b)
  const relations: TableRelation[] = []
  for (const index of order) {
    const coordinates = coordinatesOf(index)
    const level = coordinates.filter((c) => c === null).length
    if (level === 0) {
      const value = input.interior(coordinates as number[])
      checkValue(value, coordinates)
      values[index] = value
      continue
    }
    // A margin is the sum along each of its null dimensions; record each equation.
    let computed: number | undefined
    coordinates.forEach((c, d) => {
      if (c !== null) return
      const parts = (dimensions[d]?.labels ?? []).map((_, l) => {
        const partCoordinates = [...coordinates]
        partCoordinates[d] = l
        return indexOf(partCoordinates)
      })
      relations.push({ total: index, parts })
      const sum = parts.reduce((s, p) => s + (values[p] ?? 0), 0)
      computed ??= sum
    })
    const total = computed ?? 0
    const given = input.margins?.(coordinates)
    if (given !== undefined) {
      checkValue(given, coordinates)
      const tolerance = integer ? 0 : 1e-9 * Math.max(1, Math.abs(total))
      if (Math.abs(given - total) > tolerance)
        throw new DisclosureError(
          'inconsistent_margins',
          `The total ${describe(coordinates)} is ${given} but its parts add up to ${total}. Correct the table before protecting it.`,
          [describe(coordinates)],
        )
    }
    values[index] = integer ? Math.round(total) : total
  }
  const cells: TableCell[] = Array.from({ length: count }, (_, index) => {
    const coordinates = Object.freeze(coordinatesOf(index))
    return Object.freeze({
      index,
      coordinates,
      value: values[index] ?? 0,
      level: coordinates.filter((c) => c === null).length,
      key: describe(coordinates),
    })
  })
  return Object.freeze({
    id: input.id,
    title: input.title ?? input.id,
    measure: input.measure,
    integer,
    dimensions: Object.freeze(dimensions.map((d) => Object.freeze({ ...d }))),
    cells: Object.freeze(cells),
    relations: Object.freeze(relations),
  })
}

export interface OneWayTableInput {
  readonly id: string
  readonly title?: string
  readonly measure: string
  readonly integer?: boolean
  readonly dimension: TableDimension
  readonly values: readonly number[]
  readonly total?: number
}

export function oneWayTable(input: OneWayTableInput): StatTable {
  if (input.values.length !== input.dimension.labels.length)
    throw invalidTable(
      `${input.values.length} values for ${input.dimension.labels.length} categories of "${input.dimension.name}"`,
    )
  return crossTable({
    ...input,
    dimensions: [input.dimension],
    interior: ([i]) => input.values[i ?? 0] ?? Number.NaN,
    margins: () => input.total,
  })
}

export interface TwoWayTableInput {
  readonly id: string
  readonly title?: string
  readonly measure: string
  readonly integer?: boolean
  readonly rows: TableDimension
  readonly columns: TableDimension
  /** values[row][column] */
  readonly values: readonly (readonly number[])[]
  readonly rowTotals?: readonly number[]
  readonly columnTotals?: readonly number[]
  readonly grandTotal?: number
}

export function twoWayTable(input: TwoWayTableInput): StatTable {
  const { rows, columns, values } = input
  if (values.length !== rows.labels.length)
    throw invalidTable(`${values.length} rows of values for ${rows.labels.length} row labels`)
  values.forEach((row, r) => {
    if (row.length !== columns.labels.length)
      throw invalidTable(
        `row "${rows.labels[r]}" has ${row.length} values for ${columns.labels.length} columns`,
      )
  })
  if (input.rowTotals && input.rowTotals.length !== rows.labels.length)
    throw invalidTable('the row totals do not match the rows')
  if (input.columnTotals && input.columnTotals.length !== columns.labels.length)
    throw invalidTable('the column totals do not match the columns')
  return crossTable({
    ...input,
    dimensions: [rows, columns],
    interior: ([r, c]) => values[r ?? 0]?.[c ?? 0] ?? Number.NaN,
    margins: ([r, c]) => {
      if (r === null && c === null) return input.grandTotal
      if (c === null && r !== null && r !== undefined) return input.rowTotals?.[r]
      if (r === null && c !== null && c !== undefined) return input.columnTotals?.[c]
      return undefined
    },
  })
}

/** Labels of a cell, with `totalLabel` for margins: ["JRL-01", "Total"]. */
export function cellLabels(table: StatTable, cell: TableCell, totalLabel = 'Total'): string[] {
  return cell.coordinates.map((c, d) =>
    c === null ? totalLabel : (table.dimensions[d]?.labels[c] ?? '?'),
  )
}
