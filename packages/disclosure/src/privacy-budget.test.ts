import { describe, expect, it } from 'vitest'
import { appendRelease, EMPTY_LEDGER } from './ledger.js'
import { checkPrivacyBudget } from './privacy-budget.js'

const spend = (id: string, epsilon: number) => ({
  id,
  title: id,
  date: '2006-01-01',
  figures: [],
  epsilon,
})

describe('privacy budget', () => {
  it('adds up ε exactly across releases and refuses the one that would exceed the total', () => {
    const policy = { epsilonPerRelease: 0.1, totalEpsilon: 0.3 }
    let ledger = EMPTY_LEDGER
    ledger = appendRelease(ledger, spend('a', 0.1))
    ledger = appendRelease(ledger, spend('b', 0.1))
    // 0.1 + 0.1 + 0.1 is exactly 0.3 here (in floating point it is 0.30000000000000004).
    expect(checkPrivacyBudget(ledger, policy)).toMatchObject({
      allowed: true,
      spent: '0.2',
      remaining: '0.1',
    })
    ledger = appendRelease(ledger, spend('c', 0.1))
    expect(checkPrivacyBudget(ledger, policy)).toMatchObject({
      allowed: false,
      spent: '0.3',
      remaining: '0',
    })
  })
})
