import type { Bounds } from './bounds.js'
import { DisclosureError } from './errors.js'
import { auditIntervals, type Knowledge } from './interval-audit.js'
import type { LpSolver } from './lp/linear-program.js'
import { lpPerturbationSearch } from './lp-perturbation.js'
import { networkPerturbationSearch } from './network-perturbation.js'
import type { PerturbationInput, PerturbationSearch } from './perturbation.js'
import type { ProtectionRequirement } from './protection.js'
import type { CellSystem } from './table.js'
import { isNetworkTable } from './table-network.js'

export interface SuppressionProblem {
  readonly table: CellSystem
  /** The values to publish, indexed like the cells. */
  readonly values: ArrayLike<number>
  /** Cells that must be hidden (the threshold rule) and how far each must stay from known. */
  readonly primaries: ReadonlyMap<number, ProtectionRequirement>
  /** What a reader knows of each cell while it is published (exact, or a rounding range). */
  readonly shown: (index: number) => Bounds
  /** What a reader knows of each cell once hidden. */
  readonly hidden: (index: number) => Bounds
  /** Whether a cell may be hidden to protect another (zeros that are always shown may not). */
  readonly hideable: (index: number) => boolean
}

export type PerturbationMethod = 'auto' | 'network' | 'linear-programme'

export interface SuppressionOptions {
  /** `auto`: min-cost flow for one- and two-dimensional tables, a linear programme otherwise. */
  readonly method?: PerturbationMethod
  readonly maxPasses?: number
}

export interface SuppressionPattern {
  readonly hidden: ReadonlySet<number>
  readonly complementary: ReadonlySet<number>
  /** The audited interval of every hidden cell, for the final pattern. */
  readonly intervals: ReadonlyMap<number, Bounds>
  /** Passes of "protect, then audit"; 1 when the first pass protected everything. */
  readonly passes: number
  readonly searches: number
  readonly solves: number
  readonly flows: number
  readonly method: Exclude<PerturbationMethod, 'auto'>
}

/**
 * Cost of hiding a cell to protect another: information lost grows with the cell's value, and
 * margins cost an order of magnitude more per level, because readers use totals most and a
 * hidden total hides a whole row. Per unit of movement (see perturbation.ts).
 */
export function hidingCost(value: number, level: number): number {
  return (1 + value) * 10 ** level
}

/**
 * Chooses complementary suppressions so that every primary cell's interval reaches
 * [value − lower, value + upper] (see protection.ts).
 *
 * For each primary cell and each direction, it asks for the cheapest perturbation of the table
 * that moves the cell that far while keeping every equation true and every cell within what a
 * reader would consider possible; cells that must move beyond what is already uncertain are
 * hidden (smallest cells first, totals last, by `hidingCost`). A free perturbation means the
 * cell is already protected. Primaries are taken smallest first so that later ones can reuse
 * the complements of earlier ones.
 *
 * Then the independent interval audit (a linear programme that sees only the published table)
 * checks every primary; any still too narrow goes through again, until all pass.
 */
