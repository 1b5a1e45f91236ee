import { parseDecimal, type Rational } from '@haven/core/money/decimal'
import { type RandomSource, uniformInt } from './random-source.js'

/**
 * The discrete Laplace (two-sided geometric) mechanism: a count c is published as c + Z where
 * P(Z = z) ∝ exp(−ε·|z| / Δ). If adding or removing one person changes the true counts by at
 * most Δ in total, the published counts are ε-differentially private: what is published is
 * almost equally likely whether or not any one person is in the data.
 *
 * Sampling follows Canonne, Kamath and Steinke, "The Discrete Gaussian for Differential
 * Privacy" (2020), Algorithms 1–2: exact, with integer arithmetic only. Sampling through
 * floating-point logarithms (the textbook inverse-CDF) leaks through rounding artefacts
 * (Mironov 2012); this does not.
 */

/** A Bernoulli(num/den) draw. */
function bernoulli(random: RandomSource, num: number, den: number): boolean {
  return uniformInt(random, den) < num
}

/** Bernoulli(exp(−num/den)) for num/den ≥ 0, exactly (CKS Algorithm 1). */
export function bernoulliExp(random: RandomSource, num: number, den: number): boolean {
  if (num < 0 || den <= 0) throw new RangeError('bernoulliExp needs num ≥ 0 and den > 0.')
  let n = num
  while (n > den) {
    // exp(−γ) = exp(−1)^⌊γ⌋ · exp(−(γ − ⌊γ⌋))
    if (!bernoulliExp(random, 1, 1)) return false
    n -= den
  }
  let k = 1
  while (bernoulli(random, n, den * k)) k++
  return k % 2 === 1
}

/**
 * One draw of the discrete Laplace distribution with scale t/s (P(z) ∝ exp(−|z|·s/t)), for
 * positive integers s and t (CKS Algorithm 2).
 */
export function sampleDiscreteLaplace(random: RandomSource, s: number, t: number): number {
  if (!Number.isSafeInteger(s) || !Number.isSafeInteger(t) || s <= 0 || t <= 0)
    throw new RangeError('The discrete Laplace scale must be a ratio of positive integers.')
  for (;;) {
    const u = uniformInt(random, t)
    if (!bernoulliExp(random, u, t)) continue
    let v = 0
    while (bernoulliExp(random, 1, 1)) v++
    const x = u + t * v
    const y = Math.floor(x / s)
    const negative = bernoulli(random, 1, 2)
    if (negative && y === 0) continue
    return negative ? -y : y
  }
}

/** ε as an exact fraction, so that budgets add up without floating-point drift. */
export function epsilonFraction(epsilon: number | string): Rational {
  const value = parseDecimal(String(epsilon))
  if (!value || value.num <= 0n)
    throw new RangeError(`ε must be a positive decimal, not ${epsilon}.`)
  return value
}

/**
 * Noise for one count under ε with sensitivity Δ (the most one person can change the counts
 * noised together): scale Δ/ε = (Δ·den)/num for ε = num/den.
 */
export function discreteLaplaceNoise(
  random: RandomSource,
  epsilon: number | string,
  sensitivity: number,
): number {
  if (!Number.isInteger(sensitivity) || sensitivity < 1)
    throw new RangeError('The sensitivity of a count is a whole number of at least 1.')
  const e = epsilonFraction(epsilon)
  return sampleDiscreteLaplace(random, Number(e.num), sensitivity * Number(e.den))
}

/** Variance of the discrete Laplace with parameter α = exp(−ε/Δ): 2α / (1 − α)². */
export function discreteLaplaceVariance(epsilon: number, sensitivity: number): number {
  const alpha = Math.exp(-epsilon / sensitivity)
  return (2 * alpha) / (1 - alpha) ** 2
}
