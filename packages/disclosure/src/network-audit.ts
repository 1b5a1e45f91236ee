import type { Bounds } from './bounds.js'
import type { StatTable } from './table.js'
import { tableNetwork } from './table-network.js'

const EPS = 1e-9

/**
 * The interval audit for tables that are networks (table-network.ts), by maximum flow instead
 * of linear programming: the same answer, exact in whole numbers, about ten times faster on a
 * large table with many hidden cells (bench/disclosure.ts).
 *
 * The table's own values are one point a reader cannot rule out. Any other point differs from
 * it by a circulation, and each cell's arc may carry, beyond its value, only what the reader's
 * bounds allow: up to `upper − value` forward and `value − lower` backward. So the furthest a
 * target can move up is the maximum flow from its head back to its tail over every other arc,
 * and down the maximum flow the other way. Dinic's algorithm computes it; an unbounded flow
 * (a path of arcs with no upper bound) means no limit.
 *
 * Like the linear programme, it sees only the published knowledge and the table's equations,
 * nothing of how cells were chosen. Returns undefined when the table's values lie outside the
 * knowledge (no base point: the caller falls back to the linear programme, which also names
 * the contradiction).
 */
export function networkIntervals(
  table: StatTable,
  knowledge: readonly Bounds[],
  targets: Iterable<number>,
  integer: boolean,
): { intervals: Map<number, Bounds>; flows: number } | undefined {
  const { nodes, tail, head } = tableNetwork(table)
  const values = table.cells.map((c) => c.value)
  for (let i = 0; i < values.length; i++) {
    const k = knowledge[i]
    const v = values[i] ?? 0
    if (!k || v < k.lower - EPS || v > k.upper + EPS) return undefined
  }

  // Arcs in pairs: 2a carries the cell's movement, 2a + 1 is its residual twin.
  const from: number[] = []
  const to: number[] = []
  const capacity: number[] = []
  const cellOfArc: number[] = []
  const addArc = (cell: number, u: number, w: number, cap: number) => {
    if (cap <= EPS) return
    from.push(u, w)
    to.push(w, u)
    capacity.push(cap, 0)
    cellOfArc.push(cell, cell)
  }
  for (let i = 0; i < values.length; i++) {
    const k = knowledge[i]
    const v = values[i] ?? 0
    if (!k) continue
    addArc(i, tail[i] ?? 0, head[i] ?? 0, k.upper - v)
    addArc(i, head[i] ?? 0, tail[i] ?? 0, v - k.lower)
  }
  const arcs = from.length
  const start = new Int32Array(nodes + 1)
  for (const u of from) start[u + 1] = (start[u + 1] ?? 0) + 1
  for (let n = 0; n < nodes; n++) start[n + 1] = (start[n + 1] ?? 0) + (start[n] ?? 0)
  const outgoing = new Int32Array(arcs)
  const fill = start.slice(0, nodes)
  for (let a = 0; a < arcs; a++) {
    const u = from[a] ?? 0
    outgoing[fill[u] ?? 0] = a
    fill[u] = (fill[u] ?? 0) + 1
  }
  const cap = Float64Array.from(capacity)
  const flow = new Float64Array(arcs)
  const level = new Int32Array(nodes)
  const next = new Int32Array(nodes)
  const queue = new Int32Array(nodes)
  let blocked = -1
  const residual = (a: number) => (cap[a] ?? 0) - (flow[a] ?? 0)

  /**
   * Breadth-first levels from `source`, stopping at the sink's level (nothing beyond it can be on
   * a shortest path); with `infiniteOnly`, over unbounded arcs alone.
   */
  const levels = (source: number, sink: number, infiniteOnly: boolean): boolean => {
    level.fill(-1)
    level[source] = 0
    let first = 0
    let last = 0
    queue[last++] = source
    while (first < last) {
      const u = queue[first++] ?? 0
      if (level[sink] !== -1 && (level[u] ?? 0) >= (level[sink] ?? 0)) break
      for (let k = start[u] ?? 0; k < (start[u + 1] ?? 0); k++) {
        const a = outgoing[k] ?? 0
        const w = to[a] ?? 0
        if ((level[w] ?? 0) >= 0 || cellOfArc[a] === blocked) continue
        const r = residual(a)
        if (infiniteOnly ? r !== Number.POSITIVE_INFINITY : r <= EPS) continue
        level[w] = (level[u] ?? 0) + 1
        queue[last++] = w
      }
    }
    return (level[sink] ?? -1) >= 0
  }

  /** Pushes up to `limit` from `u` to the sink along the level graph (a blocking flow). */
  const push = (u: number, sink: number, limit: number): number => {
    if (u === sink) return limit
    let total = 0
    const end = start[u + 1] ?? 0
    for (; (next[u] ?? 0) < end; next[u] = (next[u] ?? 0) + 1) {
      const a = outgoing[next[u] ?? 0] ?? 0
      const w = to[a] ?? 0
      if (level[w] !== (level[u] ?? 0) + 1 || cellOfArc[a] === blocked) continue
      if (w !== sink && (level[w] ?? 0) >= (level[sink] ?? 0)) continue
      const r = residual(a)
      if (r <= EPS) continue
      const pushed = push(w, sink, Math.min(limit - total, r))
      if (pushed <= EPS) continue
      flow[a] = (flow[a] ?? 0) + pushed
      flow[a ^ 1] = (flow[a ^ 1] ?? 0) - pushed
      total += pushed
      // The arc may still carry more: stay on it for the next call.
      if (total >= limit - EPS) return total
    }
    return total
  }

  /** Whether any arc with no upper bound leaves `node` (else no unbounded path starts there). */
  const unboundedFrom = (node: number): boolean => {
    for (let k = start[node] ?? 0; k < (start[node + 1] ?? 0); k++) {
      const a = outgoing[k] ?? 0
      if (cellOfArc[a] !== blocked && residual(a) === Number.POSITIVE_INFINITY) return true
    }
    return false
  }

  /** What can leave `node` (out) or reach it (in) along arcs other than the target's. */
  const capacityAt = (node: number, direction: 'out' | 'in'): number => {
    let sum = 0
    for (let k = start[node] ?? 0; k < (start[node + 1] ?? 0); k++) {
      // An arc into the node is the twin of an arc out of it.
      const a = direction === 'out' ? (outgoing[k] ?? 0) : (outgoing[k] ?? 0) ^ 1
      if (cellOfArc[a] !== blocked) sum += cap[a] ?? 0
    }
    return sum
  }

  let flows = 0
  /**
   * The maximum flow from `source` to `sink`, or `limit` if it is at least that much: a target
   * never needs to move beyond its own bounds, and no flow exceeds what leaves the source or
   * reaches the sink. Stopping there saves the searches that would only prove it.
   */
  const maxFlow = (source: number, sink: number, bound: number): number => {
    flows++
    flow.fill(0)
    if (unboundedFrom(source) && levels(source, sink, true)) return Number.POSITIVE_INFINITY
    const limit = Math.min(bound, capacityAt(source, 'out'), capacityAt(sink, 'in'))
    let total = 0
    while (total < limit - EPS && levels(source, sink, false)) {
      next.set(start.subarray(0, nodes))
      const pushed = push(source, sink, limit - total)
      if (pushed <= EPS) break
      total += pushed
    }
    return total
  }

  const intervals = new Map<number, Bounds>()
  for (const target of targets) {
    const k = knowledge[target]
    const v = values[target]
    if (!k || v === undefined) continue
    if (k.lower >= k.upper) {
      intervals.set(target, { lower: k.lower, upper: k.lower })
      continue
    }
    blocked = target
    // Moving the target up sends flow from its head back to its tail through the other arcs.
    const up = k.upper > v ? maxFlow(head[target] ?? 0, tail[target] ?? 0, k.upper - v) : 0
    const down = k.lower < v ? maxFlow(tail[target] ?? 0, head[target] ?? 0, v - k.lower) : 0
    let lower = Math.max(k.lower, v - down)
    let upper = Math.min(k.upper, v + up)
    if (integer) {
      lower = Math.ceil(lower - 1e-7) + 0 // + 0: never −0
      upper = Math.floor(upper + 1e-7)
    }
    intervals.set(target, { lower, upper })
  }
  return { intervals, flows }
}
