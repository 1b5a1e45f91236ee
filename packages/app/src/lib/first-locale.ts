import type { FirstMessageKey } from '@haven/core/i18n/catalog-first-en'
import type { RestMessageKey } from '@haven/core/i18n/catalog-rest-en'
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

/**
 * The first part of one language's messages (the shell's and the people module's), as its own
 * chunk: what the app needs before its first screen. The browser fetches each chunk once.
 */
export function importCatalog(which: Locale): Promise<Readonly<Record<FirstMessageKey, string>>> {
  return which === 'ja'
    ? import('@haven/core/i18n/catalog-first-ja').then((m) => m.jaFirst)
    : import('@haven/core/i18n/catalog-first-en').then((m) => m.enFirst)
}

/** The rest of one language's messages (every other module's), fetched with the first page that needs them. */
export function importRest(which: Locale): Promise<Readonly<Record<RestMessageKey, string>>> {
  return which === 'ja'
    ? import('@haven/core/i18n/catalog-rest-ja').then((m) => m.jaRest)
    : import('@haven/core/i18n/catalog-rest-en').then((m) => m.enRest)
}
