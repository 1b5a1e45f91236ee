import { type Catalog, en, type MessageKey } from './catalog-en.js'
import { ja } from './catalog-ja.js'
import type { Locale } from './locales.js'
import { selectPlurals } from './plural.js'

const catalogs: Readonly<Record<Locale, Catalog>> = Object.freeze({ en, ja })

export type MessageParams = Readonly<Record<string, string | number>>

/**
 * The message for `key` in `locale`, with `{placeholders}` filled in and plural forms chosen by
 * the language's rules (`{count, plural, one {# entry} other {# entries}}`, see plural.ts).
 * Falls back to English for a key a catalog lacks, so a partial catalog never shows a bare key.
 */
export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  const catalog = catalogs[locale][key] ? catalogs[locale] : en
  const withPlurals = selectPlurals(catalog === en ? 'en' : locale, catalog[key], params)
  return withPlurals.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name]
    return value === undefined ? whole : String(value)
  })
}

/** A translate function bound to one locale, for code that renders a whole page. */
export type Translator = (key: MessageKey, params?: MessageParams) => string

export function translatorFor(locale: Locale): Translator {
  return (key, params) => translate(locale, key, params)
}

export function isMessageKey(value: string): value is MessageKey {
  return Object.hasOwn(en, value)
}
