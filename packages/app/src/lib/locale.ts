import type { Catalog, MessageKey } from '@haven/core/i18n/catalog-en'
import { formatMessage, type MessageParams } from '@haven/core/i18n/format-message'
import { isLocale, LOCALE_NAMES, LOCALES, type Locale } from '@haven/core/i18n/locales'
import { signal } from '@preact/signals'
import {
  firstLocale,
  importCatalog,
  importRest,
  STORAGE_KEY,
  storedChoice,
} from './first-locale.js'

/** The language the app speaks; changing it re-renders every text. */
export const locale = signal<Locale>(firstLocale())

/**
 * The messages loaded so far, per language. Only the reader's language is fetched, and of it
 * first the shell's and the people module's words (catalog-first-*, about a third); every other
 * module's words (catalog-rest-*) come with the first page that needs them (see `loadRest`), on a
 * line where 20 KB is most of a second.
 */
const catalogs = signal<Partial<Record<Locale, Partial<Catalog>>>>({})
const loading = new Map<string, Promise<void>>()

function loadPart(which: Locale, part: 'first' | 'rest'): Promise<void> {
  const id = `${which}:${part}`
  let loaded = loading.get(id)
  if (!loaded) {
    loaded = (part === 'first' ? importCatalog(which) : importRest(which)).then(
      (messages: Partial<Catalog>) => {
        catalogs.value = {
          ...catalogs.value,
          // The rest overrides the first part where both name a key, as in the whole catalog.
          [which]:
            part === 'first'
              ? { ...messages, ...catalogs.value[which] }
              : { ...catalogs.value[which], ...messages },
        }
      },
    )
    // A failed fetch (the line dropped) may be tried again.
    loaded.catch(() => loading.delete(id))
    loading.set(id, loaded)
  }
  return loaded
}

/** Fetches the first part of a language's messages once; the app renders when the reader's is in. */
export function loadCatalog(which: Locale): Promise<void> {
  return loadPart(which, 'first')
}

/** Fetches every other module's messages in the reader's language once (pages wait for it). */
export function loadRest(which: Locale = locale.value): Promise<void> {
  return loadPart(which, 'rest')
}

const restRequested = (which: Locale) => loading.has(`${which}:rest`)

export function setLocale(next: Locale): void {
  // The whole catalog of the new language if the old one's was in, so no page shows keys.
  const parts = [loadCatalog(next), ...(restRequested(locale.value) ? [loadRest(next)] : [])]
  void Promise.all(parts).then(() => {
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

/**
 * The message in the reader's language (the key itself until its catalog is in). A key of a part
 * not loaded yet asks for that part: the text follows as soon as it arrives.
 */
export function t(key: MessageKey, params?: MessageParams): string {
  const text = catalogs.value[locale.value]?.[key]
  if (text) return formatMessage(locale.value, text, params)
  if (!restRequested(locale.value)) void loadRest().catch(() => {})
  return key
}

/** Whether a code from the server (an audit action, a notification kind) has words. */
export function isMessageKey(key: string): key is MessageKey {
  if (Object.hasOwn(catalogs.value[locale.value] ?? {}, key)) return true
  // Until every part is in, a code may still have words: ask for them (the screen re-renders).
  if (!restRequested(locale.value)) void loadRest().catch(() => {})
  return false
}

/** The keys of the reader's messages loaded so far (every one once a page has loaded the rest). */
export function loadedMessageKeys(): string[] {
  return Object.keys(catalogs.value[locale.value] ?? {})
}

export { isLocale, LOCALE_NAMES, LOCALES }

/** Native names of the languages the site is written in, for tabs and labels. */
export function languageName(locale: string): string {
  const names: Record<string, string> = { en: 'English', ja: '日本語', ko: '한국어', zh: '中文' }
  return names[locale] ?? locale
}
