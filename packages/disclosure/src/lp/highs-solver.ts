import loadHighs, { type Highs, type RawModelApi } from 'highs'
import { DisclosureError } from '../errors.js'
import {
  isSparseObjective,
  type LinearProgram,
  type LpOutcome,
  type LpSession,
  type LpSolver,
  type Sense,
  type SparseObjective,
} from './linear-program.js'

// HiGHS model status codes (highs.constants.modelStatus), named for readability.
const OPTIMAL = 7
const INFEASIBLE = 8
const UNBOUNDED_OR_INFEASIBLE = 9
const UNBOUNDED = 10

export interface HighsSolverOptions {
  /** Where the browser finds highs.wasm; Node finds it next to the package's loader. */
  readonly locateFile?: (file: string) => string
}

// Compiling the WebAssembly module takes tens of milliseconds: do it once per process and
// share it between engines (each session still gets its own native model).
let shared: Promise<Highs> | undefined

/** The HiGHS solver (compiled to WebAssembly), loaded once and reused. */
export async function createHighsSolver(options: HighsSolverOptions = {}): Promise<LpSolver> {
  if (!options.locateFile && !shared) shared = loadHighs()
  const highs = await (options.locateFile ? loadHighs({ locateFile: options.locateFile }) : shared)
  if (!highs) throw failed('the WebAssembly module did not load')
  return {
    name: `HiGHS ${highs.version.major}.${highs.version.minor}.${highs.version.patch}`,
    open: (program) => new HighsSession(highs, program),
  }
}

function failed(what: string): DisclosureError {
  return new DisclosureError(
    'solver_failed',
    `The linear programme solver failed (${what}). Nothing was published; report this with the table.`,
  )
}

class HighsSession implements LpSession {
  private readonly model: RawModelApi
  private readonly costs: Float64Array
  private readonly columns: number
  /** The bounds as they are now (the integer solves build their own model from them). */
  private readonly lower: Float64Array
  private readonly upper: Float64Array
  private closed = false

  constructor(
    private readonly highs: Highs,
    private readonly program: LinearProgram,
  ) {
    this.columns = program.columns
    this.costs = new Float64Array(program.columns)
    this.lower = Float64Array.from(program.lower)
    this.upper = Float64Array.from(program.upper)
    this.model = highs.raw.createModel()
    try {
      // No presolve, so the basis of one solve is the start of the next: after a change of
      // objective it is still feasible (primal simplex, 4, finishes in a few pivots); after a
      // change of bounds it is still dual feasible (dual simplex, 1).
      for (const [name, value] of [
        ['output_flag', false],
        ['presolve', 'off'],
        ['simplex_strategy', program.changes === 'bounds' ? 1 : 4],
        // The engine's matrices hold only ±1: scaling them costs time and buys nothing.
        ['simplex_scale_strategy', 0],
      ] as const)
        if (this.model.setOptionValue(name, value).status === -1) throw failed(`option ${name}`)
      if (program.columns > 0) this.load(program)
    } catch (error) {
      this.model.dispose()
      throw error
    }
  }

  private load(program: LinearProgram): void {
    const status = this.model.passModel(this.modelData(program, this.costs))
    if (status.status === -1) throw failed('the model was rejected')
  }

  private bound(value: number): number {
    const inf = this.highs.infinity
    return value === Number.POSITIVE_INFINITY
      ? inf
      : value === Number.NEGATIVE_INFINITY
        ? -inf
        : value
  }

  private modelData(program: LinearProgram, costs: Float64Array, integer = false) {
    const bound = (value: number) => this.bound(value)
    const starts = new Int32Array(program.rows.length + 1)
    let nonzeros = 0
    program.rows.forEach((row, i) => {
      nonzeros += row.indices.length
      starts[i + 1] = nonzeros
    })
    const indices = new Int32Array(nonzeros)
    const values = new Float64Array(nonzeros)
    let k = 0
    for (const row of program.rows) {
      row.indices.forEach((column, j) => {
        indices[k] = column
        values[k] = row.coefficients[j] ?? 0
        k++
      })
    }
    return {
      numCols: program.columns,
      numRows: program.rows.length,
      colCost: costs,
      colLower: Float64Array.from(this.lower, bound),
      colUpper: Float64Array.from(this.upper, bound),
      rowLower: program.rows.map((r) => bound(r.lower)),
      rowUpper: program.rows.map((r) => bound(r.upper)),
      matrix: {
        format: 'csr' as const,
        numRows: program.rows.length,
        numCols: program.columns,
        starts,
        indices,
        values,
      },
      ...(integer ? { integrality: new Int32Array(program.columns).fill(1) } : {}),
    }
  }

  /** One cost per column, negated for a maximisation (HiGHS is always asked to minimise). */
  private minimized(sense: Sense, objective: ArrayLike<number> | SparseObjective): Float64Array {
    const sign = sense === 'minimize' ? 1 : -1
    const costs = new Float64Array(this.columns)
    if (isSparseObjective(objective))
      objective.indices.forEach((column, j) => {
        costs[column] = (costs[column] ?? 0) + sign * (objective.coefficients[j] ?? 0)
      })
    else for (let j = 0; j < this.columns; j++) costs[j] = sign * (objective[j] ?? 0)
    return costs
  }

