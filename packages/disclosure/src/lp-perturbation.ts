import type { LinearRow, LpSolver } from './lp/linear-program.js'
import { cellMobility, type PerturbationInput, type PerturbationSearch } from './perturbation.js'

/**
 * The perturbation search as a linear programme: works for any table (three or more
 * dimensions, linked tables). Variables per cell: a free part (cost 0) within what is already
 * uncertain and paid parts up and down (cost per unit); one equation per table relation.
 */
export function lpPerturbationSearch(
  input: PerturbationInput,
  solver: LpSolver,
): PerturbationSearch {
  const { table } = input
  const cells = table.cells.length
  const freeUp = new Int32Array(cells).fill(-1)
  const freeDown = new Int32Array(cells).fill(-1)
  const paidUp = new Int32Array(cells).fill(-1)
  const paidDown = new Int32Array(cells).fill(-1)
  const lower: number[] = []
  const upper: number[] = []
  const costs: number[] = []
  const addVar = (hi: number, cost: number) => {
    lower.push(0)
    upper.push(hi)
    costs.push(cost)
    return lower.length - 1
  }
  for (const cell of table.cells) {
    const m = cellMobility(input, cell.index)
    if (m.freeUp > 0) freeUp[cell.index] = addVar(m.freeUp, 0)
    if (m.freeDown > 0) freeDown[cell.index] = addVar(m.freeDown, 0)
    if (m.paidUp > 0) paidUp[cell.index] = addVar(m.paidUp, m.cost)
    if (m.paidDown > 0) paidDown[cell.index] = addVar(m.paidDown, m.cost)
  }
  const rows: LinearRow[] = table.relations.map((relation) => {
    const indices: number[] = []
    const coefficients: number[] = []
    const term = (cell: number, sign: 1 | -1) => {
      for (const [vars, s] of [
        [freeUp, sign],
        [paidUp, sign],
        [freeDown, -sign],
        [paidDown, -sign],
      ] as const) {
        const v = vars[cell] ?? -1
        if (v >= 0) {
          indices.push(v)
          coefficients.push(s)
        }
      }
    }
    for (const part of relation.parts) term(part, 1)
    for (const part of relation.minus ?? []) term(part, -1)
    term(relation.total, -1)
    return { indices, coefficients, lower: 0, upper: 0 }
  })
  const objective = Float64Array.from(costs)
  const session = solver.open({ columns: lower.length, lower, upper, rows, changes: 'bounds' })
  const setBounds = (v: number, lo: number, hi: number) => {
    if (v >= 0) session.setColumnBounds(v, lo, hi)
  }

  return {
    cheapest(target, direction, amount) {
      // The target moves by exactly `amount` in one direction and not at all in the other.
      const [moving, still] = direction === 'up' ? [freeUp, freeDown] : [freeDown, freeUp]
      const m = moving[target] ?? -1
      const s = still[target] ?? -1
      if (m < 0 || (upper[m] ?? 0) < amount) return undefined
      const paid = [paidUp[target] ?? -1, paidDown[target] ?? -1]
      setBounds(m, amount, amount)
      setBounds(s, 0, 0)
      for (const p of paid) setBounds(p, 0, 0)
      try {
        const outcome = session.optimize('minimize', objective, { values: true })
        if (outcome.status !== 'optimal' || !outcome.values) return undefined
        const chosen: number[] = []
        if (outcome.objective > 1e-9)
          for (let i = 0; i < cells; i++) {
            if (i === target) continue
            const up = outcome.values[paidUp[i] ?? -1] ?? 0
            const down = outcome.values[paidDown[i] ?? -1] ?? 0
            if (up + down > 1e-7) chosen.push(i)
          }
        return { cost: Math.max(0, outcome.objective), cells: chosen }
      } finally {
        setBounds(m, 0, upper[m] ?? 0)
        setBounds(s, 0, upper[s] ?? 0)
        for (const p of paid) setBounds(p, 0, upper[p] ?? 0)
      }
    },
    maxMovement(target, direction) {
      const [moving, still] = direction === 'up' ? [freeUp, freeDown] : [freeDown, freeUp]
      const m = moving[target] ?? -1
      if (m < 0) return 0
      const s = still[target] ?? -1
      const paid = [paidUp[target] ?? -1, paidDown[target] ?? -1]
      setBounds(s, 0, 0)
      for (const p of paid) setBounds(p, 0, 0)
      try {
        const outcome = session.optimize('maximize', { indices: [m], coefficients: [1] })
        if (outcome.status === 'unbounded') return Number.POSITIVE_INFINITY
        return outcome.status === 'optimal' ? outcome.objective : 0
      } finally {
        setBounds(s, 0, upper[s] ?? 0)
        for (const p of paid) setBounds(p, 0, upper[p] ?? 0)
      }
    },
    hide(index) {
      for (const vars of [paidUp, paidDown]) {
        const v = vars[index] ?? -1
        if (v >= 0) objective[v] = 0
      }
    },
    close() {
      session.close()
    },
  }
}
