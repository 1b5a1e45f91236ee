import type { ExchangeRate } from '@haven/core/money/exchange-rate'
import {
  type ConsistencyCheck,
  type ConsistencyFinding,
  checkConsistency,
} from './consistency/check-consistency.js'
import { checkDifferencing, type DifferencingResult } from './differencing-guard.js'
import { DisclosureError } from './errors.js'
import type { PublishedFigure } from './figure.js'
import { appendRelease, type DisclosureLedger, EMPTY_LEDGER, type LedgerRelease } from './ledger.js'
import { protectTables } from './link-tables.js'
import type { LpSolver } from './lp/linear-program.js'
import { type DisclosurePolicy, sensitivityOf } from './policy.js'
import { checkPrivacyBudget, type PrivacyBudgetCheck } from './privacy-budget.js'
import type { ProtectedTable } from './protected-table.js'
import type { RandomSource } from './random-source.js'
import { buildReview, type DisclosureReview } from './review.js'
import { roundingKey } from './rounding.js'
import { countsPeople, type Sensitivity } from './sensitivity.js'
import type { StatTable } from './table.js'
import { type TableContext, tableFigures } from './table-figures.js'

export interface ReleaseTableInput {
  readonly table: StatTable
  readonly context: TableContext
  readonly sensitivity?: Sensitivity
  /** The most interior cells one person is counted in (for differential privacy; default 1). */
  readonly contributions?: number
}

export interface ReleaseInput {
  readonly id: string
  readonly title: string
  /** YYYY-MM-DD */
  readonly date: string
  readonly tables: readonly ReleaseTableInput[]
  /** Earlier releases. Without it, differences with earlier reports are not checked (the review says so). */
  readonly ledger?: DisclosureLedger
  /** Figures the narrative states, to check against the records. */
  readonly consistency?: {
    readonly checks: readonly ConsistencyCheck[]
    readonly rates?: readonly ExchangeRate[]
    /** The day whose exchange rates apply (default: the release date). */
    readonly date?: string
  }
}

export interface PreparedRelease {
  readonly id: string
  readonly title: string
  readonly date: string
  readonly tables: readonly ProtectedTable[]
  readonly figures: readonly PublishedFigure[]
  readonly differencing?: DifferencingResult
  readonly budget?: PrivacyBudgetCheck
  readonly consistency: readonly ConsistencyFinding[]
  readonly review: DisclosureReview
  readonly refused: boolean
  /** What the ledger records once the editor approves (see recordRelease). */
  readonly entry: LedgerRelease
}

export interface ReleaseDependencies {
  readonly policy: DisclosurePolicy
  readonly solver: LpSolver
  readonly random: RandomSource
  /** Secret for consistent rounding; without one, a one-off key is drawn (the review says so). */
  readonly roundingSecret?: Uint8Array
}

/**
 * Everything the report compiler needs for one release: each table protected, its figures,
 * the differencing guard against the ledger, the privacy budget, the consistency of the
 * narrative, and the review an editor must approve. Nothing here publishes anything.
 */
export function prepareRelease(input: ReleaseInput, deps: ReleaseDependencies): PreparedRelease {
  const { policy } = deps
  const ids = new Set<string>()
  for (const t of input.tables) {
    if (ids.has(t.table.id))
      throw new DisclosureError(
        'invalid_table',
        `Two tables of release "${input.id}" share the id "${t.table.id}".`,
      )
    ids.add(t.table.id)
  }
  const sensitivities = input.tables.map(
    (t) => t.sensitivity ?? sensitivityOf(policy, t.table.measure),
  )

  // Differential privacy: one ε per release, split across the tables that count people.
  const dp = policy.differentialPrivacy
  const noisyTables = sensitivities.filter(countsPeople).length
  const budget =
    dp && noisyTables > 0 ? checkPrivacyBudget(input.ledger ?? EMPTY_LEDGER, dp) : undefined
  const epsilon = dp && budget?.allowed ? dp.epsilonPerRelease / noisyTables : undefined

  const rounds = sensitivities.some((s) => countsPeople(s) && policy.rules[s].rounding)
  let roundingKeyEphemeral = false
  let key: ReturnType<typeof roundingKey> | undefined
  if (rounds) {
    let secret = deps.roundingSecret
    if (!secret) {
      secret = Uint8Array.from({ length: 32 }, () => deps.random.nextUint32() & 0xff)
      roundingKeyEphemeral = true
    }
    key = roundingKey(secret)
  }

  // Every table at once: tables that share cells are protected as one (link-tables.ts).
  const tables = protectTables(
    input.tables.map((t, i) => ({
      table: t.table,
      context: t.context,
      sensitivity: sensitivities[i] ?? 'people-protected',
      ...(t.contributions === undefined ? {} : { contributions: t.contributions }),
    })),
    policy,
    {
      solver: deps.solver,
      ...(key ? { rounding: key } : {}),
      ...(epsilon !== undefined ? { privacy: { epsilon, random: deps.random } } : {}),
    },
  )
  const figures = tables.flatMap((t, i) => {
    const context = input.tables[i]?.context
    return context ? tableFigures(t, context) : []
  })
  const entry: LedgerRelease = {
    id: input.id,
    title: input.title,
    date: input.date,
    figures,
    ...(epsilon !== undefined && dp ? { epsilon: dp.epsilonPerRelease } : {}),
  }
  const differencing = input.ledger
    ? checkDifferencing(input.ledger, entry, policy, deps.solver)
    : undefined
  const consistency = input.consistency
    ? checkConsistency(input.consistency.checks, {
        rates: input.consistency.rates ?? [],
        date: input.consistency.date ?? input.date,
        tolerance: policy.consistency.tolerance,
        basis: {
          daysPerWeek: 7,
          daysPerMonth: policy.consistency.daysPerMonth,
          daysPerYear: policy.consistency.daysPerYear,
        },
      })
    : []
  const review = buildReview({
    releaseId: input.id,
    title: input.title,
    date: input.date,
    tables,
    ...(differencing ? { differencing } : {}),
    ...(budget ? { budget } : {}),
    consistency,
    roundingKeyEphemeral,
  })
  return {
    id: input.id,
    title: input.title,
    date: input.date,
    tables,
    figures,
    ...(differencing ? { differencing } : {}),
    ...(budget ? { budget } : {}),
    consistency,
    review,
    refused: review.refused,
    entry,
  }
}

/** The ledger with an approved release added. A refused release cannot be recorded. */
export function recordRelease(
  ledger: DisclosureLedger,
  release: PreparedRelease,
): DisclosureLedger {
  if (release.refused)
    throw new DisclosureError(
      'invalid_ledger',
      `Release "${release.id}" was refused; change it and check it again before recording it.`,
    )
  return appendRelease(ledger, release.entry)
}
