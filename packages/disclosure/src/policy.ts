import { LOCALES, type Locale } from '@haven/core/i18n/locales'
import { z } from 'zod'
import { invalidPolicy } from './errors.js'
import { SENSITIVITIES, type Sensitivity } from './sensitivity.js'
import { type WordBand, wordBandProblems } from './wording.js'

/**
 * The rules for one sensitivity. See the README (section "Disclosure control") for the reasoning behind each.
 * - `threshold` (k): a count below k is never shown as a number (0 disables the rule).
 * - `showZero`: whether a true zero is shown as 0. When it is, zeros are never hidden, so a
 *   reader knows every hidden count is at least 1, and the audit assumes so.
 * - `protection`: how wide the interval a reader can infer for a hidden count must be:
 *   at least `minWidth` (default: k) and at least `ratio` × the count.
 * - `rounding`: publish counts at or above k rounded to `base`, consistently within a release.
 * - `hiddenAs`: a hidden count is shown as "—" with a footnote, or as the word of its band.
 */
export interface DisclosureRule {
  readonly threshold: number
  readonly showZero: boolean
  readonly protection: { readonly minWidth: number | null; readonly ratio: number }
  readonly rounding: { readonly base: number } | null
  readonly hiddenAs: 'dash' | 'words'
  readonly words: readonly WordBand[]
}

export interface DifferentialPrivacyPolicy {
  /** Privacy loss each release may spend on its noisy counts (split across its tables). */
  readonly epsilonPerRelease: number
  /** Total over every release recorded in the ledger; a release that would exceed it is refused. */
  readonly totalEpsilon: number
}

export interface DisclosurePolicy {
  readonly version: 1
  readonly rules: Readonly<Record<Sensitivity, DisclosureRule>>
  /** The sensitivity of each named measure ("resettled": "people-protected"). */
  readonly measures: Readonly<Record<string, Sensitivity>>
  readonly differentialPrivacy: DifferentialPrivacyPolicy | null
  readonly consistency: {
    /** Relative difference above which a stated and a computed figure contradict each other. */
    readonly tolerance: number
    readonly daysPerMonth: number
    readonly daysPerYear: number
  }
}

// Words every band is valid for; labels in every language (see wording.ts for why shared).
// For k = 10 each band spans at least 10; the labels stay true for every count in the band.
const PROTECTED_WORDS: readonly WordBand[] = [
  { from: 1, to: 11, en: 'a small number', ja: '若干名' },
  { from: 12, to: 29, en: 'more than ten', ja: '十名以上' },
  { from: 30, to: 99, en: 'dozens', ja: '数十名' },
  { from: 100, to: null, en: 'over a hundred', ja: '百名以上' },
]

// For k = 5 each band spans at least 5: the seed report's own vocabulary fits.
const SERVED_WORDS: readonly WordBand[] = [
  { from: 1, to: 6, en: 'a few', ja: '数名' },
  { from: 7, to: 12, en: 'several', ja: '十名前後' },
  { from: 13, to: 19, en: 'a number', ja: '十数名' },
  { from: 20, to: 99, en: 'dozens', ja: '数十名' },
  { from: 100, to: null, en: 'over a hundred', ja: '百名以上' },
]

/** The defaults from issue #9: k = 10 for people protected, 5 for people served, no rounding. */
export const DEFAULT_POLICY: DisclosurePolicy = deepFreeze({
  version: 1,
  rules: {
    'people-protected': {
      threshold: 10,
      showZero: true,
      protection: { minWidth: null, ratio: 0 },
      rounding: null,
      hiddenAs: 'dash',
      words: PROTECTED_WORDS,
    },
    'people-served': {
      threshold: 5,
      showZero: true,
      protection: { minWidth: null, ratio: 0 },
      rounding: null,
      hiddenAs: 'dash',
      words: SERVED_WORDS,
    },
    quantity: {
      threshold: 0,
      showZero: true,
      protection: { minWidth: null, ratio: 0 },
      rounding: null,
      hiddenAs: 'dash',
      words: [],
    },
  },
  measures: {},
  differentialPrivacy: null,
  consistency: { tolerance: 0.1, daysPerMonth: 30, daysPerYear: 365 },
})

