import type { Bounds } from './bounds.js'
import { DisclosureError } from './errors.js'
import type { LinearRow, LpSession, LpSolver } from './lp/linear-program.js'
import { networkIntervals } from './network-audit.js'
import type { CellSystem } from './table.js'
import { isNetworkTable } from './table-network.js'

/**
 * What a reader knows about every cell of a published table, indexed like `table.cells`:
 * a number shown is exact; a rounded number or a word is a range; a hidden cell has only the
 * bounds every hidden cell has (at least 0, or 1 when zeros are always shown).
 */
export type Knowledge = readonly Bounds[]

export interface AuditOptions {
  /**
   * Round LP bounds inward to whole numbers (a reader knows people come in ones). Default: the
   * table's own `integer` flag.
   */
  readonly integer?: boolean
  /** Use linear programmes even for network tables (tests compare the two). */
  readonly method?: 'auto' | 'linear-programme'
}

export interface AuditResult {
  readonly intervals: ReadonlyMap<number, Bounds>
  /** Linear programmes solved, for benchmarks and the review. */
  readonly solves: number
  /** Maximum flows computed instead, for tables that are networks. */
  readonly flows: number
}

const EPS = 1e-7

function isWhole(values: ArrayLike<number>): boolean {
  for (let i = 0; i < values.length; i++) {
    const x = values[i] ?? 0
    if (Math.abs(x - Math.round(x)) > 1e-6) return false
  }
  return true
}

/**
 * For each target cell, the smallest and largest value it can take given everything a reader
 * knows: the table's equations (every margin is the sum of its parts, every flow balances), the
 * published values and ranges, and non-negativity. For counts, over whole numbers: a linear
 * programme per cell and direction, and an integer programme where its optimum is fractional,
 * so the bounds are exactly what a reader with integer programming can prove.
 *
 * It knows nothing of how cells were chosen for suppression: it looks only at the table and
 * at what was published, which is what makes it a check on the chooser.
 *
 * Cells are grouped into independent components (hidden cells linked through equations with
 * at least two unknowns); each component is one model, solved many times with a warm start.
 * Tables that are networks get the same answer by maximum flow (network-audit.ts).
 */
