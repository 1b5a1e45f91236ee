import type { Locale } from '../i18n/locales.js'
import { translate } from '../i18n/translate.js'

/**
 * The columns of the HXL export of a published report's figures: each with its heading key (the
 * first row, in the reader's language) and its HXL hashtag with attributes (the second row, the
 * same in every language, which is what HXL tools read).
 */
export const HXL_FIGURE_COLUMNS = [
  { key: 'exchange.hxl.fiscal_year', tag: '#date+fiscal_year' },
  { key: 'exchange.hxl.start', tag: '#date+start' },
  { key: 'exchange.hxl.end', tag: '#date+end' },
  { key: 'exchange.hxl.code', tag: '#indicator+code' },
  { key: 'exchange.hxl.figure', tag: '#indicator+name' },
  { key: 'exchange.hxl.category', tag: '#indicator+category' },
  { key: 'exchange.hxl.value', tag: '#indicator+num' },
  { key: 'exchange.hxl.published', tag: '#indicator+text' },
  { key: 'exchange.hxl.unit', tag: '#meta+unit' },
] as const

/** The two heading rows of the export: the words in the reader's language, then the hashtags. */
export function hxlHeadings(locale: Locale): [string[], string[]] {
  return [
    HXL_FIGURE_COLUMNS.map((c) => translate(locale, c.key)),
    HXL_FIGURE_COLUMNS.map((c) => c.tag),
  ]
}

/** Whether a cell of the second row is a valid HXL hashtag with attributes (`#affected+f`). */
export function isHxlTag(text: string): boolean {
  return /^#[a-z][a-z0-9_]*(\s*\+[a-z][a-z0-9_]*)*$/.test(text)
}
