import type { MessageKey } from '@haven/core/i18n/catalog-en'
import { isLocale, LOCALE_NAMES, LOCALES, type Locale } from '@haven/core/i18n/locales'
import { negotiateLocale } from '@haven/core/i18n/negotiate-locale'
import { type MessageParams, translate } from '@haven/core/i18n/translate'
import { signal } from '@preact/signals'

const STORAGE_KEY = 'haven.locale'

function storedChoice(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY)
  } catch {
    // Storage can be disabled; the browser's languages still decide.
    return null
  }
}

function initialLocale(): Locale {
  return negotiateLocale({ chosen: storedChoice(), acceptLanguage: navigator.languages.join(',') })
}

/** The language the app speaks; changing it re-renders every text. */
export const locale = signal<Locale>(initialLocale())

export function setLocale(next: Locale): void {
  locale.value = next
  document.documentElement.lang = next
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

export function t(key: MessageKey, params?: MessageParams): string {
  return translate(locale.value, key, params)
}

export { isLocale, LOCALE_NAMES, LOCALES }

/** Native names of the languages the site is written in, for tabs and labels. */
export function languageName(locale: string): string {
  const names: Record<string, string> = { en: 'English', ja: '日本語', ko: '한국어', zh: '中文' }
  return names[locale] ?? locale
}
