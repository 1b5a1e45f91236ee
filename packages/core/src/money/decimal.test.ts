import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  addRational,
  compareRational,
  formatRational,
  parseDecimal,
  rational,
  rationalFromNumber,
  roundRational,
} from './decimal.js'

describe('parseDecimal', () => {
  it.each([
    ['15', 15n, 1n],
    ['0.0066', 33n, 5000n],
    ['-12.50', -25n, 2n],
    ['1.44e6', 1440000n, 1n],
    ['5E-1', 1n, 2n],
    ['007', 7n, 1n],
  ])('%s is %i/%i exactly', (text, num, den) => {
    expect(parseDecimal(text)).toEqual({ num, den })
  })

  it.each(['', '1,000', '12.', '.5', 'ten', '1e', '--1', 'NaN', 'Infinity'])(
    'refuses %j',
    (text) => {
      expect(parseDecimal(text)).toBeUndefined()
    },
  )
})

describe('roundRational', () => {
  it.each([
    ['2.5', 'half-even', 2n],
    ['3.5', 'half-even', 4n],
    ['-2.5', 'half-even', -2n],
    ['2.5', 'half-up', 3n],
    ['-2.5', 'half-up', -3n],
    ['2.4', 'half-up', 2n],
    ['-2.1', 'floor', -3n],
    ['-2.9', 'ceil', -2n],
    ['-2.9', 'trunc', -2n],
    ['2.0001', 'ceil', 3n],
    ['7', 'floor', 7n],
  ] as const)('%s %s → %i', (text, mode, expected) => {
    const value = parseDecimal(text)
    if (!value) throw new Error(text)
    expect(roundRational(value, mode)).toBe(expected)
  })

  it('every mode lands on one of the two neighbouring integers', () => {
    fc.assert(
      fc.property(fc.bigInt(-(10n ** 12n), 10n ** 12n), fc.bigInt(1n, 10n ** 6n), (num, den) => {
        const value = rational(num, den)
        for (const mode of ['half-even', 'half-up', 'floor', 'ceil', 'trunc'] as const) {
          const r = roundRational(value, mode)
          expect(compareRational(rational(r - 1n), value)).toBe(-1)
          expect(compareRational(rational(r + 1n), value)).toBe(1)
        }
      }),
    )
  })
})

describe('rational helpers', () => {
  it('keeps fractions in lowest terms with a positive denominator', () => {
    expect(rational(6n, -4n)).toEqual({ num: -3n, den: 2n })
    expect(addRational(rational(1n, 3n), rational(1n, 6n))).toEqual({ num: 1n, den: 2n })
  })

  it('reads a float as the decimal a person typed', () => {
    expect(rationalFromNumber(0.1)).toEqual({ num: 1n, den: 10n })
    expect(rationalFromNumber(-3)).toEqual({ num: -3n, den: 1n })
  })

  it('formats terminating fractions exactly and others to the digits asked', () => {
    expect(formatRational(rational(33n, 5000n))).toBe('0.0066')
    expect(formatRational(rational(1n, 3n), 4)).toBe('0.3333')
    expect(formatRational(rational(-5n, 2n))).toBe('-2.5')
    expect(formatRational(rational(12n))).toBe('12')
  })
})
