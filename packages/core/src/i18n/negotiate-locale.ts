import { DEFAULT_LOCALE, isLocale, type Locale } from './locales.js'

export interface LocaleSources {
  /** An explicit choice the person made earlier (cookie or account setting). */
  chosen?: string | null | undefined
  /** The raw `Accept-Language` header. */
  acceptLanguage?: string | null | undefined
}

/**
 * Picks the language to answer in: an explicit choice first, then the browser's
 * preferences by weight, then English. Region subtags are ignored (`ja-JP` → `ja`).
 */
export function negotiateLocale(sources: LocaleSources): Locale {
  if (isLocale(sources.chosen)) return sources.chosen
  for (const tag of parseAcceptLanguage(sources.acceptLanguage ?? '')) {
    const primary = tag.split('-')[0]?.toLowerCase()
    if (isLocale(primary)) return primary
  }
  return DEFAULT_LOCALE
}

/** Language tags from an Accept-Language header, highest weight first; malformed parts are skipped. */
export function parseAcceptLanguage(header: string): string[] {
  // Bounded so a hostile header cannot make us sort thousands of entries.
  const parts = header.slice(0, 512).split(',').slice(0, 32)
  const weighted: { tag: string; q: number; order: number }[] = []
  parts.forEach((part, order) => {
    const [rawTag, ...params] = part.trim().split(';')
    const tag = rawTag?.trim() ?? ''
    if (!/^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$|^\*$/.test(tag)) return
    let q = 1
    for (const param of params) {
      const match = /^\s*q=([01](?:\.\d{0,3})?)\s*$/.exec(param)
      if (match?.[1]) q = Number(match[1])
    }
    if (q > 0) weighted.push({ tag, q, order })
  })
  weighted.sort((a, b) => b.q - a.q || a.order - b.order)
  return weighted.map((w) => w.tag)
}
