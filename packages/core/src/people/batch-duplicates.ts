import { indexTerms, queryTerms } from '../privacy/name-normalize.js'

/** A registration as the duplicate check sees it: its names (any script) and birth year. */
export interface DuplicateCandidate {
  names: readonly string[]
  birthYear: number | null
}

/** The whole-name terms a registration would be indexed under (no prefixes: a shared first character is no duplicate). */
const indexedWhole = (c: DuplicateCandidate) =>
  new Set(
    c.names.flatMap((n) =>
      indexTerms(n)
        .filter((t) => t.kind !== 'prefix')
        .map((t) => t.term),
    ),
  )

/** The whole-name terms a registration is looked up under. */
const lookedUp = (c: DuplicateCandidate) =>
  c.names.flatMap((n) => queryTerms(n).filter((t) => !t.startsWith('p:')))

/**
 * For each registration of a batch, the earlier one in the same batch it is likely the same
 * person as, or null: the rule the server's duplicate check applies against people registered
 * already — a whole name (any script) matches, and the birth year too when the later one has
 * one. Two phones' (or one phone's twice-typed) registrations of one person in a single push
 * thus meet each other as they would meet a registered person.
 */
export function earlierLikelyDuplicates(batch: readonly DuplicateCandidate[]): (number | null)[] {
  const indexed = batch.map(indexedWhole)
  return batch.map((later, j) => {
    const terms = lookedUp(later)
    if (terms.length === 0) return null
    for (let i = 0; i < j; i++) {
      const earlier = batch[i]
      if (!earlier || !terms.some((t) => indexed[i]?.has(t))) continue
      if (later.birthYear === null || earlier.birthYear === later.birthYear) return i
    }
    return null
  })
}
