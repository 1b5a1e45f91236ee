import { type Bounds, exactly } from './bounds.js'
import type { Knowledge } from './interval-audit.js'
import type { DisclosureRule } from './policy.js'
import type { CellSystem } from './table.js'
import { bandFor } from './wording.js'

/** How one cell appears in public, as far as what it tells a reader. */
export type CellPublication =
  | { readonly kind: 'exact' }
  | { readonly kind: 'rounded'; readonly value: number; readonly base: number }
  | { readonly kind: 'hidden' }

/**
 * What a reader knows about a hidden cell before doing any arithmetic: counts are at least 0,
 * at least 1 when the policy always shows zeros (so "—" is never a zero), and within the band
 * of the word when hidden counts are published as words.
 */
export function hiddenBounds(rule: DisclosureRule, table: CellSystem, value: number): Bounds {
  if (rule.hiddenAs === 'words') {
    const band = bandFor(value, rule.words)
    if (band) return { lower: band.from, upper: band.to ?? Number.POSITIVE_INFINITY }
  }
  const lower = rule.showZero && table.integer && value > 0 ? 1 : 0
  return { lower, upper: Number.POSITIVE_INFINITY }
}

/**
 * What a reader knows about a rounded value R (base b): the true count rounds to R, so it lies
 * within b − 1 of it; and it is at least k, because counts below k are hidden, not rounded.
 * R = 0 can also be a true zero.
 */
export function roundedBounds(rule: DisclosureRule, rounded: number, base: number): Bounds {
  if (rounded === 0) return { lower: 0, upper: base - 1 }
  return { lower: Math.max(rule.threshold, rounded - base + 1, 0), upper: rounded + base - 1 }
}

export function knowledgeOf(
  table: CellSystem,
  rule: DisclosureRule,
  values: ArrayLike<number>,
  publication: (index: number) => CellPublication,
): Knowledge {
  return table.cells.map((cell) => {
    const value = values[cell.index] ?? cell.value
    const shown = publication(cell.index)
    if (shown.kind === 'exact') return exactly(value)
    if (shown.kind === 'rounded') return roundedBounds(rule, shown.value, shown.base)
    return hiddenBounds(rule, table, value)
  })
}
