/**
 * Exact decimal arithmetic for money: amounts and exchange rates are parsed into fractions of
 * big integers, so converting 1,440,000 yen at 0.0066 never drifts the way binary floats do.
 * Only the final step (back to whole minor units) rounds, once, by a named rule.
 */

/** A fraction `num / den` with `den > 0`, kept in lowest terms. */
export interface Rational {
  readonly num: bigint
  readonly den: bigint
}

/** How a value between two whole minor units is settled. Banks and ISO 4217 examples use half-even. */
export type RoundingMode = 'half-even' | 'half-up' | 'floor' | 'ceil' | 'trunc'

export const ROUNDING_MODES: readonly RoundingMode[] = [
  'half-even',
  'half-up',
  'floor',
  'ceil',
  'trunc',
]

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a
  let y = b < 0n ? -b : b
  while (y !== 0n) [x, y] = [y, x % y]
  return x
}

export function rational(num: bigint, den: bigint = 1n): Rational {
  if (den === 0n) throw new RangeError('A fraction cannot have a zero denominator.')
  const sign = den < 0n ? -1n : 1n
  const divisor = gcd(num, den) || 1n
  return Object.freeze({ num: (sign * num) / divisor, den: (sign * den) / divisor })
}

const DECIMAL = /^([+-])?(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/

/**
 * Parses a plain decimal ("15", "0.0066", "-12.50", "1.44e6") exactly.
 * Returns undefined for anything else (thousands separators are the caller's business).
 */
export function parseDecimal(text: string): Rational | undefined {
  const match = DECIMAL.exec(text.trim())
  if (!match) return undefined
  const [, sign, whole = '0', fraction = '', exponentText] = match
  let num = BigInt(whole + fraction)
  let den = 10n ** BigInt(fraction.length)
  const exponent = exponentText === undefined ? 0 : Number(exponentText)
  if (!Number.isSafeInteger(exponent) || Math.abs(exponent) > 300) return undefined
  if (exponent > 0) num *= 10n ** BigInt(exponent)
  if (exponent < 0) den *= 10n ** BigInt(-exponent)
  return rational(sign === '-' ? -num : num, den)
}

/** The exact value of a finite JavaScript number (every double is a dyadic fraction). */
export function rationalFromNumber(value: number): Rational {
  if (!Number.isFinite(value)) throw new RangeError(`${value} is not a finite number.`)
  if (Number.isInteger(value)) return rational(BigInt(value))
  // Shortest round-trip decimal text is what people typed ("0.1"), not 0.1000000000000000055….
  const parsed = parseDecimal(String(value))
  if (!parsed) throw new RangeError(`${value} cannot be read as a decimal.`)
  return parsed
}

export function multiplyRational(a: Rational, b: Rational): Rational {
  return rational(a.num * b.num, a.den * b.den)
}

export function divideRational(a: Rational, b: Rational): Rational {
  if (b.num === 0n) throw new RangeError('Cannot divide by zero.')
  return rational(a.num * b.den, a.den * b.num)
}

export function addRational(a: Rational, b: Rational): Rational {
  return rational(a.num * b.den + b.num * a.den, a.den * b.den)
}

export function compareRational(a: Rational, b: Rational): -1 | 0 | 1 {
  const left = a.num * b.den
  const right = b.num * a.den
  return left < right ? -1 : left > right ? 1 : 0
}

/** The integer nearest to `value` under `mode`. */
export function roundRational(value: Rational, mode: RoundingMode): bigint {
  const { num, den } = value
  // BigInt division truncates toward zero; floor is the base the other modes adjust.
  const truncated = num / den
  const remainder = num % den
  if (remainder === 0n) return truncated
  const floor = num < 0n ? truncated - 1n : truncated
  const fractionTimesDen = num - floor * den // in (0, den)
  switch (mode) {
    case 'floor':
      return floor
    case 'ceil':
      return floor + 1n
    case 'trunc':
      return truncated
    case 'half-up': {
      // Half away from zero, as people round on paper.
      const twice = 2n * fractionTimesDen
      if (twice > den) return floor + 1n
      if (twice < den) return floor
      return num < 0n ? floor : floor + 1n
    }
    case 'half-even': {
      const twice = 2n * fractionTimesDen
      if (twice > den) return floor + 1n
      if (twice < den) return floor
      return floor % 2n === 0n ? floor : floor + 1n
    }
  }
}

/** An approximation for display and for arithmetic that is allowed to be inexact. */
export function rationalToNumber(value: Rational): number {
  return Number(value.num) / Number(value.den)
}

/**
 * Exact decimal text when the fraction terminates within `maxDigits` decimals, else the value
 * rounded half-even to `maxDigits` places.
 */
export function formatRational(value: Rational, maxDigits = 10): string {
  const scale = 10n ** BigInt(maxDigits)
  const scaled = roundRational(rational(value.num * scale, value.den), 'half-even')
  const negative = scaled < 0n
  const digits = (negative ? -scaled : scaled).toString().padStart(maxDigits + 1, '0')
  const whole = digits.slice(0, digits.length - maxDigits)
  const fraction = digits.slice(digits.length - maxDigits).replace(/0+$/, '')
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`
}
