/**
 * The port through which the engine solves linear programmes. The interval audit, the
 * suppression chooser and the differencing guard all ask the same kind of question ("how
 * small / how large can this be, given everything published?"), many times over one set of
 * constraints with a different objective each time, so a session keeps the model loaded and
 * lets the solver start from its previous answer.
 *
 * The implementation is HiGHS (highs-solver.ts); tests may pass another.
 */

/** One constraint: lower ≤ Σ coefficients[k] · x[indices[k]] ≤ upper (equal bounds: an equation). */
export interface LinearRow {
  readonly indices: readonly number[]
  readonly coefficients: readonly number[]
  readonly lower: number
  readonly upper: number
}

/** Variables with bounds (±Infinity allowed) and linear constraints. */
export interface LinearProgram {
  readonly columns: number
  readonly lower: ArrayLike<number>
  readonly upper: ArrayLike<number>
  readonly rows: readonly LinearRow[]
  /**
   * What will change between solves, so the solver can restart well: a new objective keeps
   * the last solution feasible (primal simplex restarts from it); new bounds keep it optimal
   * for the old costs (dual simplex restarts from it).
   */
  readonly changes?: 'objective' | 'bounds'
}

export type LpOutcome =
  | { readonly status: 'optimal'; readonly objective: number; readonly values?: Float64Array }
  | { readonly status: 'unbounded' }
  | { readonly status: 'infeasible' }

export type Sense = 'minimize' | 'maximize'

/** A sparse objective: every other coefficient is zero. */
export interface SparseObjective {
  readonly indices: readonly number[]
  readonly coefficients: readonly number[]
}

export interface LpSession {
  /**
   * Optimises the objective (dense: one coefficient per column; sparse: the rest are zero).
   * `values` asks for the solution vector as well.
   */
  optimize(
    sense: Sense,
    objective: ArrayLike<number> | SparseObjective,
    options?: { readonly values?: boolean },
  ): LpOutcome
  /**
   * The same question over whole numbers: every column integer, the current bounds and rows.
   * A separate (branch-and-bound) solve, for when a linear programme's optimum is fractional
   * and a reader who knows counts are whole could do better than it.
   */
  optimizeInteger(sense: Sense, objective: ArrayLike<number> | SparseObjective): LpOutcome
  setColumnBounds(column: number, lower: number, upper: number): void
  /** Frees the model. A session must be closed; the engine does so in `finally`. */
  close(): void
}

export interface LpSolver {
  readonly name: string
  open(program: LinearProgram): LpSession
}

/** Runs `use` with a session and always closes it. */
export function withSession<T>(
  solver: LpSolver,
  program: LinearProgram,
  use: (session: LpSession) => T,
): T {
  const session = solver.open(program)
  try {
    return use(session)
  } finally {
    session.close()
  }
}

export function isSparseObjective(
  objective: ArrayLike<number> | SparseObjective,
): objective is SparseObjective {
  return 'indices' in objective && 'coefficients' in objective
}