export function chooseSuppressions(
  problem: SuppressionProblem,
  solver: LpSolver,
  options: SuppressionOptions = {},
): SuppressionPattern {
  const { table, values, primaries } = problem
  const hidden = new Set<number>(primaries.keys())
  const complementary = new Set<number>()
  const method =
    options.method === 'linear-programme' ||
    (options.method !== 'network' && !isNetworkTable(table))
      ? 'linear-programme'
      : 'network'
  const input: PerturbationInput = {
    table,
    values,
    hidden,
    shown: problem.shown,
    hiddenBounds: problem.hidden,
    hideable: problem.hideable,
    cost: (i) => hidingCost(values[i] ?? 0, table.cells[i]?.level ?? 0),
  }
  const search: PerturbationSearch =
    method === 'network' ? networkPerturbationSearch(input) : lpPerturbationSearch(input, solver)
  let searches = 0
  let solves = 0
  let flows = 0

  const impossible = (target: number) =>
    new DisclosureError(
      'protection_failed',
      `No set of suppressions in table "${table.id}" can protect ${table.cells[target]?.key}: even hiding every other cell leaves it too exposed. Lower the policy's protection width or publish the table at a coarser level.`,
    )

  const cost = (cell: number) => input.cost(cell)

  /**
   * The width may be split between "could be lower" and "could be higher" in several ways;
   * the audit only asks for the width. Candidate splits: the preferred one (see protection.ts),
   * all above, all below. Each is priced by the cells it would newly hide (their hiding cost,
   * counted once) and the cheapest is committed; a free one ends the search at once.
   */
  const bestSplit = (
    target: number,
    requirement: ProtectionRequirement,
  ): readonly number[] | undefined => {
    const splits = [...new Set([requirement.lower, 0, requirement.width])]
    let best: { cells: number[]; price: number } | undefined
    for (const down of splits) {
      const up = requirement.width - down
      const below = down > 0 ? search.cheapest(target, 'down', down) : { cost: 0, cells: [] }
      if (down > 0) searches++
      if (!below) continue
      const above = up > 0 ? search.cheapest(target, 'up', up) : { cost: 0, cells: [] }
      if (up > 0) searches++
      if (!above) continue
      const cells = [...new Set([...below.cells, ...above.cells])].filter((c) => !hidden.has(c))
      const price = cells.reduce((sum, c) => sum + cost(c), 0)
      if (!best || price < best.price) best = { cells, price }
      if (price === 0) break
    }
    return best?.cells
  }

  const hideAll = (cells: readonly number[]) => {
    for (const cell of cells) {
      if (hidden.has(cell)) continue
      hidden.add(cell)
      complementary.add(cell)
      search.hide(cell)
    }
  }

  /** Hides what moving `target` by `amount` needs; false when no perturbation exists. */
  const move = (target: number, direction: 'up' | 'down', amount: number): boolean => {
    if (amount <= 0) return true
    const found = search.cheapest(target, direction, amount)
    searches++
    if (!found) return false
    hideAll(found.cells)
    return true
  }

  // When no candidate split is reachable (a row [1, 1] can never be shown to total less than
  // 2; a word's band caps how high a count can seem), the split shifts to what hiding every
  // cell could achieve on each side.
  const whole = (x: number) => (table.integer ? Math.floor(x + 1e-9) : x)
  const protect = (target: number, requirement: ProtectionRequirement) => {
    const cells = bestSplit(target, requirement)
    if (cells) {
      hideAll(cells)
      return
    }
    let down = requirement.lower
    let up = requirement.upper
    if (!move(target, 'down', down)) {
      down = Math.min(down, whole(search.maxMovement(target, 'down')))
      up = requirement.width - down
      if (!move(target, 'down', down)) throw impossible(target)
    }
    if (!move(target, 'up', up)) {
      up = whole(search.maxMovement(target, 'up'))
      const need = requirement.width - up
      if (need > down) {
        if (need > whole(search.maxMovement(target, 'down')) || !move(target, 'down', need))
          throw impossible(target)
        down = need
      }
      if (!move(target, 'up', up)) throw impossible(target)
    }
  }

  const maxPasses = options.maxPasses ?? 5
  const order = [...primaries.keys()].sort((a, b) => (values[a] ?? 0) - (values[b] ?? 0) || a - b)
  const intervals = new Map<number, Bounds>()
  let pending = order
  let passes = 0
  try {
    while (pending.length > 0) {
      if (passes >= maxPasses)
        throw new DisclosureError(
          'protection_failed',
          `Table "${table.id}": ${pending.length} cells remain exposed after ${maxPasses} passes.`,
        )
      passes++
      // A cell still too exposed after a pass can only be one the real-valued search thought
      // safe while whole numbers leave it less room (tables that are not networks): ask for
      // one more unit of movement per pass until whole numbers have room enough.
      const slack = passes - 1
      for (const target of pending) {
        const requirement = primaries.get(target)
        if (requirement)
          protect(target, {
            width: requirement.width + slack,
            lower: requirement.lower,
            upper: requirement.upper + slack,
          })
      }
      // Every hidden cell is audited after each pass: cells added for later primaries widen
      // earlier intervals, and the reported intervals must be those of the final pattern.
      const knowledge: Knowledge = table.cells.map((c) =>
        hidden.has(c.index) ? problem.hidden(c.index) : problem.shown(c.index),
      )
      const audit = auditIntervals(
        table,
        knowledge,
        [...hidden].sort((a, b) => a - b),
        solver,
      )
      solves += audit.solves
      flows += audit.flows
      intervals.clear()
      for (const [cell, interval] of audit.intervals) intervals.set(cell, interval)
      pending = order.filter((target) => {
        const interval = audit.intervals.get(target)
        const requirement = primaries.get(target)
        if (!interval || !requirement) return false
        return interval.upper - interval.lower < requirement.width
      })
    }
  } finally {
    search.close()
  }
  return { hidden, complementary, intervals, passes, searches, solves, flows, method }
}
