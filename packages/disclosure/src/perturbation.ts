import type { Bounds } from './bounds.js'
import type { CellSystem } from './table.js'

/**
 * How far each cell can move in a perturbation of the table (a change that keeps every
 * equation true), and what each unit of movement costs:
 * - free movement stays within what a reader already cannot tell (a hidden cell's bounds,
 *   a rounded value's range);
 * - paid movement goes beyond it, which requires hiding the cell, at `cost` per unit.
 */
export interface CellMobility {
  readonly freeUp: number
  readonly freeDown: number
  readonly paidUp: number
  readonly paidDown: number
  readonly cost: number
}

export interface PerturbationInput {
  readonly table: CellSystem
  readonly values: ArrayLike<number>
  readonly hidden: ReadonlySet<number>
  readonly shown: (index: number) => Bounds
  readonly hiddenBounds: (index: number) => Bounds
  readonly hideable: (index: number) => boolean
  readonly cost: (index: number) => number
}

export function cellMobility(input: PerturbationInput, index: number): CellMobility {
  const v = input.values[index] ?? 0
  const hb = input.hiddenBounds(index)
  if (input.hidden.has(index))
    return { freeUp: hb.upper - v, freeDown: v - hb.lower, paidUp: 0, paidDown: 0, cost: 0 }
  const shown = input.shown(index)
  const hideable = input.hideable(index)
  return {
    freeUp: shown.upper - v,
    freeDown: v - shown.lower,
    paidUp: hideable ? Math.max(0, hb.upper - shown.upper) : 0,
    paidDown: hideable ? Math.max(0, shown.lower - hb.lower) : 0,
    cost: input.cost(index),
  }
}

/**
 * Finds the cheapest set of published cells whose hiding lets `target` move by `amount`
 * (up or down) while every equation of the table still holds.
 */
export interface PerturbationSearch {
  /**
   * `undefined` when no perturbation exists even with every cell hidden. A cost of 0 means the
   * target can already move that far: nothing needs hiding.
   */
  cheapest(
    target: number,
    direction: 'up' | 'down',
    amount: number,
  ): { readonly cost: number; readonly cells: readonly number[] } | undefined
  /**
   * How far `target` could move in `direction` if every cell that may be hidden were hidden:
   * the limit of what suppression can achieve for it (Infinity when unlimited).
   */
  maxMovement(target: number, direction: 'up' | 'down'): number
  /** The cell is now hidden: moving it costs nothing from now on. */
  hide(index: number): void
  close(): void
}
