import type { CurrencyCode } from '../money/currency.js'
import { formatMinorAsDecimal, type Money, money } from '../money/money.js'
import { FinanceError } from './finance-error.js'

/**
 * One line of a transaction: an amount on an account. Debits are positive, credits negative, so
 * a transaction balances when its postings add up to zero in each currency: yuan paid out of the
 * cash held in China balance against yuan spent on food, never against yen.
 */
export interface Posting {
  readonly account: string
  readonly amount: Money
}

/** Each currency's sum of debits minus credits (only the non-zero ones). */
export function imbalance(postings: readonly Posting[]): Map<CurrencyCode, bigint> {
  const sums = new Map<CurrencyCode, bigint>()
  for (const p of postings)
    sums.set(p.amount.currency, (sums.get(p.amount.currency) ?? 0n) + BigInt(p.amount.minor))
  for (const [currency, sum] of sums) if (sum === 0n) sums.delete(currency)
  return sums
}

/**
 * Refuses a transaction that could not stand in the books: fewer than two postings, a posting of
 * nothing, or debits and credits that differ in any currency (the error names the first such
 * currency and by how much, so the person can find the missing line).
 */
export function checkBalanced(postings: readonly Posting[]): void {
  if (postings.length < 2)
    throw new FinanceError(
      'too_few_postings',
      'A transaction needs at least two postings: where the money came from and where it went.',
    )
  const zero = postings.findIndex((p) => p.amount.minor === 0)
  if (zero >= 0)
    throw new FinanceError('zero_posting', `Posting ${zero + 1} moves no money; remove it.`, {
      line: zero + 1,
    })
  const [first] = imbalance(postings)
  if (first) {
    const [currency, difference] = first
    const text = formatMinorAsDecimal(money(currency, Number(difference)))
    throw new FinanceError(
      'unbalanced_transaction',
      `Debits and credits in ${currency} differ by ${text}; each currency must balance.`,
      { currency, difference: text },
    )
  }
}

/** The same postings with debits and credits swapped: what a correction posts to undo them. */
export function reversePostings<P extends Posting>(postings: readonly P[]): P[] {
  return postings.map((p) => ({ ...p, amount: money(p.amount.currency, -p.amount.minor) }))
}

/**
 * The trial balance of any set of balanced transactions: per account and currency, the sum of
 * its postings. Its total in each currency is zero when the books are right.
 */
export function trialBalance(postings: readonly Posting[]): Map<string, Map<CurrencyCode, bigint>> {
  const accounts = new Map<string, Map<CurrencyCode, bigint>>()
  for (const p of postings) {
    const byCurrency = accounts.get(p.account) ?? new Map<CurrencyCode, bigint>()
    byCurrency.set(
      p.amount.currency,
      (byCurrency.get(p.amount.currency) ?? 0n) + BigInt(p.amount.minor),
    )
    accounts.set(p.account, byCurrency)
  }
  return accounts
}
