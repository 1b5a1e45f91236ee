import { hmacSha256, toHex, utf8 } from './keyed-hash.js'

/**
 * Decides which way each count rounds: a number in [0, 1) that depends only on the cell's
 * identity (what it counts), its true value and a secret. So the same count of the same people
 * is published the same way in every table and every release: a reader who collects twenty
 * releases of one table learns nothing the first did not tell them, where keys drawn per
 * release would let them average the roundings back to the true counts.
 */
export interface RoundingKey {
  /**
   * A public name for the secret (the start of a keyed hash; it reveals nothing of the secret):
   * the ledger records it, so the differencing guard can refuse re-rounding a figure that an
   * earlier release rounded under another secret.
   */
  readonly fingerprint: string
  /** `identity`: what the cell counts, e.g. the figure key of its definition. */
  draw(identity: string, value: number): number
}

/**
 * A rounding key from a secret of at least 16 bytes, kept out of the published report and the
 * same for every release (HAVEN_DISCLOSURE_SECRET). If a reader knew the secret they could
 * recompute each draw and narrow a rounded value to the true values consistent with it; without
 * it every value in the rounding range remains possible.
 */
export function roundingKey(secret: Uint8Array): RoundingKey {
  if (secret.length < 16)
    throw new RangeError('The rounding secret must be at least 16 random bytes.')
  const drawKey = hmacSha256(secret, utf8('haven-disclosure-rounding'))
  return {
    fingerprint: toHex(hmacSha256(secret, utf8('haven-disclosure-rounding-fingerprint'))).slice(
      0,
      16,
    ),
    draw(identity, value) {
      const digest = hmacSha256(drawKey, utf8(`${identity}\u0000${value}`))
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
 * Unbiased random rounding of a count to a multiple of `base`, made consistent by `key` for
 * the cell `identity`: v = q·base + r rounds up with probability r / base, so over cells it is
 * published as itself on average. A result below the threshold but above zero is never
 * published (it would be a small count in public): such values round up instead. Values below
 * the threshold are not rounded at all: they are suppressed before rounding is considered.
 */
export function roundToBase(
  value: number,
  base: number,
  key: RoundingKey,
  identity: string,
  threshold = 0,
): number {
  if (!Number.isInteger(value) || value < 0)
    throw new RangeError(`Only counts are rounded, not ${value}.`)
  const remainder = value % base
  if (remainder === 0) return value
  const down = value - remainder
  const up = down + base
  const rounded = key.draw(identity, value) < remainder / base ? up : down
  return rounded > 0 && rounded < threshold ? up : rounded
}
