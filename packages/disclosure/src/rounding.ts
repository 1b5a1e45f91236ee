import { hmacSha256, utf8 } from './keyed-hash.js'

/**
 * Decides, for a whole release, which way each value rounds: a number in [0, 1) that depends
 * only on the value (and the release's secret), so the same true value always gets the same
 * published value within the release ("consistent"), whichever table it appears in.
 */
export interface RoundingKey {
  readonly releaseId: string
  draw(value: number): number
}

/**
 * A rounding key from a secret (at least 16 bytes, kept out of the published report) and the
 * release id. If a reader knew the secret they could recompute each draw and narrow a rounded
 * value to the true values consistent with it; without it every value in the rounding range
 * remains possible.
 */
export function roundingKey(secret: Uint8Array, releaseId: string): RoundingKey {
  if (secret.length < 16)
    throw new RangeError('The rounding secret must be at least 16 random bytes.')
  const releaseKey = hmacSha256(secret, utf8(`haven-disclosure-rounding\u0000${releaseId}`))
  return {
    releaseId,
    draw(value) {
      const digest = hmacSha256(releaseKey, utf8(String(value)))
      // 53 random bits → a double in [0, 1).
      const high = ((digest[0] ?? 0) << 13) | ((digest[1] ?? 0) << 5) | ((digest[2] ?? 0) >>> 3)
      const low =
        (((digest[3] ?? 0) << 24) >>> 0) +
        ((digest[4] ?? 0) << 16) +
        ((digest[5] ?? 0) << 8) +
        (digest[6] ?? 0)
      return (high * 2 ** 32 + low) / 2 ** 53
    },
  }
}

/**
 * Unbiased random rounding of a count to a multiple of `base`, made consistent by `key`:
 * v = q·base + r rounds up with probability r / base, so on average it is published as itself.
 * A result below the threshold but above zero is never published (it would be a small count in
 * public): such values round up instead. Values below the threshold are not rounded at all:
 * they are suppressed before rounding is considered.
 */
export function roundToBase(value: number, base: number, key: RoundingKey, threshold = 0): number {
  if (!Number.isInteger(value) || value < 0)
    throw new RangeError(`Only counts are rounded, not ${value}.`)
  const remainder = value % base
  if (remainder === 0) return value
  const down = value - remainder
  const up = down + base
  const rounded = key.draw(value) < remainder / base ? up : down
  return rounded > 0 && rounded < threshold ? up : rounded
}
