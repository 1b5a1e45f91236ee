import type { Catalog, MessageKey } from '@haven/core/i18n/catalog-en'
import { formatMessage, type MessageParams } from '@haven/core/i18n/format-message'
import { isLocale, LOCALE_NAMES, LOCALES, type Locale } from '@haven/core/i18n/locales'
import { signal } from '@preact/signals'
import { firstLocale, importCatalog, STORAGE_KEY, storedChoice } from './first-locale.js'

/** The language the app speaks; changing it re-renders every text. */
export const locale = signal<Locale>(firstLocale())

/**
 * The catalogs loaded so far. Only the reader's language is fetched (each is about 35 KB
 * compressed, on a line where 35 KB is most of a second); another is fetched when chosen.
 */
const catalogs = signal<Partial<Record<Locale, Catalog>>>({})
const loading = new Map<Locale, Promise<void>>()

/** Fetches a language's messages once; the app renders when the reader's language is in. */
export function loadCatalog(which: Locale): Promise<void> {
  let loaded = loading.get(which)
  if (!loaded) {
    loaded = importCatalog(which).then((catalog) => {
      catalogs.value = { ...catalogs.value, [which]: catalog }
    })
    // A failed fetch (the line dropped) may be tried again.
    loaded.catch(() => loading.delete(which))
    loading.set(which, loaded)
  }
  return loaded
}

export function setLocale(next: Locale): void {
  void loadCatalog(next).then(() => {
    locale.value = next
    document.documentElement.lang = next
  })
  try {
    localStorage.setItem(STORAGE_KEY, next)
  } catch {
    // Not remembered, but applied for this visit.
  }
}

/** Whether the person chose a language on this device (rather than the browser deciding). */
export function localeChosenHere(): boolean {
  return isLocale(storedChoice())
}

/** The message in the reader's language (the key itself until its catalog is in). */
export function t(key: MessageKey, params?: MessageParams): string {
  const text = catalogs.value[locale.value]?.[key]
  return text ? formatMessage(locale.value, text, params) : key
}

/** Whether a code from the server (an audit action, a notification kind) has words. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(catalogs.value[locale.value] ?? {}, key)
}

export { isLocale, LOCALE_NAMES, LOCALES }

/** Native names of the languages the site is written in, for tabs and labels. */
export function languageName(locale: string): string {
  const names: Record<string, string> = { en: 'English', ja: '日本語', ko: '한국어', zh: '中文' }
  return names[locale] ?? locale
}