  optimizeInteger(sense: Sense, objective: ArrayLike<number> | SparseObjective): LpOutcome {
    if (this.closed) throw failed('the session was already closed')
    if (this.columns === 0) return { status: 'optimal', objective: 0 }
    const sign = sense === 'minimize' ? 1 : -1
    const costs = this.minimized(sense, objective)
    const model = this.highs.raw.createModel()
    try {
      for (const [name, value] of [
        ['output_flag', false],
        // An exact optimum: the bound is a count a reader could prove.
        ['mip_rel_gap', 0],
      ] as const)
        if (model.setOptionValue(name, value).status === -1) throw failed(`option ${name}`)
      if (model.passModel(this.modelData(this.program, costs, true)).status === -1)
        throw failed('the integer model was rejected')
      if (model.run().status === -1) throw failed('integer run error')
      const status = model.getModelStatus()
      if (status === INFEASIBLE) return { status: 'infeasible' }
      if (status === UNBOUNDED || status === UNBOUNDED_OR_INFEASIBLE) return { status: 'unbounded' }
      if (status !== OPTIMAL) throw failed(`integer model status ${status}`)
      return { status: 'optimal', objective: sign * model.getObjectiveValue() }
    } finally {
      model.dispose()
    }
  }

  optimize(
    sense: Sense,
    objective: ArrayLike<number> | SparseObjective,
    options: { readonly values?: boolean } = {},
  ): LpOutcome {
    if (this.closed) throw failed('the session was already closed')
    if (this.columns === 0) return { status: 'optimal', objective: 0, values: new Float64Array(0) }
    // HiGHS keeps its basis across cost changes but not across a change of sense, so a
    // maximisation is run as the minimisation of the negated objective.
    const sign = sense === 'minimize' ? 1 : -1
    const next = this.minimized(sense, objective)
    for (let j = 0; j < this.columns; j++) {
      const cost = next[j] ?? 0
      if (cost !== this.costs[j]) {
        this.model.changeColCost(j, cost)
        this.costs[j] = cost
      }
    }
    let status = this.run()
    if (status === UNBOUNDED_OR_INFEASIBLE) status = this.settleAmbiguous()
    if (status === INFEASIBLE) return { status: 'infeasible' }
    if (status === UNBOUNDED) return { status: 'unbounded' }
    const objectiveValue = sign * this.model.getObjectiveValue()
    if (!options.values) return { status: 'optimal', objective: objectiveValue }
    const solution = this.model.getSolution()
    if (solution.status === -1) throw failed('no solution vector')
    return { status: 'optimal', objective: objectiveValue, values: solution.value.colValue }
  }

  private run(): number {
    let status = this.runOnce()
    if (
      status !== OPTIMAL &&
      status !== INFEASIBLE &&
      status !== UNBOUNDED &&
      status !== UNBOUNDED_OR_INFEASIBLE
    ) {
      // A numerical hiccup from a warm start: solve again from scratch before giving up.
      this.model.clearSolver()
      status = this.runOnce()
    }
    if (
      status !== OPTIMAL &&
      status !== INFEASIBLE &&
      status !== UNBOUNDED &&
      status !== UNBOUNDED_OR_INFEASIBLE
    )
      throw failed(`model status ${status}`)
    return status
  }

  private runOnce(): number {
    if (this.model.run().status === -1) {
      this.model.clearSolver()
      if (this.model.run().status === -1) throw failed('run error')
    }
    return this.model.getModelStatus()
  }

  /**
   * HiGHS may say "unbounded or infeasible". Calling an infeasible problem unbounded would
   * report infinite protection, the unsafe direction, so feasibility is checked with a zero
   * objective before the answer is accepted.
   */
  private settleAmbiguous(): number {
    const saved = Float64Array.from(this.costs)
    for (let j = 0; j < this.columns; j++) if (this.costs[j] !== 0) this.model.changeColCost(j, 0)
    this.costs.fill(0)
    const feasibility = this.run()
    for (let j = 0; j < this.columns; j++) {
      const cost = saved[j] ?? 0
      if (cost !== 0) this.model.changeColCost(j, cost)
      this.costs[j] = cost
    }
    if (feasibility === INFEASIBLE || feasibility === UNBOUNDED_OR_INFEASIBLE) return INFEASIBLE
    return UNBOUNDED
  }

  setColumnBounds(column: number, lower: number, upper: number): void {
    this.lower[column] = lower
    this.upper[column] = upper
    const inf = this.highs.infinity
    const status = this.model.changeColBounds(
      column,
      lower === Number.NEGATIVE_INFINITY ? -inf : lower,
      upper === Number.POSITIVE_INFINITY ? inf : upper,
    )
    if (status.status === -1) throw failed(`bounds of column ${column}`)
  }

  close(): void {
    if (this.closed) return
    this.closed = true
    this.model.dispose()
  }
}
