import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { CurrencyCode } from '../money/currency.js'
import { money } from '../money/money.js'
import { accountsFor, DEFAULT_CHART } from './chart.js'
import { FinanceError } from './finance-error.js'
import { checkBalanced, type Posting, reversePostings, trialBalance } from './ledger.js'

const CURRENCIES: readonly CurrencyCode[] = ['JPY', 'CNY', 'USD', 'KWD']
const ACCOUNTS = DEFAULT_CHART.map((a) => a.code)

/** A balanced transaction: random lines in a currency, closed by one line that balances them. */
const balancedTransaction = fc
  .array(
    fc.record({
      currency: fc.constantFrom(...CURRENCIES),
      lines: fc.array(
        fc.record({
          account: fc.constantFrom(...ACCOUNTS),
          minor: fc.integer({ min: -1e12, max: 1e12 }).filter((n) => n !== 0),
        }),
        { minLength: 1, maxLength: 5 },
      ),
      closing: fc.constantFrom(...ACCOUNTS),
    }),
    { minLength: 1, maxLength: 3 },
  )
  .map((groups) =>
    groups.flatMap(({ currency, lines, closing }) => {
      const postings: Posting[] = lines.map((l) => ({
        account: l.account,
        amount: money(currency, l.minor),
      }))
      const sum = lines.reduce((s, l) => s + l.minor, 0)
      if (sum !== 0) postings.push({ account: closing, amount: money(currency, -sum) })
      return postings
    }),
  )
  .filter((postings) => postings.length >= 2)

function trialTotals(postings: readonly Posting[]): Map<string, bigint> {
  const totals = new Map<string, bigint>()
  for (const byCurrency of trialBalance(postings).values())
    for (const [currency, sum] of byCurrency)
      totals.set(currency, (totals.get(currency) ?? 0n) + sum)
  return totals
}

describe('the ledger’s rules', () => {
  it('keep the trial balance at zero per currency for any sequence of accepted transactions', () => {
    fc.assert(
      fc.property(fc.array(balancedTransaction, { maxLength: 20 }), (transactions) => {
        const books: Posting[] = []
        for (const t of transactions) {
          checkBalanced(t)
          books.push(...t)
        }
        for (const total of trialTotals(books).values()) expect(total).toBe(0n)
      }),
    )
  })

  it('refuse any transaction whose lines do not balance in some currency, naming it', () => {
    fc.assert(
      fc.property(
        balancedTransaction,
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 1, max: 1e9 }),
        (postings, at, off) => {
          const i = at % postings.length
          const wrong = postings.map((p, j) =>
            j === i ? { ...p, amount: money(p.amount.currency, p.amount.minor + off) } : p,
          )
          // A line that lands on zero is refused as such; otherwise as unbalanced.
          expect(() => checkBalanced(wrong)).toThrow(FinanceError)
          try {
            checkBalanced(wrong)
          } catch (error) {
            const e = error as FinanceError
            if (e.code === 'unbalanced_transaction')
              expect(e.params.currency).toBe(postings[i]?.amount.currency)
            else expect(e.code).toBe('zero_posting')
          }
        },
      ),
    )
  })

  it('undo a transaction exactly with its reversal', () => {
    fc.assert(
      fc.property(balancedTransaction, (postings) => {
        const both = [...postings, ...reversePostings(postings)]
        for (const byCurrency of trialBalance(both).values())
          for (const sum of byCurrency.values()) expect(sum).toBe(0n)
      }),
    )
  })

  it('say which currency is off and by how much, in its own decimals', () => {
    const postings = [
      { account: '5100', amount: money('CNY', 40000) },
      { account: '1110', amount: money('CNY', -39990) },
      { account: '1100', amount: money('JPY', 6000) },
      { account: '4100', amount: money('JPY', -6000) },
    ]
    expect(() => checkBalanced(postings)).toThrow('Debits and credits in CNY differ by 0.10')
    expect(() => checkBalanced(postings.slice(0, 1))).toThrow(/at least two postings/)
  })

  it('post a purchase in yuan against the yuan held in China, and a donation to donations', () => {
    expect(
      accountsFor(DEFAULT_CHART, {
        direction: 'out',
        currency: 'CNY',
        programme: 'food',
        category: 'purchase',
      }),
    ).toEqual({ debit: '5100', credit: '1110' })
    expect(
      accountsFor(DEFAULT_CHART, {
        direction: 'in',
        currency: 'JPY',
        programme: 'administration',
        category: 'donation',
        heldAt: 'Tokyo',
      }),
    ).toEqual({ debit: '1100', credit: '4100' })
    expect(
      accountsFor(DEFAULT_CHART, {
        direction: 'out',
        currency: 'EUR',
        programme: 'medical',
        category: 'treatment',
      }),
    ).toEqual({ debit: '5400', credit: '1190' })
  })
})
