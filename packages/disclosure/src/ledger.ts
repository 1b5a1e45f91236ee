import { z } from 'zod'
import { DisclosureError } from './errors.js'
import { normalizeDefinition, type PublishedFigure } from './figure.js'
import { SENSITIVITIES } from './sensitivity.js'

/** One published release: every figure it made public, and the privacy loss it spent. */
export interface LedgerRelease {
  readonly id: string
  readonly title: string
  /** YYYY-MM-DD */
  readonly date: string
  readonly figures: readonly PublishedFigure[]
  /** ε spent on noisy counts, when differential privacy was used. */
  readonly epsilon?: number
}

/**
 * Every figure the organisation ever published, release by release. Kept private: it says
 * which published cells were hidden and why. The differencing guard reads it; a release is
 * recorded only once it has passed.
 */
export interface DisclosureLedger {
  readonly version: 1
  readonly releases: readonly LedgerRelease[]
}

export const EMPTY_LEDGER: DisclosureLedger = Object.freeze({ version: 1, releases: [] })

const filterSchema = z.union([
  z.strictObject({ in: z.array(z.string()).min(1) }),
  z.strictObject({ notIn: z.array(z.string()) }),
])

const figureSchema = z.strictObject({
  id: z.string().min(1),
  label: z.string(),
  definition: z.strictObject({
    measure: z.string().min(1),
    population: z.string().min(1),
    filters: z.record(z.string(), filterSchema),
    period: z.strictObject({ from: z.string(), to: z.string() }),
    cumulative: z.boolean().optional(),
  }),
  // Ledgers written before figures recorded their sensitivity: the guard cannot know which was
  // used, so it assumes the strictest.
  sensitivity: z.enum(SENSITIVITIES).default('people-protected'),
  published: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('exact'), value: z.number().min(0) }),
    z.strictObject({
      kind: z.literal('range'),
      lower: z.number().min(0),
      upper: z.number().nullable(),
      protection: z.number().min(0).optional(),
      rounding: z
        .strictObject({ base: z.number().int().min(2), key: z.string().min(1) })
        .optional(),
    }),
    z.strictObject({
      kind: z.literal('hidden'),
      atLeast: z.number().min(0),
      protection: z.number().min(0),
    }),
  ]),
})

const releaseSchema = z.strictObject({
  id: z.string().min(1),
  title: z.string(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  figures: z.array(figureSchema),
  epsilon: z.number().positive().optional(),
})

const ledgerSchema = z.strictObject({ version: z.literal(1), releases: z.array(releaseSchema) })

/** Reads a ledger file's content; throws `invalid_ledger` naming every problem. */
export function parseLedger(input: unknown): DisclosureLedger {
  const result = ledgerSchema.safeParse(input, { reportInput: false })
  if (!result.success) {
    const problems = result.error.issues.map(
      (i) => `${i.path.join('.') || '(ledger)'}: ${i.message}`,
    )
    throw new DisclosureError(
      'invalid_ledger',
      `The ledger is not valid: ${problems.join('; ')}.`,
      problems,
    )
  }
  const ledger = result.data as DisclosureLedger
  const ids = new Set<string>()
  for (const release of ledger.releases) {
    if (ids.has(release.id))
      throw new DisclosureError(
        'invalid_ledger',
        `The ledger records release "${release.id}" twice.`,
      )
    ids.add(release.id)
    checkRelease(release)
  }
  return ledger
}

function checkRelease(release: LedgerRelease): void {
  const ids = new Set<string>()
  for (const figure of release.figures) {
    if (ids.has(figure.id))
      throw new DisclosureError(
        'invalid_ledger',
        `Release "${release.id}" lists figure "${figure.id}" twice.`,
      )
    ids.add(figure.id)
    normalizeDefinition(figure.definition)
  }
}

/** A new ledger with `release` added; refuses a release id already recorded. */
export function appendRelease(ledger: DisclosureLedger, release: LedgerRelease): DisclosureLedger {
  if (ledger.releases.some((r) => r.id === release.id))
    throw new DisclosureError(
      'invalid_ledger',
      `Release "${release.id}" is already in the ledger; give a new release a new id.`,
    )
  checkRelease(release)
  return { version: 1, releases: [...ledger.releases, release] }
}
