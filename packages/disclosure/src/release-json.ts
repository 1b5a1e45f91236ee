import type { Locale } from '@haven/core/i18n/locales'
import { explainConsistency } from './consistency/explain-consistency.js'
import type { PreparedRelease } from './release.js'
import { describeFinding, renderCell } from './render-review.js'

/** A value JSON holds exactly: what `JSON.parse(JSON.stringify(x))` gives back unchanged. */
export type JsonValue =
  | null
  | boolean
  | number
  | string
  | readonly JsonValue[]
  | { readonly [key: string]: JsonValue }

/**
 * `value` as JSON holds it: an unbounded interval's Infinity becomes null (JSON has no
 * infinity), undefined fields are left out. Anything else JSON cannot hold (a BigInt, a
 * function) is a programming error here, refused loudly rather than half-written.
 */
export function toJsonValue(value: unknown): JsonValue {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value
  if (typeof value === 'number') return Number.isFinite(value) ? value : null
  if (Array.isArray(value)) return value.map(toJsonValue)
  if (typeof value === 'object') {
    const out: Record<string, JsonValue> = {}
    for (const [key, inner] of Object.entries(value))
      if (inner !== undefined) out[key] = toJsonValue(inner)
    return out
  }
  throw new TypeError(`A ${typeof value} cannot be written as JSON.`)
}

/**
 * A prepared release as JSON, for the CLI's `--format json` and for anything that stores or
 * sends a review: every table with each cell's public rendering (and its text in `locale`) and
 * private explanation, the refusals and risks, the consistency findings with their sentences.
 * It contains true values: it is as confidential as the review.
 */
export function releaseJson(prepared: PreparedRelease, locale: Locale): JsonValue {
  const review = prepared.review
  return toJsonValue({
    release: { id: prepared.id, title: prepared.title, date: prepared.date },
    refused: prepared.refused,
    tables: review.tables.map(({ protected: t }) => ({
      id: t.table.id,
      title: t.table.title,
      measure: t.table.measure,
      sensitivity: t.sensitivity,
      linkedWith: t.linkedWith,
      footnotes: t.footnotes,
      stats: t.stats,
      cells: t.cells.map((c) => ({
        key: c.key,
        public: renderCell(c.rendering, locale),
        rendering: c.rendering,
        explanation: c.explanation,
      })),
    })),
    refusals: review.refusals.map((r) => ({
      kind: r.kind === 'differencing' ? r.finding.kind : r.kind,
      text: r.kind === 'differencing' ? describeFinding(r.finding, locale) : undefined,
      detail: r.kind === 'differencing' ? r.finding : r.budget,
    })),
    risks: review.risks.map((r) => r.kind),
    consistency: review.consistency.map((f) => ({ ...f, text: explainConsistency(f, locale) })),
  })
}
