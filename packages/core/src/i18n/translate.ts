import { type Catalog, en, type MessageKey } from './catalog-en.js'
import { ja } from './catalog-ja.js'
import type { Locale } from './locales.js'

const catalogs: Readonly<Record<Locale, Catalog>> = Object.freeze({ en, ja })

export type MessageParams = Readonly<Record<string, string | number>>

/**
 * The message for `key` in `locale`, with `{placeholders}` filled in.
 * Falls back to English for a key a catalog lacks, so a partial catalog never shows a bare key.
 */
export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const template = catalogs[locale][key] ?? en[key]
  if (!params) return template
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
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