export function auditIntervals(
  table: CellSystem,
  knowledge: Knowledge,
  targets: Iterable<number>,
  solver: LpSolver,
  options: AuditOptions = {},
): AuditResult {
  const integer = options.integer ?? table.integer
  const cells = table.cells.length
  if (knowledge.length !== cells)
    throw new DisclosureError(
      'invalid_table',
      `Knowledge for ${knowledge.length} cells, table has ${cells}.`,
    )
  if (options.method !== 'linear-programme' && isNetworkTable(table)) {
    const network = networkIntervals(table, knowledge, targets, integer)
    if (network) return { intervals: network.intervals, solves: 0, flows: network.flows }
  }
  const unknown = new Int32Array(cells).fill(-1)
  let columns = 0
  for (let i = 0; i < cells; i++) {
    const k = knowledge[i]
    if (k && k.lower < k.upper) unknown[i] = columns++
  }

  // Each equation, with the known cells moved to the right-hand side.
  const equations: {
    readonly vars: number[]
    readonly coefficients: number[]
    readonly rhs: number
  }[] = []
  for (const relation of table.relations) {
    const vars: number[] = []
    const coefficients: number[] = []
    let rhs = 0
    const add = (cell: number, sign: 1 | -1) => {
      const v = unknown[cell] ?? -1
      if (v >= 0) {
        vars.push(v)
        coefficients.push(sign)
      } else rhs -= sign * (knowledge[cell]?.lower ?? 0)
    }
    for (const part of relation.parts) add(part, 1)
    for (const part of relation.minus ?? []) add(part, -1)
    add(relation.total, -1)
    if (vars.length === 0) {
      if (Math.abs(rhs) > EPS * Math.max(1, Math.abs(knowledge[relation.total]?.lower ?? 0)))
        throw new DisclosureError(
          'invalid_table',
          `The published values contradict the table: ${table.cells[relation.total]?.key} is not the sum of its parts.`,
        )
      continue
    }
    equations.push({ vars, coefficients, rhs })
  }

  // Union-find over unknowns: two unknowns in one equation are in one component.
  const parent = Int32Array.from({ length: columns }, (_, i) => i)
  const find = (x: number): number => {
    let root = x
    while (parent[root] !== root) root = parent[root] ?? root
    let node = x
    while (parent[node] !== root) {
      const next = parent[node] ?? root
      parent[node] = root
      node = next
    }
    return root
  }
  for (const { vars } of equations) {
    const first = vars[0]
    if (first === undefined) continue
    for (const v of vars) parent[find(v)] = find(first)
  }

  const cellOfVar = new Int32Array(columns)
  for (let i = 0; i < cells; i++) if ((unknown[i] ?? -1) >= 0) cellOfVar[unknown[i] ?? 0] = i

  interface Component {
    readonly local: Map<number, number> // global var → local column
    readonly session: LpSession
    readonly lower: number[]
    readonly upper: number[]
    /** Smallest and largest value each variable took in any solution found so far. */
    readonly lowestSeen: Float64Array
    readonly highestSeen: Float64Array
  }
  const components = new Map<number, Component>()
  const openComponent = (root: number): Component => {
    const existing = components.get(root)
    if (existing) return existing
    const local = new Map<number, number>()
    const lower: number[] = []
    const upper: number[] = []
    for (let v = 0; v < columns; v++) {
      if (find(v) !== root) continue
      local.set(v, local.size)
      const k = knowledge[cellOfVar[v] ?? 0]
      lower.push(k?.lower ?? 0)
      upper.push(k?.upper ?? Number.POSITIVE_INFINITY)
    }
    const rows: LinearRow[] = []
    for (const eq of equations) {
      const first = eq.vars[0]
      if (first === undefined || find(first) !== root) continue
      rows.push({
        indices: eq.vars.map((v) => local.get(v) ?? 0),
        coefficients: eq.coefficients,
        lower: eq.rhs,
        upper: eq.rhs,
      })
    }
    const session = solver.open({ columns: local.size, lower, upper, rows })
    const component: Component = {
      local,
      session,
      lower,
      upper,
      lowestSeen: new Float64Array(local.size).fill(Number.POSITIVE_INFINITY),
      highestSeen: new Float64Array(local.size).fill(Number.NEGATIVE_INFINITY),
    }
    components.set(root, component)
    // One programme that pushes every cell down at once: each cell it leaves at its lower
    // bound needs no minimisation of its own (see `witness`).
    witness(
      component,
      session.optimize('minimize', new Float64Array(local.size).fill(1), { values: true }),
    )
    solves++
    return component
  }

  /**
   * Any feasible solution is a witness: a cell that reaches its own bound in some solution has
   * that bound as its minimum (or maximum), exactly, without a programme of its own.
   */
  const witness = (component: Component, outcome: ReturnType<LpSession['optimize']>) => {
    if (outcome.status !== 'optimal' || !outcome.values) return
    // Over whole numbers only a whole solution proves anything.
    if (integer && !isWhole(outcome.values)) return
    outcome.values.forEach((x, j) => {
      if (x < (component.lowestSeen[j] ?? x)) component.lowestSeen[j] = x
      if (x > (component.highestSeen[j] ?? x)) component.highestSeen[j] = x
    })
  }

  const intervals = new Map<number, Bounds>()
  let solves = 0
  try {
    for (const target of targets) {
      const k = knowledge[target]
      if (!k) throw new DisclosureError('invalid_table', `There is no cell ${target}.`)
      const v = unknown[target] ?? -1
      if (v < 0) {
        intervals.set(target, { lower: k.lower, upper: k.lower })
        continue
      }
      const component = openComponent(find(v))
      const { local, session } = component
      const j = local.get(v) ?? 0
      const objective = { indices: [j], coefficients: [1] }
      const bottom = component.lower[j] ?? Number.NEGATIVE_INFINITY
      const top = component.upper[j] ?? Number.POSITIVE_INFINITY
      const solve = (sense: 'minimize' | 'maximize') => {
        const outcome = session.optimize(sense, objective, { values: true })
        solves++
        if (outcome.status === 'infeasible')
          throw new DisclosureError(
            'solver_failed',
            `The published values of table "${table.id}" admit no solution, which cannot happen for true values; check the table's margins.`,
          )
        witness(component, outcome)
        if (outcome.status !== 'optimal')
          return sense === 'minimize' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY
        // A whole optimum is the whole-number answer too. A fractional one may promise more
        // room than whole counts allow (in tables that are not networks: three dimensions,
        // flows, linked tables), so a reader with integer programming is matched exactly.
        if (!integer || !outcome.values || isWhole(outcome.values)) return outcome.objective
        const exact = session.optimizeInteger(sense, objective)
        solves++
        return exact.status === 'optimal' ? exact.objective : outcome.objective
      }
      let lower =
        (component.lowestSeen[j] ?? Number.POSITIVE_INFINITY) <= bottom + EPS
          ? bottom
          : solve('minimize')
      let upper =
        (component.highestSeen[j] ?? Number.NEGATIVE_INFINITY) >= top - EPS
          ? top
          : solve('maximize')
      if (integer) {
        lower = Math.ceil(lower - EPS) + 0 // + 0: never −0
        upper = Math.floor(upper + EPS)
      }
      intervals.set(target, { lower, upper })
    }
  } finally {
    for (const component of components.values()) component.session.close()
  }
  return { intervals, solves, flows: 0 }
}
