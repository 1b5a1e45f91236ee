import type { DisclosureRule } from './policy.js'
import type { CellSystem } from './table.js'

export type PrimaryReason = 'below-threshold' | 'zero'

export interface PrimaryCell {
  readonly index: number
  readonly reason: PrimaryReason
}

/**
 * The threshold rule: every count below k is hidden, margins included (a total of 4 is as
 * telling as a cell of 4). A zero is hidden too when the policy does not show zeros.
 * `values` are the values to be published (after noise, when differential privacy is on).
 */
export function primaryCells(
  table: CellSystem,
  rule: DisclosureRule,
  values: ArrayLike<number>,
): PrimaryCell[] {
  const out: PrimaryCell[] = []
  if (rule.threshold <= 0 && rule.showZero) return out
  for (const cell of table.cells) {
    const value = values[cell.index] ?? cell.value
    if (value === 0) {
      if (!rule.showZero) out.push({ index: cell.index, reason: 'zero' })
    } else if (value < rule.threshold) out.push({ index: cell.index, reason: 'below-threshold' })
  }
  return out
}
