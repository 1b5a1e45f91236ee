import {
  type ConsistencyCheck,
  type ConsistencyFinding,
  type ConsistencyOptions,
  checkConsistency,
} from './consistency/check-consistency.js'
import { checkDifferencing, type DifferencingResult } from './differencing-guard.js'
import type { DisclosureLedger, LedgerRelease } from './ledger.js'
import { protectTables, type TableToProtect } from './link-tables.js'
import { createHighsSolver } from './lp/highs-solver.js'
import type { LpSolver } from './lp/linear-program.js'
import { type DisclosurePolicy, parsePolicy } from './policy.js'
import { type ProtectTableOptions, protectTable } from './protect-table.js'
import type { ProtectedTable } from './protected-table.js'
import { cryptoRandom, type RandomSource } from './random-source.js'
import { type PreparedRelease, prepareRelease, type ReleaseInput } from './release.js'
import type { StatTable } from './table.js'

export interface DisclosureEngineOptions {
  /** A policy object or a policy file's parsed content (merged over the defaults). */
  readonly policy?: DisclosurePolicy | unknown
  /** The linear-programme solver; HiGHS by default, loaded once. */
  readonly solver?: LpSolver
  /** Randomness for noise and one-off keys; the platform's cryptographic generator by default. */
  readonly random?: RandomSource
  /**
   * Secret (≥ 16 bytes), the same for every release, that makes rounding consistent (one count
   * of one group rounds the same way in every table and release) and unreadable outside.
   */
  readonly roundingSecret?: Uint8Array
}

/** The disclosure-control engine: one policy, one solver, used for every table of every release. */
export interface DisclosureEngine {
  readonly policy: DisclosurePolicy
  readonly solver: LpSolver
  protectTable(table: StatTable, options?: Omit<ProtectTableOptions, 'solver'>): ProtectedTable
  /** Several tables at once; those sharing cells are protected as one (link-tables.ts). */
  protectTables(
    tables: readonly TableToProtect[],
    options?: Omit<ProtectTableOptions, 'solver' | 'sensitivity' | 'identities'>,
  ): ProtectedTable[]
  prepareRelease(input: ReleaseInput): PreparedRelease
  checkDifferencing(ledger: DisclosureLedger, release: LedgerRelease): DifferencingResult
  checkConsistency(
    checks: readonly ConsistencyCheck[],
    options?: ConsistencyOptions,
  ): ConsistencyFinding[]
}

/** Creates the engine; the only asynchronous step is loading the solver (once per process). */
export async function createDisclosureEngine(
  options: DisclosureEngineOptions = {},
): Promise<DisclosureEngine> {
  const policy = parsePolicy(options.policy)
  const solver = options.solver ?? (await createHighsSolver())
  const random = options.random ?? cryptoRandom()
  return {
    policy,
    solver,
    protectTable: (table, tableOptions = {}) =>
      protectTable(table, policy, { ...tableOptions, solver }),
    protectTables: (tables, tableOptions = {}) =>
      protectTables(tables, policy, { ...tableOptions, solver }),
    prepareRelease: (input) =>
      prepareRelease(input, {
        policy,
        solver,
        random,
        ...(options.roundingSecret ? { roundingSecret: options.roundingSecret } : {}),
      }),
    checkDifferencing: (ledger, release) => checkDifferencing(ledger, release, policy, solver),
    checkConsistency: (checks, consistencyOptions = {}) =>
      checkConsistency(checks, {
        tolerance: policy.consistency.tolerance,
        basis: {
          daysPerWeek: 7,
          daysPerMonth: policy.consistency.daysPerMonth,
          daysPerYear: policy.consistency.daysPerYear,
        },
        ...consistencyOptions,
      }),
  }
}
