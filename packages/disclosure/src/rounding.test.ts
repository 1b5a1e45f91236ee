import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { toHex } from './keyed-hash.js'
import { roundingKey, roundToBase } from './rounding.js'

const secret = new Uint8Array(32).map((_, i) => i * 7 + 1)

// Property tests run hundreds of cases: give them time on a small, busy machine.
describe('consistent random rounding', { timeout: 60_000 }, () => {
  it('rounds one count of one cell the same way every time, in every release', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.constantFrom(5, 10),
        fc.string(),
        (value, base, identity) => {
          // A key made again from the same secret (another run, another release) agrees.
          const first = roundToBase(value, base, roundingKey(secret), identity)
          expect(roundToBase(value, base, roundingKey(secret), identity)).toBe(first)
          expect(first % base).toBe(0)
          expect(Math.abs(first - value)).toBeLessThan(base)
        },
      ),
    )
  })

  it('never publishes a count between 1 and k − 1', () => {
    const key = roundingKey(secret)
    fc.assert(
      fc.property(fc.integer({ min: 7, max: 200 }), fc.string(), (value, identity) => {
        const rounded = roundToBase(value, 5, key, identity, 7)
        expect(rounded === 0 || rounded >= 7).toBe(true)
      }),
    )
  })

  it('is unbiased across cells: on average a value is published as itself', () => {
    // Over many cells holding 12, it rounds to 10 or 15, up 2/5 of the time.
    const key = roundingKey(secret)
    let sum = 0
    const cells = 4000
    for (let c = 0; c < cells; c++) sum += roundToBase(12, 5, key, `meals|shelter=S${c}`)
    expect(sum / cells).toBeCloseTo(12, 0)
  })

  it('depends on the cell, the value and the secret, so a reader cannot tell which way it went', () => {
    const a = roundingKey(secret)
    const b = roundingKey(new Uint8Array(32).fill(9))
    const values = Array.from({ length: 200 }, (_, v) => v + 1)
    expect(values.some((v) => roundToBase(v, 10, a, 'x') !== roundToBase(v, 10, b, 'x'))).toBe(true)
    expect(values.some((v) => roundToBase(v, 10, a, 'x') !== roundToBase(v, 10, a, 'y'))).toBe(true)
  })

  it('names its secret by a fingerprint that does not reveal it', () => {
    const a = roundingKey(secret)
    expect(a.fingerprint).toMatch(/^[0-9a-f]{16}$/)
    expect(roundingKey(secret).fingerprint).toBe(a.fingerprint)
    expect(roundingKey(new Uint8Array(32).fill(9)).fingerprint).not.toBe(a.fingerprint)
    expect(toHex(secret)).not.toContain(a.fingerprint)
  })

  it('refuses short secrets and non-counts', () => {
    expect(() => roundingKey(new Uint8Array(8))).toThrow(/16 random bytes/)
    expect(() => roundToBase(2.5, 5, roundingKey(secret), 'x')).toThrow(RangeError)
  })
})
