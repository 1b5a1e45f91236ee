import type { Bounds } from './bounds.js'
import { type DisclosureRule, minimumWidth } from './policy.js'

/**
 * How far a reader must remain from knowing a hidden count.
 *
 * The rule: the interval a reader can infer for a hidden count (its smallest and largest
 * possible values, given everything published) must be at least
 *   W = max(minWidth, ceil(ratio × value))   with minWidth defaulting to the threshold k.
 * Why k: an interval of width ≥ k starting at 0 or more always reaches k or beyond, so a
 * reader can never conclude that a hidden count is small, let alone which small number it is.
 * The ratio lets a policy protect larger hidden counts proportionally (statistical offices'
 * "protection level"); it is 0 by default because counts of people are protected by k.
 *
 * The chooser aims for a specific interval: `lower` below the value and `upper` above it
 * (W split evenly where the reader's own bounds allow, e.g. a count of 3 cannot be shown to
 * be possibly lower than 0). The audit checks the width alone.
 */
export interface ProtectionRequirement {
  readonly width: number
  /** The interval must reach value − lower … */
  readonly lower: number
  /** … and value + upper. */
  readonly upper: number
}

export function requiredWidth(rule: DisclosureRule, value: number): number {
  return Math.max(minimumWidth(rule), Math.ceil(rule.protection.ratio * value))
}

/** `hiddenBounds`: what a reader knows of the cell anyway (≥ 1 if zeros are shown; a word's band). */
export function protectionFor(
  rule: DisclosureRule,
  value: number,
  hiddenBounds: Bounds,
): ProtectionRequirement {
  const width = requiredWidth(rule, value)
  const room = {
    below: Math.max(0, value - hiddenBounds.lower),
    above: Math.max(0, hiddenBounds.upper - value),
  }
  let lower = Math.min(room.below, Math.floor(width / 2))
  let upper = width - lower
  if (upper > room.above) {
    upper = room.above
    lower = Math.min(room.below, width - upper)
  }
  return { width, lower, upper }
}
