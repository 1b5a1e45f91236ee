import { expect } from 'vitest'
import type { DisclosurePolicy } from '../policy.js'
import type { ProtectedTable } from '../protected-table.js'
import type { Reader } from './reader.js'

/** The width the policy demands for a true count, computed here from the policy, not the engine. */
export function demandedWidth(
  rule: DisclosurePolicy['rules'][keyof DisclosurePolicy['rules']],
  value: number,
): number {
  return Math.max(
    rule.protection.minWidth ?? rule.threshold,
    Math.ceil(rule.protection.ratio * value),
  )
}

/**
 * Test support: checks one published table against the policy, its true values (which the
 * test knows) and what the reader proves from everything the reader read:
 * - no count in 1…k−1 is printed; a number printed is the truth, a rounded one within its base,
 *   a word true of its count;
 * - every count below k is hidden, and the reader cannot narrow it below the width the policy
 *   demands; a hidden complement is not computable;
 * - the engine's private explanation states exactly the interval the reader proves over whole
 *   numbers (`exact`: false when the reader has read more than this table, e.g. other releases,
 *   and the engine's explanation only covers this one).
 */
export function checkPublished(
  reader: Reader,
  release: string,
  published: ProtectedTable,
  policy: DisclosurePolicy,
  options: { readonly exact?: boolean } = {},
): void {
  const rule = policy.rules[published.sensitivity]
  const k = rule.threshold
  for (const cell of published.cells) {
    const r = cell.rendering
    const truth = cell.explanation.noisyValue ?? cell.explanation.trueValue
    const where = `${published.table.id}: ${cell.key} = ${truth}`
    if (r.kind === 'number' || r.kind === 'rounded')
      expect(r.value === 0 || r.value >= k, where).toBe(true)
    if (r.kind === 'number') expect(r.value, where).toBe(truth)
    if (r.kind === 'rounded') expect(Math.abs(r.value - truth), where).toBeLessThan(r.base)
    if (r.kind === 'word') {
      expect(truth, where).toBeGreaterThanOrEqual(r.band.from)
      expect(r.band.to === null || truth <= r.band.to, where).toBe(true)
    }
    const hidden = r.kind === 'suppressed' || r.kind === 'word'
    const mustHide = (truth > 0 && truth < k) || (truth === 0 && !rule.showZero)
    if (mustHide) expect(hidden, `${where} must be hidden`).toBe(true)
    if (!hidden) continue
    const { whole, real } = reader.cell({ release, table: published.table.id, index: cell.index })
    if (options.exact ?? true) expect(cell.explanation.interval, where).toEqual(whole)
    // Whole numbers never leave a reader more room than real ones.
    expect(whole.lower, where).toBeGreaterThanOrEqual(real.lower)
    expect(whole.upper, where).toBeLessThanOrEqual(real.upper)
    expect(whole.lower, where).toBeLessThanOrEqual(truth)
    expect(whole.upper, where).toBeGreaterThanOrEqual(truth)
    const width = whole.upper - whole.lower
    if (mustHide) expect(width, where).toBeGreaterThanOrEqual(demandedWidth(rule, truth))
    else expect(width, `complement ${where} must not be computable`).toBeGreaterThan(0)
  }
}
