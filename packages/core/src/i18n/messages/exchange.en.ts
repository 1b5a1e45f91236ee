/** Data exchange: spreadsheet import (per-row problems), IATI and HXL. */
export const exchangeEn = {
  'exchange.formula_cell':
    'This cell holds a formula; Haven does not run formulas. Type the value itself.',
  'exchange.not_hangul':
    'This column takes Hangul only; put names in other scripts in their own column.',
  'exchange.not_hanzi':
    'This column takes Chinese characters (kanji) only; put kana and Latin names in their own column.',
  'exchange.not_kana':
    'This column takes kana only; put names in other scripts in their own column.',
  'exchange.not_latin':
    'This column takes Latin letters only; put names in other scripts in their own column.',
  'exchange.no_name': 'The row has no name in any script; give at least one.',
  'exchange.birth_and_age': 'Give either a date of birth or an approximate age, not both.',
  'exchange.date_format': 'Use a date like 2006-03-15, 2006/3/15, 平成18年3月15日 or R5.4.1.',
  'exchange.date_no_such_day': 'There is no such day.',
  'exchange.date_outside_era':
    'That year is outside the era (平成 ended on 2019-04-30; 令和 began on 2019-05-01).',
  'exchange.not_a_number': 'Use a whole number.',
  'exchange.duplicate_in_file': 'The same person as row {row} of this file.',
  'exchange.possible_duplicate': 'Possibly already registered as {codes}.',
  'exchange.duplicate_ref': 'The reference {ref} is used by row {row} too.',
  'error.import_unreadable':
    'Haven could not read this file as a CSV (UTF-8 or Shift_JIS) or an XLSX workbook. Save it again from your spreadsheet program, or pick the encoding, and try again.',
  'error.import_has_errors':
    '{rows, plural, one {# row has} other {# rows have}} problems, so nothing was imported. Run a dry run to see them, fix the file and import it again.',
  'error.import_possible_duplicates':
    '{rows, plural, one {# row looks} other {# rows look}} like people already registered, so nothing was imported. Check them in a dry run; import with “register anyway” if they are different people.',
} as const
