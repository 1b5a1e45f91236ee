import { type Catalog, en, type MessageKey } from './catalog-en.js'
import { ja } from './catalog-ja.js'
import { formatMessage, type MessageParams } from './format-message.js'
import type { Locale } from './locales.js'

const catalogs: Readonly<Record<Locale, Catalog>> = Object.freeze({ en, ja })

export type { MessageParams }

/**
 * The message for `key` in `locale`, with `{placeholders}` filled in and plural forms chosen by
 * the language's rules (`{count, plural, one {# entry} other {# entries}}`, see plural.ts).
 * Falls back to English for a key a catalog lacks, so a partial catalog never shows a bare key.
 */
export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  const own = catalogs[locale][key]
  // A key no catalog has (a schema's typo) shows as itself rather than failing the request.
  if (own === undefined && en[key] === undefined) return key
  return own ? formatMessage(locale, own, params) : formatMessage('en', en[key], params)
}

/** A translate function bound to one locale, for code that renders a whole page. */
export type Translator = (key: MessageKey, params?: MessageParams) => string

export function translatorFor(locale: Locale): Translator {
  return (key, params) => translate(locale, key, params)
}

export function isMessageKey(value: string): value is MessageKey {
  return Object.hasOwn(en, value)
}
