/**
 * Content-coding negotiation (RFC 9110 §12.5.3): which of the codings we hold the client takes,
 * best first. Brotli is preferred to gzip at equal weight: on the JavaScript and JSON Haven sends
 * it is 15–20 % smaller, which is what matters on a 400 kbit/s line.
 */
export type ContentCoding = 'br' | 'gzip'

const PREFERENCE: readonly ContentCoding[] = ['br', 'gzip']

/** The weight the header gives a coding (named, else `*`), 0 when refused or not mentioned. */
function weights(header: string): Map<string, number> {
  const result = new Map<string, number>()
  // A header is short; a hostile one is cut rather than parsed at length.
  for (const part of header.slice(0, 512).split(',')) {
    const [name = '', ...params] = part.split(';').map((p) => p.trim().toLowerCase())
    if (!name) continue
    const q = params.find((p) => p.startsWith('q='))
    const weight = q === undefined ? 1 : Number(q.slice(2))
    result.set(name, Number.isFinite(weight) ? Math.min(Math.max(weight, 0), 1) : 0)
  }
  return result
}

/**
 * The coding to answer with, among those available, or null for the plain bytes. A client that
 * sends no Accept-Encoding gets plain bytes (the header's absence allows any coding, but some
 * proxies strip it from clients that cannot decode).
 */
export function chooseContentCoding(
  header: string | undefined,
  available: readonly ContentCoding[] = PREFERENCE,
): ContentCoding | null {
  if (!header) return null
  const table = weights(header)
  const star = table.get('*')
  let best: ContentCoding | null = null
  let bestWeight = 0
  for (const coding of PREFERENCE) {
    if (!available.includes(coding)) continue
    const weight = table.get(coding) ?? star ?? 0
    if (weight > bestWeight) {
      best = coding
      bestWeight = weight
    }
  }
  return best
}
