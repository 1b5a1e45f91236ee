import type { Locale } from './locales.js'
import { selectPlurals } from './plural.js'

export type MessageParams = Readonly<Record<string, string | number>>

/**
 * A catalog's text with `{placeholders}` filled in and plural forms chosen by the language's
 * rules (`{count, plural, one {# entry} other {# entries}}`, see plural.ts). Holds no catalog,
 * so the staff app can load only the reader's language.
 */
export function formatMessage(locale: Locale, text: string, params: MessageParams = {}): string {
  return selectPlurals(locale, text, params).replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name]
    return value === undefined ? whole : String(value)
  })
}

/**
 * Whether a text has the shape of a catalog key (`field.date_format`, `people.name_in`): words
 * joined by dots, no spaces. Zod's own messages are sentences, so a schema's key is told from them
 * without loading a catalog (message-keys.test.ts checks every key the schemas give is real).
 */
export function hasMessageKeyShape(text: string): boolean {
  return /^[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+$/.test(text)
}
