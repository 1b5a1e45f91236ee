import { foldForSearch } from './search-text.js'

/** Longest query read (characters); the rest is ignored, so a hostile query costs nothing. */
export const SEARCH_QUERY_MAX_LENGTH = 200
export const SEARCH_MAX_TERMS = 8
export const SEARCH_TERM_MAX_LENGTH = 64

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u

export interface SearchQuery {
  /** What the visitor typed, cleaned of control characters and bounded: safe to show back. */
  text: string
  /** Folded terms, each a run of letters, digits and marks: no quotes, wildcards or operators. */
  terms: string[]
  /** True when the visitor typed something but nothing searchable was left. */
  tooShort: boolean
}

/**
 * Turns whatever arrived in `?q=` into search terms. Everything that is not a letter, digit or
 * mark separates terms, so FTS syntax (`"`, `*`, `NEAR`, `:`, `^`), LIKE wildcards (`%`, `_`)
 * and markup (`<script>`) cannot reach the database as anything but the words inside them.
 * Japanese has no spaces: a run like 北朝鮮難民 is one term and matched as a substring.
 * A single Latin letter would match nearly everything and is dropped; a single kanji or kana
 * is a word and is kept.
 */
export function parseSearchQuery(raw: unknown): SearchQuery {
  const input = typeof raw === 'string' ? raw : Array.isArray(raw) ? String(raw[0] ?? '') : ''
  const text = [...input.replace(/[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}]/gu, ' ')]
    .slice(0, SEARCH_QUERY_MAX_LENGTH)
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
  const terms: string[] = []
  for (const run of foldForSearch(text).split(/[^\p{L}\p{N}\p{M}]+/u)) {
    const term = [...run].slice(0, SEARCH_TERM_MAX_LENGTH).join('')
    if (!term) continue
    if ([...term].length < 2 && !CJK.test(term)) continue
    if (!terms.includes(term)) terms.push(term)
    if (terms.length === SEARCH_MAX_TERMS) break
  }
  return { text, terms, tooShort: text.length > 0 && terms.length === 0 }
}

/** Terms the trigram index can answer (three characters or more); shorter ones need a scan. */
export function isTrigramTerm(term: string): boolean {
  return [...term].length >= 3
}
