import type { CellSystem, StatTable } from './table.js'

/**
 * A table as a network: each cell an arc from `tail` to `head`, each equation of the table the
 * conservation law of a node (what flows in flows out).
 */
export interface TableNetwork {
  readonly nodes: number
  readonly tail: Int32Array
  readonly head: Int32Array
}

/**
 * Tables of one or two dimensions with their margins are networks. In two dimensions, cell
 * (i, j) is an arc from row node i to column node j, the row total i an arc from a node S to
 * row i, the column total j an arc from column j to a node T, and the grand total an arc from
 * T back to S. A change of the published values that keeps every equation true is then a
 * circulation: the cheapest such change is a minimum-cost flow (network-perturbation.ts) and
 * the furthest a cell can move a maximum flow (network-audit.ts), both exact in whole numbers.
 * Tables of more dimensions, flow tables and linked tables are not networks in this sense and
 * go through linear programmes.
 */
export function isNetworkTable(table: CellSystem): table is StatTable {
  const { dimensions, flow } = table as Partial<StatTable>
  return dimensions !== undefined && dimensions.length >= 1 && dimensions.length <= 2 && !flow
}

/** The network of a table for which isNetworkTable holds (callers check first). */
export function tableNetwork(table: StatTable): TableNetwork {
  const cells = table.cells
  const tail = new Int32Array(cells.length)
  const head = new Int32Array(cells.length)
  if (table.dimensions.length === 1) {
    // Node 0 sends the parts to node 1; the total flows back.
    for (const cell of cells) {
      const interior = cell.coordinates[0] !== null
      tail[cell.index] = interior ? 0 : 1
      head[cell.index] = interior ? 1 : 0
    }
    return { nodes: 2, tail, head }
  }
  const rows = table.dimensions[0]?.labels.length ?? 0
  const columns = table.dimensions[1]?.labels.length ?? 0
  const S = rows + columns
  const T = S + 1
  for (const cell of cells) {
    const [r, c] = cell.coordinates
    let from: number
    let to: number
    if (r !== null && r !== undefined && c !== null && c !== undefined) [from, to] = [r, rows + c]
    else if (r !== null && r !== undefined) [from, to] = [S, r]
    else if (c !== null && c !== undefined) [from, to] = [rows + c, T]
    else [from, to] = [T, S]
    tail[cell.index] = from
    head[cell.index] = to
  }
  return { nodes: rows + columns + 2, tail, head }
}
