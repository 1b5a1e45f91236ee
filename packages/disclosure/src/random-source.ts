/**
 * Where the engine's randomness comes from. Noise is only as good as its source: real releases
 * use the platform's cryptographic generator; tests use a seeded one so results repeat.
 * Nothing in the engine calls Math.random.
 */
export interface RandomSource {
  /** A uniformly random 32-bit unsigned integer. */
  nextUint32(): number
}

/** A uniformly random integer in [0, bound), without modulo bias (bound ≤ 2^53). */
export function uniformInt(random: RandomSource, bound: number): number {
  if (!Number.isSafeInteger(bound) || bound <= 0) throw new RangeError(`Bad bound ${bound}.`)
  if (bound <= 2 ** 32) {
    // Reject the top sliver of 2^32 that does not divide evenly into `bound`.
    const limit = 2 ** 32 - (2 ** 32 % bound)
    for (;;) {
      const x = random.nextUint32()
      if (x < limit) return x % bound
    }
  }
  const highBound = Math.ceil(bound / 2 ** 32)
  for (;;) {
    const x = uniformInt(random, highBound) * 2 ** 32 + random.nextUint32()
    if (x < bound) return x
  }
}

/** The platform's cryptographic generator (Web Crypto: browsers and Node 20 alike). */
export function cryptoRandom(
  getRandomValues: (array: Uint32Array) => Uint32Array = (array) =>
    globalThis.crypto.getRandomValues(array),
): RandomSource {
  const buffer = new Uint32Array(256)
  let next = buffer.length
  return {
    nextUint32() {
      if (next >= buffer.length) {
        getRandomValues(buffer)
        next = 0
      }
      return buffer[next++] ?? 0
    },
  }
}

/**
 * A seeded generator (xoshiro128**, seeded by SplitMix32 from a string) for tests and for
 * reproducing a review. Never for a real release: anyone with the seed can remove the noise.
 */
export function seededRandom(seed: string | number): RandomSource {
  let h = 2166136261 >>> 0
  for (const ch of String(seed)) h = Math.imul(h ^ (ch.codePointAt(0) ?? 0), 16777619) >>> 0
  const splitmix = () => {
    h = (h + 0x9e3779b9) >>> 0
    let z = h
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0
    return (z ^ (z >>> 16)) >>> 0
  }
  const s = new Uint32Array([splitmix(), splitmix(), splitmix(), splitmix()])
  const rotl = (x: number, k: number) => (x << k) | (x >>> (32 - k))
  return {
    nextUint32() {
      const result = Math.imul(rotl(Math.imul(s[1] ?? 0, 5), 7), 9) >>> 0
      const t = (s[1] ?? 0) << 9
      s[2] = (s[2] ?? 0) ^ (s[0] ?? 0)
      s[3] = (s[3] ?? 0) ^ (s[1] ?? 0)
      s[1] = (s[1] ?? 0) ^ (s[2] ?? 0)
      s[0] = (s[0] ?? 0) ^ (s[3] ?? 0)
      s[2] = (s[2] ?? 0) ^ t
      s[3] = rotl(s[3] ?? 0, 11)
      return result
    },
  }
}
