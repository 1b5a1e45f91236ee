import { DisclosureError, invalidTable } from './errors.js'
import {
  crossTable,
  type FlowIdentity,
  type StatTable,
  type TableCell,
  type TableDimension,
  type TableRelation,
} from './table.js'

export interface FlowTableInput {
  readonly id: string
  readonly title?: string
  readonly measure: string
  readonly integer?: boolean
  /** The categories along the flow and how they relate: start + inflows − outflows = end. */
  readonly flow: FlowIdentity
  /** A one-way flow table: the value of each category, by label. */
  readonly values?: Readonly<Record<string, number>>
  /**
   * Or a breakdown (by school, by shelter): one flow per category, by label, and the totals over
   * the categories ("all schools"), which obey the identity too.
   */
  readonly by?: {
    readonly dimension: TableDimension
    readonly values: readonly Readonly<Record<string, number>>[]
  }
}

/**
 * A table of stocks and movements: sponsored children at the start, joined, left, graduated,
 * at the end. Its cells obey the flow identity, which is declared rather than left for a reader
 * to notice: the chooser and the audit use it (32 shown at the start, 20 at the end and the
 * three movements hidden still tell a reader left + graduated − joined = 12), and no "Total"
 * across the flow is added (32 + 8 + 18 + 2 + 20 counts nobody, and with the identity it
 * would pin the hidden movements). With `by`, the totals over the breakdown are kept.
 * Throws `inconsistent_margins` naming the row whose flow does not balance.
 */
export function flowTable(input: FlowTableInput): StatTable {
  const { flow } = input
  const labels = [flow.start, ...flow.inflows, ...flow.outflows, flow.end]
  if (flow.inflows.length + flow.outflows.length === 0)
    throw invalidTable(`the flow "${flow.dimension}" needs at least one inflow or outflow`)
  if (input.by && input.values)
    throw invalidTable('give a flow table either its values or a breakdown, not both')
  const rows = input.by ? input.by.values : input.values ? [input.values] : []
  if (input.by && rows.length !== input.by.dimension.labels.length)
    throw invalidTable(
      `${rows.length} rows of values for ${input.by.dimension.labels.length} categories of "${input.by.dimension.name}"`,
    )
  if (rows.length === 0) throw invalidTable('a flow table needs values')
  rows.forEach((row, r) => {
    for (const label of labels)
      if (typeof row[label] !== 'number')
        throw invalidTable(
          `${input.by ? `row "${input.by.dimension.labels[r]}" has` : 'there is'} no value for "${label}"`,
        )
  })

  const flowDimension: TableDimension = { name: flow.dimension, labels }
  const dimensions = input.by ? [input.by.dimension, flowDimension] : [flowDimension]
  const f = dimensions.length - 1 // the flow is the last dimension
  // Every margin first (so the breakdown's totals are computed and checked), then the
  // meaningless ones across the flow are dropped.
  const full = crossTable({
    id: input.id,
    ...(input.title === undefined ? {} : { title: input.title }),
    measure: input.measure,
    ...(input.integer === undefined ? {} : { integer: input.integer }),
    dimensions,
    interior: (coordinates) => {
      const c = coordinates[f] ?? 0
      const row = rows[input.by ? (coordinates[0] ?? 0) : 0]
      return row?.[labels[c] ?? ''] ?? Number.NaN
    },
  })
  const kept = full.cells.filter((cell) => cell.coordinates[f] !== null)
  const newIndex = new Map(kept.map((cell, i) => [cell.index, i]))
  const at = (old: number) => newIndex.get(old) ?? -1
  const cells: TableCell[] = kept.map((cell, i) => Object.freeze({ ...cell, index: i }))
  const relations: TableRelation[] = full.relations
    .filter((r) => newIndex.has(r.total))
    .map((r) => ({ total: at(r.total), parts: r.parts.map(at) }))

  const byCoordinates = new Map(cells.map((c) => [c.coordinates.join(','), c]))
  const cellAt = (row: number | null, label: number) => {
    const coordinates = input.by ? [row, label] : [label]
    const cell = byCoordinates.get(coordinates.join(','))
    if (!cell) throw invalidTable(`no cell ${coordinates.join(',')}`)
    return cell
  }
  const index = (label: string) => labels.indexOf(label)
  for (const row of input.by ? [...rows.keys(), null] : [null]) {
    const start = cellAt(row, index(flow.start))
    const inflows = flow.inflows.map((l) => cellAt(row, index(l)))
    const outflows = flow.outflows.map((l) => cellAt(row, index(l)))
    const end = cellAt(row, index(flow.end))
    const computed =
      start.value +
      inflows.reduce((s, c) => s + c.value, 0) -
      outflows.reduce((s, c) => s + c.value, 0)
    const tolerance = full.integer ? 0 : 1e-9 * Math.max(1, Math.abs(end.value))
    if (Math.abs(computed - end.value) > tolerance) {
      const where = row === null || !input.by ? '' : ` of ${input.by.dimension.labels[row]}`
      const arithmetic = [
        `${start.value}`,
        ...inflows.map((c) => `+ ${c.value}`),
        ...outflows.map((c) => `− ${c.value}`),
      ].join(' ')
      throw new DisclosureError(
        'inconsistent_margins',
        `The flow${where} does not balance: ${arithmetic} = ${computed}, but "${flow.end}" is ${end.value}. Correct the records before publishing.`,
        [end.key],
      )
    }
    relations.push({
      total: end.index,
      parts: [start.index, ...inflows.map((c) => c.index)],
      minus: outflows.map((c) => c.index),
    })
  }
  return Object.freeze({
    id: full.id,
    title: full.title,
    measure: full.measure,
    integer: full.integer,
    dimensions: full.dimensions,
    cells: Object.freeze(cells),
    relations: Object.freeze(relations),
    flow: Object.freeze({ ...flow, inflows: [...flow.inflows], outflows: [...flow.outflows] }),
  })
}
