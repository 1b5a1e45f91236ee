import { type Bounds, exactly, widthOf } from './bounds.js'
import { discreteLaplaceNoise } from './differential-privacy.js'
import { DisclosureError } from './errors.js'
import { auditIntervals, type Knowledge } from './interval-audit.js'
import { hiddenBounds, roundedBounds } from './knowledge.js'
import type { LpSolver } from './lp/linear-program.js'
import type { DisclosurePolicy, DisclosureRule } from './policy.js'
import { sensitivityOf } from './policy.js'
import type {
  AppliedRule,
  FootnoteKind,
  ProtectedCell,
  ProtectedTable,
  ProtectionStats,
  PublicRendering,
} from './protected-table.js'
import { type ProtectionRequirement, protectionFor } from './protection.js'
import type { RandomSource } from './random-source.js'
import { type RoundingKey, roundToBase } from './rounding.js'
import { countsPeople, type Sensitivity } from './sensitivity.js'
import { chooseSuppressions, type PerturbationMethod } from './suppression.js'
import { crossTable, type StatTable } from './table.js'
import { isNetworkTable } from './table-network.js'
import { primaryCells } from './threshold.js'
import { bandFor } from './wording.js'

export interface ProtectTableOptions {
  readonly solver: LpSolver
  /** Overrides the policy's sensitivity for the table's measure. */
  readonly sensitivity?: Sensitivity
  /** Required when the rule rounds: one secret, the same for every release (see rounding.ts). */
  readonly rounding?: RoundingKey
  /**
   * What each cell counts, indexed like the cells, so that the same count rounds the same way
   * wherever it is published: prepareRelease passes the figure key of each cell's definition.
   * Default: the measure and the cell's key ("meals|shelter=A|month=*").
   */
  readonly identities?: readonly string[]
  /**
   * Differential privacy for this table: ε to spend and the most cells one person can be
   * counted in (1 when each person appears in one interior cell). Margins are sums of noisy
   * cells, so they cost nothing more.
   */
  readonly privacy?: {
    readonly epsilon: number
    readonly random: RandomSource
    readonly contributions?: number
  }
  readonly method?: PerturbationMethod
}

/**
 * Protects one table: noise (optional), threshold, complementary suppression checked by the
 * interval audit, rounding, words. Returns each cell's public rendering and its private
 * explanation. Throws `protection_failed` rather than return a table that breaks the policy.
 */
export function protectTable(
  table: StatTable,
  policy: DisclosurePolicy,
  options: ProtectTableOptions,
): ProtectedTable {
  const sensitivity = options.sensitivity ?? sensitivityOf(policy, table.measure)
  const counts = countsPeople(sensitivity)
  if (counts && !table.integer)
    throw new DisclosureError(
      'invalid_table',
      `Table "${table.id}" counts people (${sensitivity}) but has fractional values.`,
    )

  // 1. Differential privacy: noise the interior, derive the margins (post-processing is free).
  let working: StatTable = table
  const privacy =
    options.privacy && counts
      ? { ...options.privacy, contributions: options.privacy.contributions ?? 1 }
      : undefined
  if (privacy) {
    const noisy = new Map<number, number>()
    for (const cell of table.cells)
      if (cell.level === 0)
        noisy.set(
          cell.index,
          Math.max(
            0,
            cell.value +
              discreteLaplaceNoise(privacy.random, privacy.epsilon, privacy.contributions),
          ),
        )
    const indexOf = new Map(table.cells.map((c) => [c.coordinates.join(','), c.index]))
    working = crossTable({
      id: table.id,
      title: table.title,
      measure: table.measure,
      integer: true,
      dimensions: table.dimensions,
      interior: (coordinates) => noisy.get(indexOf.get(coordinates.join(',')) ?? -1) ?? 0,
    })
  }
  const values = Float64Array.from(working.cells, (c) => c.value)
  const attempt = (rule: DisclosureRule) =>
    protectWithRule(table, working, values, rule, sensitivity, counts, options)
  let outcome: Attempt
  let wordsWithdrawn = false
  try {
    outcome = attempt(policy.rules[sensitivity])
  } catch (error) {
    // A word tells a reader the band a count is in, which can leave too little room for any
    // suppression pattern to hide it. The table is then published with dashes instead, and
    // the review says so.
    if (
      !(error instanceof DisclosureError && error.code === 'protection_failed') ||
      policy.rules[sensitivity].hiddenAs !== 'words'
    )
      throw error
    outcome = attempt({ ...policy.rules[sensitivity], hiddenAs: 'dash' })
    wordsWithdrawn = true
  }
  const { rule, cells, stats, roundingBase } = outcome
  const footnotes: FootnoteKind[] = []
  if (cells.some((c) => c.rendering.kind === 'suppressed')) footnotes.push('suppressed')
  if (stats.worded > 0) footnotes.push('words')
  if (roundingBase !== undefined) footnotes.push('rounded', 'rounded-totals')
  if (privacy) footnotes.push('noise')
  return {
    table,
    sensitivity,
    rule,
    cells,
    footnotes,
    ...(privacy
      ? { privacy: { epsilon: privacy.epsilon, contributions: privacy.contributions } }
      : {}),
    ...(options.rounding && roundingBase !== undefined
      ? { roundingKey: options.rounding.fingerprint }
      : {}),
    stats: { ...stats, wordsWithdrawn },
  }
}

interface Attempt {
  readonly rule: DisclosureRule
  readonly cells: ProtectedCell[]
  readonly roundingBase: number | undefined
  readonly stats: Omit<ProtectionStats, 'wordsWithdrawn'>
}

