import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { roundingKey, roundToBase } from './rounding.js'

const secret = new Uint8Array(32).map((_, i) => i * 7 + 1)

// Property tests run hundreds of cases: give them time on a small, busy machine.
describe('consistent random rounding', { timeout: 60_000 }, () => {
  it('rounds a value the same way every time within a release', () => {
    const key = roundingKey(secret, 'annual-2006')
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.constantFrom(5, 10), (value, base) => {
        const first = roundToBase(value, base, key)
        expect(roundToBase(value, base, roundingKey(secret, 'annual-2006'))).toBe(first)
        expect(first % base).toBe(0)
        expect(Math.abs(first - value)).toBeLessThan(base)
      }),
    )
  })

  it('never publishes a count between 1 and k − 1', () => {
    const key = roundingKey(secret, 'r')
    fc.assert(
      fc.property(fc.integer({ min: 7, max: 200 }), (value) => {
        const rounded = roundToBase(value, 5, key, 7)
        expect(rounded === 0 || rounded >= 7).toBe(true)
      }),
    )
  })

  it('is unbiased: on average a value is published as itself', () => {
    // Over many releases (keys), 12 rounds to 10 or 15, up 2/5 of the time.
    let sum = 0
    const releases = 4000
    for (let r = 0; r < releases; r++)
      sum += roundToBase(12, 5, roundingKey(secret, `release-${r}`))
    expect(sum / releases).toBeCloseTo(12, 0)
  })

  it('depends on the secret: without it a reader cannot tell which way a value went', () => {
    const a = roundingKey(secret, 'r')
    const b = roundingKey(new Uint8Array(32).fill(9), 'r')
    const differs = Array.from({ length: 200 }, (_, v) => v + 1).some(
      (v) => roundToBase(v, 10, a) !== roundToBase(v, 10, b),
    )
    expect(differs).toBe(true)
  })

  it('refuses short secrets and non-counts', () => {
    expect(() => roundingKey(new Uint8Array(8), 'r')).toThrow(/16 random bytes/)
    expect(() => roundToBase(2.5, 5, roundingKey(secret, 'r'))).toThrow(RangeError)
  })
})
