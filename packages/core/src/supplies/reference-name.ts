import type { Locale } from '../i18n/locales.js'

/**
 * A stored name (an item, a stock location) in the reader's language: the Japanese name on
 * Japanese screens when one was given, else the English one, and the other way round.
 */
export function referenceName(
  locale: Locale,
  names: { readonly name: string; readonly nameJa: string | null },
): string {
  if (locale === 'ja') return names.nameJa || names.name
  return names.name || names.nameJa || ''
}

/** Names compare as the same whatever their width, case or spacing ("Ｒｉｃｅ " is "rice"). */
export const supplyName = (name: string) =>
  name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase()
