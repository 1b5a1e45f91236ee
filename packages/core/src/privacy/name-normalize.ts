/**
 * Folds a name so that the ways people type the same name compare equal: Unicode NFKC (full-width
 * Latin and half-width kana become their usual forms), case folding, katakana → hiragana, and no
 * spaces, punctuation or symbols. Hangul and Hanzi pass through unchanged.
 */
export function normalizeName(value: string): string {
  return katakanaToHiragana(value.normalize('NFKC').toLowerCase()).replace(
    /[\p{P}\p{S}\p{Z}\s]+/gu,
    '',
  )
}

/**
 * The name's parts, each normalised: the words between spaces (so the given name "Yong-hun" is a
 * part) and the pieces between hyphens, dots and other punctuation (so is "hun").
 */
export function nameTokens(value: string): string[] {
  const words = value.normalize('NFKC').split(/[\p{Z}\s,、，]+/u)
  const pieces = words.flatMap((w) => w.split(/[\p{P}\p{S}]+/u))
  return [...new Set([...words, ...pieces].map(normalizeName).filter((t) => t.length > 0))]
}

function katakanaToHiragana(value: string): string {
  // ァ (U+30A1) … ヶ (U+30F6) map 0x60 down to ぁ … ゖ; the long-vowel mark and others stay.
  return value.replace(/[\u30a1-\u30f6]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0x60))
}

/** How many leading characters of a name part are indexed for prefix search. */
export const INDEXED_PREFIX_LENGTHS = [1, 2, 3] as const
const MAX_PREFIX = 3

/**
 * The terms a name is indexed under: the whole normalised name, each part, and the first one to
 * three characters of the whole name and of each part (so "金" finds 金永勲 and "kim" finds Kim Yong-hun). Counted in
 * code points, so a Hangul or Hanzi character counts as one.
 */
export function indexTerms(value: string): { kind: 'full' | 'token' | 'prefix'; term: string }[] {
  const terms = new Map<string, 'full' | 'token' | 'prefix'>()
  const full = normalizeName(value)
  if (full) terms.set(`f:${full}`, 'full')
  for (const token of [full, ...nameTokens(value)]) {
    if (!token) continue
    if (token !== full) terms.set(`t:${token}`, 'token')
    const chars = [...token]
    for (const n of INDEXED_PREFIX_LENGTHS)
      if (chars.length > n) terms.set(`p:${chars.slice(0, n).join('')}`, 'prefix')
  }
  return [...terms].map(([term, kind]) => ({ kind, term }))
}

/**
 * The terms a search query is looked up under: an exact name or part matches its full or token
 * term; a short query (up to three characters) also matches as a prefix.
 */
export function queryTerms(query: string): string[] {
  const full = normalizeName(query)
  if (!full) return []
  const terms = new Set([`f:${full}`, `t:${full}`])
  const chars = [...full]
  if (chars.length <= MAX_PREFIX) terms.add(`p:${full}`)
  return [...terms]
}

/** A stretch of a text that could be a name part, with where it is (UTF-16 offsets). */
export interface NameCandidate {
  at: number
  length: number
  /** The stretch normalised as names are (see normalizeName). */
  normalized: string
}

// Scripts written without spaces between words (kana, Han, Hangul with attached particles): a
// name can sit anywhere inside a run of them, so every stretch of 2–12 characters is a candidate.
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u
const MIN_GRAM = 2
const MAX_GRAM = 12

/**
 * The stretches of a free text that could be a registered name part, for comparing against a
 * person's blind-index name terms: every word (between spaces and punctuation) whole, and inside a
 * word in an unspaced script every stretch of 2–12 characters. Single characters inside a word are
 * left out on purpose: one kanji or syllable (金, 花) would flag ordinary words everywhere.
 */
export function textNameCandidates(text: string): NameCandidate[] {
  const out = new Map<string, NameCandidate>()
  const add = (at: number, raw: string) => {
    const normalized = normalizeName(raw)
    if (normalized) out.set(`${at}:${raw.length}`, { at, length: raw.length, normalized })
  }
  for (const match of text.matchAll(/[^\p{Z}\s\p{P}\p{S}]+/gu)) {
    const word = match[0]
    const start = match.index ?? 0
    add(start, word)
    if (!UNSPACED.test(word)) continue
    const chars = [...word]
    // UTF-16 offset of each code point, so a stretch maps back to the caller's text.
    const offsets: number[] = []
    let at = start
    for (const ch of chars) {
      offsets.push(at)
      at += ch.length
    }
    offsets.push(at)
    for (let i = 0; i < chars.length; i++) {
      for (let n = MIN_GRAM; n <= MAX_GRAM && i + n <= chars.length; n++) {
        if (n === chars.length) continue // the whole word, already added
        const from = offsets[i] ?? start
        const to = offsets[i + n] ?? at
        add(from, text.slice(from, to))
      }
    }
  }
  return [...out.values()]
}
