import type { Catalog } from '@haven/core/i18n/catalog-en'
import type { Locale } from '@haven/core/i18n/locales'
import { negotiateLocale } from '@haven/core/i18n/negotiate-locale'

export const STORAGE_KEY = 'haven.locale'

/** The language chosen on this device earlier, if storage allows reading it. */
export function storedChoice(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY)
  } catch {
    // Storage can be disabled; the browser's languages still decide.
    return null
  }
}

/** The language the app starts in: a choice made on this device, else the browser's. */
export function firstLocale(): Locale {
  return negotiateLocale({ chosen: storedChoice(), acceptLanguage: navigator.languages.join(',') })
}

/** One language's messages, as their own chunk (the browser fetches each once). */
export function importCatalog(which: Locale): Promise<Catalog> {
  return which === 'ja'
    ? import('@haven/core/i18n/catalog-ja').then((m) => m.ja)
    : import('@haven/core/i18n/catalog-en').then((m) => m.en)
}
