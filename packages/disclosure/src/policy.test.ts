import { describe, expect, it } from 'vitest'
import defaultPolicyFile from '../examples/default-policy.json'
import examplePolicyFile from '../examples/policy.json'
import { DisclosureError } from './errors.js'
import { DEFAULT_POLICY, minimumWidth, parsePolicy, sensitivityOf } from './policy.js'
import { bandFor, bandText } from './wording.js'

function problemsOf(input: unknown): readonly string[] {
  try {
    parsePolicy(input)
  } catch (error) {
    if (error instanceof DisclosureError && error.code === 'invalid_policy') return error.details
    throw error
  }
  return []
}

describe('policy', () => {
  it('defaults to the issue’s rules: k = 10 for people protected, 5 for people served', () => {
    expect(parsePolicy(undefined)).toBe(DEFAULT_POLICY)
    expect(DEFAULT_POLICY.rules['people-protected'].threshold).toBe(10)
    expect(DEFAULT_POLICY.rules['people-served'].threshold).toBe(5)
    expect(minimumWidth(DEFAULT_POLICY.rules['people-protected'])).toBe(10)
    expect(problemsOf({})).toEqual([])
  })

  it('merges a partial policy over the defaults', () => {
    const policy = parsePolicy({
      rules: { 'people-served': { rounding: { base: 10 } } },
      measures: { meals: 'people-served' },
    })
    expect(policy.rules['people-served'].rounding).toEqual({ base: 10 })
    expect(policy.rules['people-served'].threshold).toBe(5)
    expect(sensitivityOf(policy, 'meals')).toBe('people-served')
    expect(sensitivityOf(policy, 'unknown')).toBe('people-protected')
  })

  it('names every problem with its path', () => {
    const problems = problemsOf({
      rules: { 'people-protected': { threshold: -1, hiddenAs: 'stars' } },
      extra: true,
    })
    expect(problems.join('\n')).toMatch(/rules\.people-protected\.threshold/)
    expect(problems.join('\n')).toMatch(/rules\.people-protected\.hiddenAs/)
    expect(problems.join('\n')).toMatch(/extra|unrecognized/i)
  })

  it('refuses a word that pins a count down', () => {
    const problems = problemsOf({
      rules: {
        'people-protected': {
          words: [
            { from: 1, to: 1, en: 'one person', ja: '一名' },
            { from: 2, to: 30, en: 'some', ja: '若干名' },
          ],
        },
      },
    })
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(
      /"one person" \(1–1\) spans 0, narrower than the protection width 10: .* Widen it to 1–11 and start the next word "some" \(2–30\) at 12/,
    )
  })

  it('names the band to widen when minWidth is raised above the words (issue #14)', () => {
    const problems = problemsOf({
      rules: { 'people-protected': { protection: { minWidth: 15, ratio: 0 } } },
    })
    expect(problems).toEqual([
      'rules.people-protected.words: word "a small number" (1–11) spans 10, narrower than protection.minWidth 15: it would pin the count down. Widen it to 1–16 and start the next word "more than ten" (12–29) at 17, or lower the width',
    ])
    // Widened as the message says, the policy is accepted.
    expect(
      problemsOf({
        rules: {
          'people-protected': {
            protection: { minWidth: 15, ratio: 0 },
            words: [
              { from: 1, to: 16, en: 'a small number', ja: '若干名' },
              { from: 17, to: 39, en: 'a few dozen', ja: '数十名' },
              { from: 40, to: null, en: 'dozens or more', ja: '数十名以上' },
            ],
          },
        },
      }),
    ).toEqual([])
  })

  it('refuses overlapping words, whose choice would leak', () => {
    expect(
      problemsOf({
        rules: {
          'people-served': {
            words: [
              { from: 1, to: 12, en: 'a few', ja: '数名' },
              { from: 3, to: 20, en: 'several', ja: '数名' },
            ],
          },
        },
      }).join(),
    ).toMatch(/overlap/)
  })

  it('when words replace hidden counts, demands full coverage from the first hideable count', () => {
    const problems = problemsOf({
      rules: {
        'people-served': {
          hiddenAs: 'words',
          showZero: false,
          words: [
            { from: 1, to: 6, en: 'a few', ja: '数名' },
            { from: 10, to: 20, en: 'a dozen or so', ja: '十数名' },
          ],
        },
      },
    })
    expect(problems.join('\n')).toMatch(/no word covers 7–9/)
    expect(problems.join('\n')).toMatch(/first word must start at 0/)
    expect(problems.join('\n')).toMatch(/last word must be open-ended/)
  })

  it('refuses a band without Japanese text', () => {
    expect(
      problemsOf({
        rules: { 'people-served': { words: [{ from: 1, to: 10, en: 'a few' }] } },
      }).join(),
    ).toMatch(/ja/)
  })

  it('refuses rounding as the protection of people at risk, and an ε budget smaller than one release', () => {
    expect(problemsOf({ rules: { 'people-protected': { rounding: { base: 5 } } } }).join()).toMatch(
      /rounding does not protect/,
    )
    expect(
      problemsOf({ differentialPrivacy: { epsilonPerRelease: 2, totalEpsilon: 1 } }).join(),
    ).toMatch(/epsilonPerRelease/)
  })

  it('default words are valid, cover every count, and are no narrower than k', () => {
    for (const sensitivity of ['people-protected', 'people-served'] as const) {
      const rule = DEFAULT_POLICY.rules[sensitivity]
      expect(problemsOf({ rules: { [sensitivity]: { hiddenAs: 'words' } } })).toEqual([])
      for (let v = 1; v < 400; v++) {
        const band = bandFor(v, rule.words)
        expect(band, `${sensitivity} ${v}`).toBeDefined()
        if (band)
          expect((band.to ?? Number.POSITIVE_INFINITY) - band.from).toBeGreaterThanOrEqual(
            rule.threshold,
          )
      }
    }
  })
})

describe('wording tables', () => {
  // The public word for a hidden count, in each language, under the default bands.
  it.each([
    ['people-served', 2, 'a few', '数名'],
    ['people-served', 4, 'a few', '数名'],
    ['people-served', 9, 'several', '十名前後'],
    ['people-served', 15, 'a number', '十数名'],
    ['people-served', 40, 'dozens', '数十名'],
    ['people-served', 250, 'over a hundred', '百名以上'],
    ['people-protected', 3, 'a small number', '若干名'],
    ['people-protected', 9, 'a small number', '若干名'],
    ['people-protected', 20, 'more than ten', '十名以上'],
    ['people-protected', 45, 'dozens', '数十名'],
    ['people-protected', 120, 'over a hundred', '百名以上'],
  ] as const)('%s %i: “%s” / 「%s」', (sensitivity, value, en, ja) => {
    const band = bandFor(value, DEFAULT_POLICY.rules[sensitivity].words)
    if (!band) throw new Error('no band')
    expect(bandText(band, 'en')).toBe(en)
    expect(bandText(band, 'ja')).toBe(ja)
  })
})

describe('example policies', () => {
  it('examples/default-policy.json is the built-in default, and the example policy is valid', () => {
    expect(parsePolicy(defaultPolicyFile)).toEqual(DEFAULT_POLICY)
    expect(defaultPolicyFile).toEqual(JSON.parse(JSON.stringify(DEFAULT_POLICY)))
    expect(parsePolicy(examplePolicyFile).rules['people-protected'].hiddenAs).toBe('words')
  })
})
