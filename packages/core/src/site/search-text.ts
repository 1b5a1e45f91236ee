/**
 * Text folding shared by indexing and querying, so both sides agree: compatibility forms unified
 * (full-width Ｌａｔｉｎ → Latin, half-width ｶﾀｶﾅ → カタカナ), case folded, Latin accents dropped,
 * while Japanese voiced marks (が, パ) stay what they are. Works per grapheme, which keeps a map
 * back to the original text for highlighting snippets.
 */
const segmenter = new Intl.Segmenter('und', { granularity: 'grapheme' })

function foldGrapheme(grapheme: string): string {
  return grapheme
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .toLowerCase()
}

/** The folded form of `text`, for storing in the search index and comparing with queries. */
export function foldForSearch(text: string): string {
  let out = ''
  for (const { segment } of segmenter.segment(text)) out += foldGrapheme(segment)
  return out
}

export interface FoldedText {
  folded: string
  /** For each UTF-16 unit of `folded`, the [start, end) of the original grapheme it came from. */
  source: readonly (readonly [number, number])[]
}

/** Like foldForSearch, keeping where each folded character came from. */
export function foldWithMap(text: string): FoldedText {
  let folded = ''
  const source: [number, number][] = []
  for (const { segment, index } of segmenter.segment(text)) {
    const f = foldGrapheme(segment)
    folded += f
    for (let i = 0; i < f.length; i++) source.push([index, index + segment.length])
  }
  return { folded, source }
}

/** One stretch of a snippet; `hit` stretches are shown highlighted (as `<mark>`). */
export interface SnippetPart {
  text: string
  hit: boolean
}

const sentences = new Intl.Segmenter('und', { granularity: 'sentence' })

/**
 * The whole sentences around `anchor` that fit in `maxLength`: the one holding it, then those
 * after it, then those before it, so a snippet reads as sentences rather than a cut-out. Null
 * when the sentence holding the anchor is itself too long (then the text is cut around it).
 */
function sentenceWindow(text: string, anchor: number, maxLength: number): [number, number] | null {
  const spans: [number, number][] = []
  for (const { segment, index } of sentences.segment(text)) {
    // Trailing spaces and line breaks belong to no sentence.
    const trimmed = segment.trimEnd()
    const lead = trimmed.length - trimmed.trimStart().length
    if (trimmed.length > lead) spans.push([index + lead, index + trimmed.length])
  }
  let at = spans.findIndex(([, e]) => anchor < e)
  if (at < 0) at = spans.length - 1
  const home = spans[at]
  if (!home || home[1] - home[0] > maxLength) return null
  let [start, end] = home
  for (let i = at + 1; i < spans.length; i++) {
    const next = spans[i] as [number, number]
    if (next[1] - start > maxLength) break
    end = next[1]
  }
  for (let i = at - 1; i >= 0; i--) {
    const previous = spans[i] as [number, number]
    if (end - previous[0] > maxLength) break
    start = previous[0]
  }
  return [start, end]
}

/** A window of `maxLength` around `anchor`, at a word boundary where one is close. */
function cutWindow(text: string, anchor: number, maxLength: number): [number, number] {
  const earliest = Math.max(0, anchor - Math.floor(maxLength / 3))
  // Start at a word boundary if one is close (Latin text); Japanese has none and is cut anywhere.
  let start = earliest
  while (start > 0 && earliest - start < 12 && /\S/.test(text[start - 1] ?? '')) start--
  if (start > 0 && /\S/.test(text[start - 1] ?? '')) start = earliest
  if (/[\uDC00-\uDFFF]/.test(text[start] ?? '')) start++
  let end = Math.min(text.length, start + maxLength)
  if (end < text.length && /[\uD800-\uDBFF]/.test(text[end - 1] ?? '')) end--
  return [start, end]
}

/**
 * A short excerpt of `text` around the first occurrence of any term, with every occurrence inside
 * it marked: whole sentences when they fit, otherwise a cut around the first hit. Returned as parts, never as HTML, so the page escapes it like any other text.
 */
export function snippet(text: string, terms: readonly string[], maxLength = 180): SnippetPart[] {
  const { folded, source } = foldWithMap(text)
  const hits: [number, number][] = []
  for (const term of terms) {
    if (!term) continue
    let from = 0
    while (hits.length < 200) {
      const at = folded.indexOf(term, from)
      if (at < 0) break
      const first = source[at]
      const last = source[at + term.length - 1]
      if (first && last) hits.push([first[0], last[1]])
      from = at + term.length
    }
  }
  hits.sort((a, b) => a[0] - b[0])
  const merged: [number, number][] = []
  for (const h of hits) {
    const prev = merged.at(-1)
    if (prev && h[0] <= prev[1]) prev[1] = Math.max(prev[1], h[1])
    else merged.push([h[0], h[1]])
  }
  const anchor = merged[0]?.[0] ?? 0
  const [start, end] = sentenceWindow(text, anchor, maxLength) ?? cutWindow(text, anchor, maxLength)
  const parts: SnippetPart[] = []
  // The ellipses keep the text's own spacing: '… Every' in English, '…すべて' in Japanese.
  if (start > 0) parts.push({ text: /\s/.test(text[start - 1] ?? '') ? '… ' : '…', hit: false })
  let at = start
  for (const [s, e] of merged) {
    if (e <= start || s >= end) continue
    const cs = Math.max(s, start)
    const ce = Math.min(e, end)
    if (cs > at) parts.push({ text: text.slice(at, cs), hit: false })
    parts.push({ text: text.slice(cs, ce), hit: true })
    at = ce
  }
  if (at < end) parts.push({ text: text.slice(at, end), hit: false })
  if (end < text.length) parts.push({ text: /\s/.test(text[end] ?? '') ? ' …' : '…', hit: false })
  return parts
}