function protectWithRule(
  table: StatTable,
  working: StatTable,
  values: Float64Array,
  rule: DisclosureRule,
  sensitivity: Sensitivity,
  counts: boolean,
  options: ProtectTableOptions,
): Attempt {
  const privacy = options.privacy && counts

  // 2. What publishing each cell tells a reader, before any arithmetic.
  const roundingBase = rule.rounding && counts ? rule.rounding.base : undefined
  if (roundingBase !== undefined && !options.rounding)
    throw new DisclosureError(
      'invalid_table',
      `The policy rounds ${sensitivity} counts: give a rounding key (roundingKey(secret)).`,
    )
  const roundedValue = new Map<number, number>()
  const shown = (i: number): Bounds => {
    const v = values[i] ?? 0
    if (roundingBase === undefined || !options.rounding) return exactly(v)
    let r = roundedValue.get(i)
    if (r === undefined) {
      const identity = options.identities?.[i] ?? `${table.measure}|${table.cells[i]?.key}`
      r = roundToBase(v, roundingBase, options.rounding, identity, rule.threshold)
      roundedValue.set(i, r)
    }
    return roundedBounds(rule, r, roundingBase)
  }
  const hidden = (i: number): Bounds => hiddenBounds(rule, working, values[i] ?? 0)
  const hideable = (i: number) => !(rule.showZero && values[i] === 0)

  // 3. Threshold, then complementary suppression checked by the audit.
  const primaries = new Map<number, ProtectionRequirement>()
  const reasons = new Map<number, AppliedRule>()
  for (const p of primaryCells(working, rule, values)) {
    primaries.set(p.index, protectionFor(rule, values[p.index] ?? 0, hidden(p.index)))
    reasons.set(p.index, p.reason === 'zero' ? 'zero-hidden' : 'threshold')
  }
  const pattern =
    primaries.size > 0
      ? chooseSuppressions(
          { table: working, values, primaries, shown, hidden, hideable },
          options.solver,
          options.method ? { method: options.method } : {},
        )
      : undefined
  const hiddenSet = new Set(pattern?.hidden ?? [])
  let intervals = new Map(pattern?.intervals ?? [])

  // 4. A complement a reader can compute exactly protects nothing: publish it. Fixing a value
  // the published data already determine changes no other interval. Where the programme's
  // bounds were rounded to whole numbers that argument needs exact integrality (true for
  // tables of one or two dimensions), so other tables are audited again.
  let released = 0
  for (const cell of pattern?.complementary ?? []) {
    const interval = intervals.get(cell)
    if (interval && widthOf(interval) === 0) {
      hiddenSet.delete(cell)
      intervals.delete(cell)
      released++
    }
  }
  let solves = pattern?.solves ?? 0
  let flows = pattern?.flows ?? 0
  if (released > 0 && !(isNetworkTable(working) && working.integer)) {
    const knowledge: Knowledge = working.cells.map((c) =>
      hiddenSet.has(c.index) ? hidden(c.index) : shown(c.index),
    )
    const audit = auditIntervals(working, knowledge, [...hiddenSet], options.solver)
    solves += audit.solves
    flows += audit.flows
    intervals = new Map(audit.intervals)
  }

  // 5. Renderings and explanations.
  const words = rule.hiddenAs === 'words'
  let rounded = 0
  let worded = 0
  const cells: ProtectedCell[] = working.cells.map((cell) => {
    const i = cell.index
    const trueValue = table.cells[i]?.value ?? 0
    const value = values[i] ?? 0
    const rules: AppliedRule[] = []
    if (privacy) rules.push('noise')
    let rendering: PublicRendering
    let interval: Bounds
    let requiredWidth: number | undefined
    if (hiddenSet.has(i)) {
      rules.push(reasons.get(i) ?? 'complementary')
      const band = words ? bandFor(value, rule.words) : undefined
      if (band) {
        rules.push('word')
        worded++
      }
      rendering = band ? { kind: 'word', band } : { kind: 'suppressed' }
      interval = intervals.get(i) ?? hidden(i)
      requiredWidth = primaries.get(i)?.width
    } else if (roundingBase !== undefined) {
      shown(i)
      const r = roundedValue.get(i) ?? value
      rules.push(r === value ? 'shown' : 'rounded')
      if (r !== value) rounded++
      rendering = { kind: 'rounded', value: r, base: roundingBase, total: cell.level > 0 }
      interval = roundedBounds(rule, r, roundingBase)
    } else {
      rules.push('shown')
      rendering = { kind: 'number', value }
      interval = exactly(value)
    }
    return {
      index: i,
      key: cell.key,
      coordinates: cell.coordinates,
      level: cell.level,
      rendering,
      explanation: {
        trueValue,
        ...(privacy ? { noisyValue: value } : {}),
        rules,
        interval,
        ...(requiredWidth === undefined ? {} : { requiredWidth }),
      },
    }
  })

  // 6. Refuse to return a table that breaks the policy, whatever went wrong above.
  for (const cell of cells) {
    const r = cell.rendering
    if ((r.kind === 'number' || r.kind === 'rounded') && r.value > 0 && r.value < rule.threshold)
      throw new DisclosureError(
        'protection_failed',
        `Cell ${cell.key} would show ${r.value}, below ${rule.threshold}.`,
      )
    const required = cell.explanation.requiredWidth
    if (required !== undefined && widthOf(cell.explanation.interval) < required)
      throw new DisclosureError(
        'protection_failed',
        `Cell ${cell.key} would be known within ${widthOf(cell.explanation.interval)}, less than ${required}.`,
      )
  }

  return {
    rule,
    cells,
    roundingBase,
    stats: {
      primaries: primaries.size,
      complementary: (pattern?.complementary.size ?? 0) - released,
      released,
      rounded,
      worded,
      passes: pattern?.passes ?? 0,
      searches: pattern?.searches ?? 0,
      solves,
      flows,
      method: pattern?.method ?? 'none',
    },
  }
}
