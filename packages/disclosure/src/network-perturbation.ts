import { cellMobility, type PerturbationInput, type PerturbationSearch } from './perturbation.js'
import { isNetworkTable, tableNetwork } from './table-network.js'

const EPS = 1e-9

/**
 * The cheapest perturbation as a minimum-cost flow over the table's network (table-network.ts):
 * successive shortest paths find it exactly, in a fraction of a linear programme's time. It gives
 * the same optimum as the linear programme (network programmes have integral optimal solutions);
 * tests check the two agree.
 */
export function networkPerturbationSearch(input: PerturbationInput): PerturbationSearch {
  const { table } = input
  if (!isNetworkTable(table))
    throw new RangeError(`Table "${table.id}" is not a network (one or two dimensions).`)
  const { nodes, tail, head } = tableNetwork(table)
  const cells = table.cells.length

  // Four arcs per cell (free and paid, forward and backward), each with its residual twin.
  // Arc a and a ^ 1 are twins. kindOf: 0 free-up, 1 paid-up, 2 free-down, 3 paid-down.
  const arcCount = cells * 8
  const from = new Int32Array(arcCount)
  const to = new Int32Array(arcCount)
  const capacity = new Float64Array(arcCount)
  const cost = new Float64Array(arcCount)
  const flow = new Float64Array(arcCount)
  for (const cell of table.cells) {
    const i = cell.index
    const m = cellMobility(input, i)
    const spec: readonly [number, number, number, number, number][] = [
      [tail[i] ?? 0, head[i] ?? 0, m.freeUp, 0, 0],
      [tail[i] ?? 0, head[i] ?? 0, m.paidUp, m.cost, 2],
      [head[i] ?? 0, tail[i] ?? 0, m.freeDown, 0, 4],
      [head[i] ?? 0, tail[i] ?? 0, m.paidDown, m.cost, 6],
    ]
    for (const [u, v, cap, c, offset] of spec) {
      const a = i * 8 + offset
      from[a] = u
      to[a] = v
      capacity[a] = Math.max(0, cap)
      cost[a] = c
      from[a + 1] = v
      to[a + 1] = u
      capacity[a + 1] = 0
      cost[a + 1] = -c
    }
  }
  // Outgoing arcs per node, in compressed form. Arcs that can never carry flow (and their
  // twins) are left out: most published cells have no free movement at all.
  const usable = (a: number) => (capacity[a & ~1] ?? 0) > 0
  const start = new Int32Array(nodes + 1)
  for (let a = 0; a < arcCount; a++)
    if (usable(a)) start[(from[a] ?? 0) + 1] = (start[(from[a] ?? 0) + 1] ?? 0) + 1
  for (let n = 0; n < nodes; n++) start[n + 1] = (start[n + 1] ?? 0) + (start[n] ?? 0)
  const outgoing = new Int32Array(start[nodes] ?? 0)
  const fill = start.slice(0, nodes)
  for (let a = 0; a < arcCount; a++) {
    if (!usable(a)) continue
    const n = from[a] ?? 0
    outgoing[fill[n] ?? 0] = a
    fill[n] = (fill[n] ?? 0) + 1
  }
  const queue = new Int32Array(nodes)

  const potential = new Float64Array(nodes)
  const distance = new Float64Array(nodes)
  const via = new Int32Array(nodes)
  const done = new Uint8Array(nodes)
  const residual = (a: number) => (capacity[a] ?? 0) - (flow[a] ?? 0)

  /**
   * Pushes up to `limit` units from source to sink (Edmonds–Karp), over arcs that cost nothing
   * or over every arc; returns how much.
   */
  const maxFlow = (
    source: number,
    sink: number,
    blocked: number,
    limit: number,
    freeOnly: boolean,
  ): number => {
    let pushed = 0
    while (pushed < limit - EPS) {
      via.fill(-1)
      let headIndex = 0
      let tailIndex = 0
      queue[tailIndex++] = source
      via[source] = -2
      while (headIndex < tailIndex && (via[sink] ?? -1) === -1) {
        const u = queue[headIndex++] ?? 0
        const end = start[u + 1] ?? 0
        for (let k = start[u] ?? 0; k < end; k++) {
          const a = outgoing[k] ?? 0
          const v = to[a] ?? 0
          if ((via[v] ?? -1) !== -1 || a >> 3 === blocked || (freeOnly && (cost[a] ?? 0) !== 0))
            continue
          if (residual(a) <= EPS) continue
          via[v] = a
          queue[tailIndex++] = v
        }
      }
      if ((via[sink] ?? -1) === -1) break
      let push = limit - pushed
      for (let n = sink; n !== source; n = from[via[n] ?? 0] ?? source)
        push = Math.min(push, residual(via[n] ?? 0))
      for (let n = sink; n !== source; n = from[via[n] ?? 0] ?? source) {
        const a = via[n] ?? 0
        flow[a] = (flow[a] ?? 0) + push
        flow[a ^ 1] = (flow[a ^ 1] ?? 0) - push
      }
      pushed += push
    }
    return pushed
  }

  /** Dijkstra on reduced costs; returns false when `sink` cannot be reached. */
  const shortestPath = (source: number, sink: number, blocked: number): boolean => {
    distance.fill(Number.POSITIVE_INFINITY)
    done.fill(0)
    via.fill(-1)
    distance[source] = 0
    for (;;) {
      let u = -1
      let best = Number.POSITIVE_INFINITY
      for (let n = 0; n < nodes; n++)
        if (!done[n] && (distance[n] ?? Number.POSITIVE_INFINITY) < best) {
          best = distance[n] ?? best
          u = n
        }
      if (u < 0) break
      done[u] = 1
      const end = start[u + 1] ?? 0
      for (let k = start[u] ?? 0; k < end; k++) {
        const a = outgoing[k] ?? 0
        if (a >> 3 === blocked || residual(a) <= EPS) continue
        const v = to[a] ?? 0
        if (done[v]) continue
        const reduced = Math.max(0, (cost[a] ?? 0) + (potential[u] ?? 0) - (potential[v] ?? 0))
        const candidate = best + reduced
        if (candidate < (distance[v] ?? Number.POSITIVE_INFINITY)) {
          distance[v] = candidate
          via[v] = a
        }
      }
    }
    return Number.isFinite(distance[sink] ?? Number.POSITIVE_INFINITY)
  }

  return {
    cheapest(target, direction, amount) {
      // Moving the target up by U is a flow of U from its head back to its tail (closing a
      // cycle through it); moving it down is the opposite.
      const source = direction === 'up' ? (head[target] ?? 0) : (tail[target] ?? 0)
      const sink = direction === 'up' ? (tail[target] ?? 0) : (head[target] ?? 0)
      const m = cellMobility(input, target)
      if ((direction === 'up' ? m.freeUp : m.freeDown) < amount) return undefined
      flow.fill(0)
      potential.fill(0)
      // Most targets are already protected by cells hidden before: a flow of `amount` over
      // free arcs alone proves it (breadth-first augmenting paths), without any costs.
      let remaining = amount - maxFlow(source, sink, target, amount, true)
      if (remaining <= EPS) return { cost: 0, cells: [] }
      flow.fill(0)
      remaining = amount
      while (remaining > EPS) {
        if (!shortestPath(source, sink, target)) return undefined
        for (let n = 0; n < nodes; n++)
          if (Number.isFinite(distance[n] ?? Number.POSITIVE_INFINITY))
            potential[n] = (potential[n] ?? 0) + (distance[n] ?? 0)
        let push = remaining
        for (let n = sink; n !== source; n = from[via[n] ?? 0] ?? source)
          push = Math.min(push, residual(via[n] ?? 0))
        for (let n = sink; n !== source; n = from[via[n] ?? 0] ?? source) {
          const a = via[n] ?? 0
          flow[a] = (flow[a] ?? 0) + push
          flow[a ^ 1] = (flow[a ^ 1] ?? 0) - push
        }
        remaining -= push
      }
      let total = 0
      const chosen: number[] = []
      for (let i = 0; i < cells; i++) {
        if (i === target) continue
        const paid = Math.max(0, flow[i * 8 + 2] ?? 0) + Math.max(0, flow[i * 8 + 6] ?? 0)
        total += paid * (cost[i * 8 + 2] ?? 0)
        if (paid > 1e-7 && (cost[i * 8 + 2] ?? 0) > 0) chosen.push(i)
      }
      return { cost: total, cells: chosen }
    },
    maxMovement(target, direction) {
      const source = direction === 'up' ? (head[target] ?? 0) : (tail[target] ?? 0)
      const sink = direction === 'up' ? (tail[target] ?? 0) : (head[target] ?? 0)
      const m = cellMobility(input, target)
      const own = direction === 'up' ? m.freeUp : m.freeDown
      flow.fill(0)
      // Capacities may be infinite: one infinite augmenting path means no limit at all.
      return Math.min(own, maxFlow(source, sink, target, own, false))
    },
    hide(index) {
      for (const offset of [2, 6]) {
        cost[index * 8 + offset] = 0
        cost[index * 8 + offset + 1] = 0
      }
    },
    close() {},
  }
}
