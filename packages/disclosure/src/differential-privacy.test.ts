import { describe, expect, it } from 'vitest'
import {
  bernoulliExp,
  discreteLaplaceNoise,
  discreteLaplaceVariance,
  epsilonFraction,
  sampleDiscreteLaplace,
} from './differential-privacy.js'
import { cryptoRandom, seededRandom, uniformInt } from './random-source.js'

describe('random sources', () => {
  it('repeat from a seed and differ between seeds', () => {
    const a = seededRandom('release-1')
    const b = seededRandom('release-1')
    const c = seededRandom('release-2')
    const first = Array.from({ length: 5 }, () => a.nextUint32())
    expect(Array.from({ length: 5 }, () => b.nextUint32())).toEqual(first)
    expect(Array.from({ length: 5 }, () => c.nextUint32())).not.toEqual(first)
  })

  it('draw integers uniformly', () => {
    const random = seededRandom(1)
    const counts = [0, 0, 0]
    for (let i = 0; i < 30_000; i++) {
      const x = uniformInt(random, 3)
      counts[x] = (counts[x] ?? 0) + 1
    }
    for (const count of counts) expect(count).toBeGreaterThan(9_000)
    expect(uniformInt(random, 2 ** 40)).toBeLessThan(2 ** 40)
  })

  it('use the platform generator through a hook', () => {
    let calls = 0
    const random = cryptoRandom((array) => {
      calls++
      return array.fill(7)
    })
    expect(random.nextUint32()).toBe(7)
    expect(calls).toBe(1)
    expect(typeof cryptoRandom().nextUint32()).toBe('number')
  })
})

// Property tests run hundreds of cases: give them time on a small, busy machine.
describe('discrete Laplace mechanism', { timeout: 60_000 }, () => {
  it('draws Bernoulli(exp(−γ)) with the right frequency', () => {
    const random = seededRandom('bern')
    for (const [num, den] of [
      [1, 2],
      [1, 1],
      [5, 2],
    ] as const) {
      let hits = 0
      const n = 20_000
      for (let i = 0; i < n; i++) if (bernoulliExp(random, num, den)) hits++
      expect(hits / n).toBeCloseTo(Math.exp(-num / den), 1)
    }
  })

  it('has the distribution P(z) ∝ α^|z| with α = exp(−ε/Δ)', () => {
    const random = seededRandom('laplace')
    const epsilon = 0.5
    const alpha = Math.exp(-epsilon)
    const n = 40_000
    const draws = Array.from({ length: n }, () => discreteLaplaceNoise(random, epsilon, 1))
    const mean = draws.reduce((s, z) => s + z, 0) / n
    const variance = draws.reduce((s, z) => s + z * z, 0) / n - mean ** 2
    const zeros = draws.filter((z) => z === 0).length / n
    expect(mean).toBeCloseTo(0, 0)
    expect(variance / discreteLaplaceVariance(epsilon, 1)).toBeCloseTo(1, 1)
    expect(zeros).toBeCloseTo((1 - alpha) / (1 + alpha), 2)
    expect(draws.filter((z) => z === 3).length / n).toBeCloseTo(
      ((1 - alpha) / (1 + alpha)) * alpha ** 3,
      2,
    )
    expect(draws.filter((z) => z === -3).length / n).toBeCloseTo(
      ((1 - alpha) / (1 + alpha)) * alpha ** 3,
      2,
    )
  })

  it('scales with the sensitivity', () => {
    const random = seededRandom('scale')
    const n = 20_000
    const spread = (sensitivity: number) =>
      Array.from({ length: n }, () =>
        Math.abs(discreteLaplaceNoise(random, 1, sensitivity)),
      ).reduce((a, b) => a + b) / n
    expect(spread(4)).toBeGreaterThan(3 * spread(1))
  })

  it('is reproducible from a seed and exact in ε', () => {
    const draw = () =>
      Array.from({ length: 10 }, (_, i) => sampleDiscreteLaplace(seededRandom(`s${i}`), 1, 3))
    expect(draw()).toEqual(draw())
    expect(epsilonFraction('0.1')).toEqual({ num: 1n, den: 10n })
    expect(() => epsilonFraction(0)).toThrow(/positive/)
  })
})