const labels = Object.fromEntries(LOCALES.map((l) => [l, z.string().trim().min(1)])) as Record<
  Locale,
  z.ZodString
>

const bandSchema = z.strictObject({
  from: z.number().int().min(0),
  to: z.number().int().min(0).nullable(),
  ...labels,
})

const ruleSchema = z.strictObject({
  threshold: z.number().int().min(0).max(1_000_000),
  showZero: z.boolean(),
  protection: z.strictObject({
    minWidth: z.number().min(0).nullable(),
    ratio: z.number().min(0).max(1),
  }),
  rounding: z.strictObject({ base: z.number().int().min(2).max(1000) }).nullable(),
  hiddenAs: z.enum(['dash', 'words']),
  words: z.array(bandSchema).max(50),
})

const policySchema = z.strictObject({
  version: z.literal(1),
  rules: z.strictObject({
    'people-protected': ruleSchema,
    'people-served': ruleSchema,
    quantity: ruleSchema,
  }),
  measures: z.record(z.string().min(1), z.enum(SENSITIVITIES)),
  differentialPrivacy: z
    .strictObject({
      epsilonPerRelease: z.number().positive().max(100),
      totalEpsilon: z.number().positive().max(1000),
    })
    .nullable(),
  consistency: z.strictObject({
    tolerance: z.number().min(0).max(10),
    daysPerMonth: z.number().positive().max(31),
    daysPerYear: z.number().positive().max(366),
  }),
})

/** The width a hidden count must keep: `minWidth`, or k when the policy leaves it unset. */
export function minimumWidth(rule: DisclosureRule): number {
  return rule.protection.minWidth ?? rule.threshold
}

/**
 * Reads a policy file's content: any subset of DEFAULT_POLICY's fields (objects are merged
 * over the defaults, arrays replace them). Throws `invalid_policy` listing every problem,
 * each with its path, so the author can fix them all at once.
 */
export function parsePolicy(input: unknown): DisclosurePolicy {
  if (input === undefined || input === null) return DEFAULT_POLICY
  if (!isPlainObject(input)) throw invalidPolicy(['the policy must be a JSON object'])
  const merged = mergeOver(DEFAULT_POLICY, input)
  const result = policySchema.safeParse(merged, { reportInput: false })
  if (!result.success)
    throw invalidPolicy(
      result.error.issues.map((issue) => `${issue.path.join('.') || '(policy)'}: ${issue.message}`),
    )
  const policy = result.data as DisclosurePolicy
  const problems: string[] = []
  for (const sensitivity of SENSITIVITIES) {
    const rule = policy.rules[sensitivity]
    for (const problem of wordBandProblems(rule.words, {
      threshold: rule.threshold,
      minWidth: minimumWidth(rule),
      showZero: rule.showZero,
      required: rule.hiddenAs === 'words',
    }))
      problems.push(`rules.${sensitivity}.words: ${problem}`)
    if (rule.rounding && sensitivity === 'people-protected')
      problems.push(
        'rules.people-protected.rounding: rounding does not protect small counts of people at risk; leave it null (suppression applies)',
      )
  }
  const dp = policy.differentialPrivacy
  if (dp && dp.epsilonPerRelease > dp.totalEpsilon)
    problems.push('differentialPrivacy: epsilonPerRelease is larger than totalEpsilon')
  if (problems.length > 0) throw invalidPolicy(problems)
  return deepFreeze(policy)
}

/** The rule for a measure: named in the policy, else the caller's sensitivity, else the strictest. */
export function sensitivityOf(
  policy: DisclosurePolicy,
  measure: string,
  fallback?: Sensitivity,
): Sensitivity {
  return policy.measures[measure] ?? fallback ?? 'people-protected'
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function mergeOver(base: unknown, override: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(override)) return override
  const out: Record<string, unknown> = { ...base }
  for (const [key, value] of Object.entries(override))
    out[key] = key in base ? mergeOver(base[key], value) : value
  return out
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const inner of Object.values(value)) deepFreeze(inner)
  }
  return value
}
