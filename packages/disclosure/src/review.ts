import type { ConsistencyFinding } from './consistency/check-consistency.js'
import type { DifferencingFinding, DifferencingResult } from './differencing-guard.js'
import type { PrivacyBudgetCheck } from './privacy-budget.js'
import type { ProtectedCell, ProtectedTable } from './protected-table.js'

/** A table as the editor reviews it: the public view and every cell the engine changed. */
export interface ReviewedTable {
  readonly protected: ProtectedTable
  /** Cells not shown as their true number: hidden, worded, rounded, noised. */
  readonly altered: readonly ProtectedCell[]
}

/** Why a release must not be published as it is. */
export type ReviewRefusal =
  | { readonly kind: 'differencing'; readonly finding: DifferencingFinding }
  | { readonly kind: 'privacy-budget'; readonly budget: PrivacyBudgetCheck }

/** What stays possible after every rule was applied: for the editor to weigh. */
export type ReviewRisk =
  | { readonly kind: 'outside-knowledge' }
  | { readonly kind: 'combinations-not-checked' }
  | { readonly kind: 'no-ledger' }
  | { readonly kind: 'earlier-release'; readonly finding: DifferencingFinding }
  | {
      readonly kind: 'partially-checked'
      readonly measure: string
      readonly population: string
      readonly atoms: number
    }
  | { readonly kind: 'words-withdrawn'; readonly tableId: string }
  | { readonly kind: 'zeros-shown'; readonly tableId: string }
  | { readonly kind: 'totals-hidden'; readonly tableId: string; readonly count: number }
  | { readonly kind: 'just-protected'; readonly tableId: string; readonly count: number }
  | { readonly kind: 'noise'; readonly tableId: string; readonly epsilon: number }
  | { readonly kind: 'rounding-key-ephemeral' }

/**
 * Everything an editor must see before approving a release, in a form both languages render
 * (render-review.ts). Contains true values: it is itself confidential.
 */
export interface DisclosureReview {
  readonly releaseId: string
  readonly title: string
  readonly date: string
  readonly refused: boolean
  readonly tables: readonly ReviewedTable[]
  readonly refusals: readonly ReviewRefusal[]
  readonly risks: readonly ReviewRisk[]
  readonly consistency: readonly ConsistencyFinding[]
}

export interface ReviewInput {
  readonly releaseId: string
  readonly title: string
  readonly date: string
  readonly tables: readonly ProtectedTable[]
  readonly differencing?: DifferencingResult
  readonly budget?: PrivacyBudgetCheck
  readonly consistency?: readonly ConsistencyFinding[]
  readonly roundingKeyEphemeral?: boolean
}

function altered(cell: ProtectedCell): boolean {
  const r = cell.rendering
  if (r.kind === 'number') return r.value !== cell.explanation.trueValue
  if (r.kind === 'rounded') return r.value !== cell.explanation.trueValue || cell.level > 0
  return true
}

/** Gathers refusals and risks: the engine never publishes; it tells the editor what it did. */
export function buildReview(input: ReviewInput): DisclosureReview {
  const refusals: ReviewRefusal[] = []
  const risks: ReviewRisk[] = [{ kind: 'outside-knowledge' }]
  for (const finding of input.differencing?.refusals ?? [])
    refusals.push({ kind: 'differencing', finding })
  if (input.budget && !input.budget.allowed)
    refusals.push({ kind: 'privacy-budget', budget: input.budget })
  if (input.differencing) {
    risks.push({ kind: 'combinations-not-checked' })
    for (const finding of input.differencing.risks) risks.push({ kind: 'earlier-release', finding })
    for (const group of input.differencing.partiallyChecked)
      risks.push({ kind: 'partially-checked', ...group })
  } else risks.push({ kind: 'no-ledger' })
  if (input.roundingKeyEphemeral) risks.push({ kind: 'rounding-key-ephemeral' })

  const tables = input.tables.map((t) => {
    const id = t.table.id
    const hidden = t.cells.filter(
      (c) => c.rendering.kind === 'suppressed' || c.rendering.kind === 'word',
    )
    if (t.stats.wordsWithdrawn) risks.push({ kind: 'words-withdrawn', tableId: id })
    if (
      t.rule.showZero &&
      t.rule.threshold > 0 &&
      t.cells.some((c) => c.rendering.kind === 'number' && c.rendering.value === 0)
    )
      risks.push({ kind: 'zeros-shown', tableId: id })
    const totals = hidden.filter((c) => c.level > 0).length
    if (totals > 0) risks.push({ kind: 'totals-hidden', tableId: id, count: totals })
    const tight = hidden.filter(
      (c) =>
        c.explanation.requiredWidth !== undefined &&
        c.explanation.interval.upper - c.explanation.interval.lower === c.explanation.requiredWidth,
    ).length
    if (tight > 0) risks.push({ kind: 'just-protected', tableId: id, count: tight })
    if (t.privacy) risks.push({ kind: 'noise', tableId: id, epsilon: t.privacy.epsilon })
    return { protected: t, altered: t.cells.filter(altered) }
  })

  return {
    releaseId: input.releaseId,
    title: input.title,
    date: input.date,
    refused: refusals.length > 0,
    tables,
    refusals,
    risks,
    consistency: input.consistency ?? [],
  }
}
