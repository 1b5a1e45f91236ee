import {
  addRational,
  compareRational,
  formatRational,
  type Rational,
} from '@haven/core/money/decimal'
import { epsilonFraction } from './differential-privacy.js'
import type { DisclosureLedger } from './ledger.js'
import type { DifferentialPrivacyPolicy } from './policy.js'

export interface PrivacyBudgetCheck {
  readonly allowed: boolean
  /** ε already spent by the releases in the ledger. */
  readonly spent: string
  readonly requested: string
  readonly total: string
  readonly remaining: string
}

/**
 * Sequential composition: privacy losses of releases about the same people add up, so the
 * ledger's total plus this release's ε must stay within the policy's total. Sums are exact
 * (0.1 + 0.2 is 0.3 here), so a budget is never refused or granted by a rounding error.
 */
export function checkPrivacyBudget(
  ledger: DisclosureLedger,
  policy: DifferentialPrivacyPolicy,
  epsilon = policy.epsilonPerRelease,
): PrivacyBudgetCheck {
  let spent: Rational = { num: 0n, den: 1n }
  for (const release of ledger.releases)
    if (release.epsilon !== undefined) spent = addRational(spent, epsilonFraction(release.epsilon))
  const requested = epsilonFraction(epsilon)
  const total = epsilonFraction(policy.totalEpsilon)
  const after = addRational(spent, requested)
  const remaining = addRational(total, { num: -spent.num, den: spent.den })
  return {
    allowed: compareRational(after, total) <= 0,
    spent: formatRational(spent, 6),
    requested: formatRational(requested, 6),
    total: formatRational(total, 6),
    remaining: formatRational(remaining, 6),
  }
}
