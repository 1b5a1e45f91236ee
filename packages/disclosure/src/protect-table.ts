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
  CellExplanation,
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
import { type CellSystem, crossTable, type StatTable } from './table.js'
import { cellIdentities } from './table-figures.js'
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
   * Default: the measure and the cell's categories (cellIdentities in table-figures.ts).
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
 * Tables that share cells with others must be protected together: see protectTables.
 */
export function protectTable(
  table: StatTable,
  policy: DisclosurePolicy,
  options: ProtectTableOptions,
): ProtectedTable {
  const sensitivity = options.sensitivity ?? sensitivityOf(policy, table.measure)
  const counts = countsPeople(sensitivity)
  checkCounts(table, sensitivity)

  // 1. Differential privacy: noise the interior, derive the margins (post-processing is free).
  let working: StatTable = table
  const privacy =
    options.privacy && counts
      ? { ...options.privacy, contributions: options.privacy.contributions ?? 1 }
      : undefined
  if (privacy) {
    if (table.flow)
      throw new DisclosureError(
        'invalid_table',
        `Table "${table.id}" is a flow table: differential privacy cannot keep its identity (start + in − out = end) without changing what each person contributes; publish it without noise or as separate tables.`,
      )
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
  const outcome = protectSystem(working, policy, sensitivity, {
    solver: options.solver,
    // Only rounding needs them, and working them out for every cell of a large table costs.
    identity: lazyIdentities(options.identities ?? (() => cellIdentities(table))),
    privacy: privacy !== undefined,
    ...(options.rounding ? { rounding: options.rounding } : {}),
    ...(options.method ? { method: options.method } : {}),
    ...(privacy ? { trueValues: table.cells.map((c) => c.value) } : {}),
  })
  return assembleTable(table, sensitivity, outcome, (i) => i, options.rounding, {
    ...(privacy
      ? { privacy: { epsilon: privacy.epsilon, contributions: privacy.contributions } }
      : {}),
  })
}

/** Counts of people are whole numbers. */
export function checkCounts(table: StatTable, sensitivity: Sensitivity): void {
  if (countsPeople(sensitivity) && !table.integer)
    throw new DisclosureError(
      'invalid_table',
      `Table "${table.id}" counts people (${sensitivity}) but has fractional values.`,
    )
}

/** Identities by index, worked out on first use when given as a function. */
export function lazyIdentities(
  identities: readonly string[] | (() => readonly string[]),
): (index: number) => string | undefined {
  let known: readonly string[] | undefined
  return (index) => {
    known ??= typeof identities === 'function' ? identities() : identities
    return known[index]
  }
}

/** What protecting a cell system produced, indexed like its cells. */
export interface SystemOutcome {
  readonly rule: DisclosureRule
  readonly renderings: readonly PublicRendering[]
  readonly explanations: readonly CellExplanation[]
  /** Cells the audit proved computable and so published. */
  readonly released: ReadonlySet<number>
  readonly roundingBase: number | undefined
  readonly stats: ProtectionStats
}

export interface SystemOptions {
  readonly solver: LpSolver
  readonly rounding?: RoundingKey
  /** What each cell counts (see ProtectTableOptions.identities). */
  readonly identity: (index: number) => string | undefined
  readonly method?: PerturbationMethod
  /** Whether the values carry differential-privacy noise (for the explanations). */
  readonly privacy: boolean
  /** The true values, when `system` holds noisy ones. */
  readonly trueValues?: ArrayLike<number>
}

/**
 * Applies one sensitivity's rule to a system of cells (a table, or linked tables as one).
 * A word tells a reader the band a count is in, which can leave too little room for any
 * suppression pattern to hide it: the system is then protected with dashes instead, and the
 * review says so.
 */
export function protectSystem(
  system: CellSystem,
  policy: DisclosurePolicy,
  sensitivity: Sensitivity,
  options: SystemOptions,
): SystemOutcome {
  const rule = policy.rules[sensitivity]
  const counts = countsPeople(sensitivity)
  try {
    return protectWithRule(system, rule, sensitivity, counts, options)
  } catch (error) {
    if (
      !(error instanceof DisclosureError && error.code === 'protection_failed') ||
      rule.hiddenAs !== 'words'
    )
      throw error
    const outcome = protectWithRule(
      system,
      { ...rule, hiddenAs: 'dash' },
      sensitivity,
      counts,
      options,
    )
    return { ...outcome, stats: { ...outcome.stats, wordsWithdrawn: true } }
  }
}

/**
 * A table's ProtectedTable from the outcome of its system: `systemIndex` maps each of the
 * table's cells to the system's (the identity for a table protected alone).
 */
export function assembleTable(
  table: StatTable,
  sensitivity: Sensitivity,
  outcome: SystemOutcome,
  systemIndex: (cell: number) => number,
  rounding: RoundingKey | undefined,
  extra: Pick<ProtectedTable, 'privacy' | 'linkedWith'>,
  ownStats = false,
): ProtectedTable {
  const cells: ProtectedCell[] = table.cells.map((cell) => {
    const s = systemIndex(cell.index)
    const rendering = outcome.renderings[s]
    const explanation = outcome.explanations[s]
    if (!rendering || !explanation)
      throw new DisclosureError('protection_failed', `Cell ${cell.key} was not protected.`)
    return {
      index: cell.index,
      key: cell.key,
      coordinates: cell.coordinates,
      level: cell.level,
      rendering,
      explanation,
    }
  })
  const count = (applied: AppliedRule) =>
    cells.filter((c) => c.explanation.rules.includes(applied)).length
  // A table protected with others reports its own cells; how they were chosen is shared.
  const stats: ProtectionStats = ownStats
    ? {
        ...outcome.stats,
        primaries: count('threshold') + count('zero-hidden'),
        complementary: count('complementary'),
        released: table.cells.filter((c) => outcome.released.has(systemIndex(c.index))).length,
        rounded: count('rounded'),
        worded: count('word'),
      }
    : outcome.stats
  const footnotes: FootnoteKind[] = []
  if (cells.some((c) => c.rendering.kind === 'suppressed')) footnotes.push('suppressed')
  if (stats.worded > 0) footnotes.push('words')
  if (outcome.roundingBase !== undefined) footnotes.push('rounded', 'rounded-totals')
  if (extra.privacy) footnotes.push('noise')
  return {
    table,
    sensitivity,
    rule: outcome.rule,
    cells,
    footnotes,
    ...extra,
    ...(rounding && outcome.roundingBase !== undefined
      ? { roundingKey: rounding.fingerprint }
      : {}),
    stats,
  }
}

function protectWithRule(
  system: CellSystem,
  rule: DisclosureRule,
  sensitivity: Sensitivity,
  counts: boolean,
  options: SystemOptions,
): SystemOutcome {
  const values = Float64Array.from(system.cells, (c) => c.value)
  const trueValue = (i: number) => options.trueValues?.[i] ?? values[i] ?? 0

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
      const identity = options.identity(i) ?? `${system.id}|${system.cells[i]?.key}`
      r = roundToBase(v, roundingBase, options.rounding, identity, rule.threshold)
      roundedValue.set(i, r)
    }
    return roundedBounds(rule, r, roundingBase)
  }
  const hidden = (i: number): Bounds => hiddenBounds(rule, system, values[i] ?? 0)
  const hideable = (i: number) => !(rule.showZero && values[i] === 0)

  // 3. Threshold, then complementary suppression checked by the audit.
  const primaries = new Map<number, ProtectionRequirement>()
  const reasons = new Map<number, AppliedRule>()
  for (const p of primaryCells(system, rule, values)) {
    primaries.set(p.index, protectionFor(rule, values[p.index] ?? 0, hidden(p.index)))
    reasons.set(p.index, p.reason === 'zero' ? 'zero-hidden' : 'threshold')
  }
  const pattern =
    primaries.size > 0
      ? chooseSuppressions(
          { table: system, values, primaries, shown, hidden, hideable },
          options.solver,
          options.method ? { method: options.method } : {},
        )
      : undefined
  const hiddenSet = new Set(pattern?.hidden ?? [])
  let intervals = new Map(pattern?.intervals ?? [])

  // 4. A complement a reader can compute exactly protects nothing: publish it. Fixing a value
  // the published data already determine changes no other interval. Where the bounds were
  // rounded to whole numbers that argument needs exact integrality (true for networks), so
  // other systems are audited again.
  const released = new Set<number>()
  for (const cell of pattern?.complementary ?? []) {
    const interval = intervals.get(cell)
    if (interval && widthOf(interval) === 0) {
      hiddenSet.delete(cell)
      intervals.delete(cell)
      released.add(cell)
    }
  }
  let solves = pattern?.solves ?? 0
  let flows = pattern?.flows ?? 0
  if (released.size > 0 && !(isNetworkTable(system) && system.integer)) {
    const knowledge: Knowledge = system.cells.map((c) =>
      hiddenSet.has(c.index) ? hidden(c.index) : shown(c.index),
    )
    const audit = auditIntervals(system, knowledge, [...hiddenSet], options.solver)
    solves += audit.solves
    flows += audit.flows
    intervals = new Map(audit.intervals)
  }

  // 5. Renderings and explanations.
  const words = rule.hiddenAs === 'words'
  let rounded = 0
  let worded = 0
  const renderings: PublicRendering[] = []
  const explanations: CellExplanation[] = []
  for (const cell of system.cells) {
    const i = cell.index
    const value = values[i] ?? 0
    const rules: AppliedRule[] = []
    if (options.privacy) rules.push('noise')
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
    renderings.push(rendering)
    explanations.push({
      trueValue: trueValue(i),
      ...(options.privacy ? { noisyValue: value } : {}),
      rules,
      interval,
      ...(requiredWidth === undefined ? {} : { requiredWidth }),
    })
  }

  // 6. Refuse to return a table that breaks the policy, whatever went wrong above.
  system.cells.forEach((cell, i) => {
    const r = renderings[i]
    if (
      r &&
      (r.kind === 'number' || r.kind === 'rounded') &&
      r.value > 0 &&
      r.value < rule.threshold
    )
      throw new DisclosureError(
        'protection_failed',
        `Cell ${cell.key} would show ${r.value}, below ${rule.threshold}.`,
      )
    const e = explanations[i]
    if (e?.requiredWidth !== undefined && widthOf(e.interval) < e.requiredWidth)
      throw new DisclosureError(
        'protection_failed',
        `Cell ${cell.key} would be known within ${widthOf(e.interval)}, less than ${e.requiredWidth}.`,
      )
  })

  return {
    rule,
    renderings,
    explanations,
    released,
    roundingBase,
    stats: {
      primaries: primaries.size,
      complementary: (pattern?.complementary.size ?? 0) - released.size,
      released: released.size,
      rounded,
      worded,
      passes: pattern?.passes ?? 0,
      searches: pattern?.searches ?? 0,
      solves,
      flows,
      method: pattern?.method ?? 'none',
      wordsWithdrawn: false,
    },
  }
}
