import type { Bounds } from './bounds.js'
import type { DisclosureRule } from './policy.js'
import type { Sensitivity } from './sensitivity.js'
import type { PerturbationMethod } from './suppression.js'
import type { StatTable } from './table.js'
import type { WordBand } from './wording.js'

/** How a cell appears in public. */
export type PublicRendering =
  | { readonly kind: 'number'; readonly value: number }
  /** `total`: a margin rounded on its own, so its parts may not add up to it. */
  | {
      readonly kind: 'rounded'
      readonly value: number
      readonly base: number
      readonly total: boolean
    }
  | { readonly kind: 'word'; readonly band: WordBand }
  | { readonly kind: 'suppressed' }

/** Why a cell looks the way it does. */
export type AppliedRule =
  | 'shown'
  | 'threshold'
  | 'zero-hidden'
  | 'complementary'
  | 'rounded'
  | 'word'
  | 'noise'

/** For the editor's eyes only: never published. */
export interface CellExplanation {
  readonly trueValue: number
  /** The value after differential-privacy noise, when noise was added. */
  readonly noisyValue?: number
  readonly rules: readonly AppliedRule[]
  /** What a reader can infer about the value from everything in this table. */
  readonly interval: Bounds
  /** The width the interval must keep (primary suppressions only). */
  readonly requiredWidth?: number
}

export interface ProtectedCell {
  readonly index: number
  readonly key: string
  readonly coordinates: readonly (number | null)[]
  readonly level: number
  readonly rendering: PublicRendering
  readonly explanation: CellExplanation
}

export type FootnoteKind = 'suppressed' | 'words' | 'rounded' | 'rounded-totals' | 'noise'

export interface ProtectionStats {
  readonly primaries: number
  readonly complementary: number
  /** Complements the audit proved pointless (a reader could compute them) and so published. */
  readonly released: number
  readonly rounded: number
  readonly worded: number
  readonly passes: number
  readonly searches: number
  /** Linear programmes solved (choice and audit). */
  readonly solves: number
  /** Maximum flows computed by the audit of network tables. */
  readonly flows: number
  readonly method: Exclude<PerturbationMethod, 'auto'> | 'none'
  /** Words were asked for but would have narrowed hidden counts too much: dashes were used. */
  readonly wordsWithdrawn: boolean
}

export interface ProtectedTable {
  readonly table: StatTable
  readonly sensitivity: Sensitivity
  readonly rule: DisclosureRule
  readonly cells: readonly ProtectedCell[]
  readonly footnotes: readonly FootnoteKind[]
  readonly privacy?: { readonly epsilon: number; readonly contributions: number }
  /** The fingerprint of the rounding key, when counts were rounded (see rounding.ts). */
  readonly roundingKey?: string
  /** Ids of the other tables this one was protected together with (shared cells; see link-tables.ts). */
  readonly linkedWith?: readonly string[]
  readonly stats: ProtectionStats
}
