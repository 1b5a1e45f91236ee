/**
 * What an outside reader takes from a published annual report page: the tables under each
 * heading, every cell as the interval its printed text allows. Written apart from the
 * disclosure engine and the compiler (it imports neither): it knows only what any reader of
 * the site knows — the page, and what the words mean.
 */

/** A printed cell: the row's labels and what the printed text says of the count. */
export interface ReadCell {
  readonly labels: readonly string[]
  readonly lower: number
  readonly upper: number
}

/** A table as read: the heading above it, its cells in order. */
export interface ReadTable {
  readonly heading: string
  readonly cells: readonly ReadCell[]
}

// The public meaning of the words a report uses for hidden counts of people (EN), as the
// organisation explains them to readers. Unknown words are read as "at least one".
const WORDS: Readonly<Record<string, readonly [number, number]>> = {
  'a small number': [1, 11],
  'more than ten': [12, 29],
  dozens: [30, 99],
  'over a hundred': [100, Number.POSITIVE_INFINITY],
  'a few': [1, 6],
  several: [7, 12],
  'a number': [13, 19],
}

const decode = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .trim()

/**
 * The interval a printed value allows, knowing the rounding base the organisation publishes
 * with (`10†` rounded to 5 is 6–14: a value rounds to a neighbouring multiple).
 */
export function readValue(text: string, roundingBase: number | null): [number, number] {
  const word = WORDS[text]
  if (word) return [word[0], word[1]]
  const rounded = /^([\d,]+)†$/.exec(text)
  if (rounded?.[1]) {
    const v = Number(rounded[1].replace(/,/g, ''))
    const base = roundingBase ?? 1
    return [Math.max(0, v - base + 1), v + base - 1]
  }
  if (/^[\d,]+$/.test(text)) {
    const v = Number(text.replace(/,/g, ''))
    return [v, v]
  }
  // A dash, or anything else: a hidden count, at least one (zeros are printed as 0).
  return [1, Number.POSITIVE_INFINITY]
}

/** Every table on a page, with the `<h2>` heading it sits under. */
export function readTables(html: string, roundingBase: number | null = null): ReadTable[] {
  const out: ReadTable[] = []
  const parts = html.split(/<h2[^>]*>/)
  for (const part of parts.slice(1)) {
    const heading = decode(part.slice(0, part.indexOf('</h2>')))
    for (const table of part.matchAll(/<tbody>([\s\S]*?)<\/tbody>/g)) {
      const cells: ReadCell[] = []
      for (const row of (table[1] ?? '').matchAll(/<tr>([\s\S]*?)<\/tr>/g)) {
        const texts = [...(row[1] ?? '').matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) =>
          decode(m[1] ?? ''),
        )
        const value = texts.pop()
        if (value === undefined) continue
        const [lower, upper] = readValue(value, roundingBase)
        cells.push({ labels: texts, lower, upper })
      }
      out.push({ heading, cells })
    }
  }
  return out
}
