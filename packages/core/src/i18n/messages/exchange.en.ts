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
  'error.import_conflict':
    'Another import of the same rows finished while this one ran, so nothing of this one was imported. Run a dry run again to see what is left to import.',
  'nav.import': 'Import',
  'exchange.import_title': 'Import people from a spreadsheet',
  'exchange.file': 'Spreadsheet (CSV or XLSX)',
  'exchange.file_hint':
    'The first row holds the column names. A CSV saved by Japanese Excel (Shift_JIS) is read as it is.',
  'exchange.compartment': 'Register them in',
  'exchange.source': 'Where the sheet comes from',
  'exchange.source_hint':
    'A name such as “Yanji office register”: the columns you match are remembered under it.',
  'exchange.encoding': 'Text encoding of a CSV',
  'exchange.encoding.auto': 'Detect (UTF-8, else Shift_JIS)',
  'exchange.encoding.utf-8': 'UTF-8',
  'exchange.encoding.shift_jis': 'Shift_JIS (Japanese Excel)',
  'exchange.check_button': 'Check the file',
  'exchange.check_again': 'The columns changed: check the file again before importing.',
  'exchange.choose_first': 'Choose a file, the compartment and where the sheet comes from first.',
  'exchange.check_heading': 'What the check found',
  'exchange.summary':
    '{rows} rows: {ready} ready to import, {already} imported before, {errors} with problems. Nothing has been written yet.',
  'exchange.problems':
    '{count, plural, one {# row has a problem} other {# rows have problems}}: fix them in the file and check it again.',
  'exchange.duplicates':
    '{count, plural, one {# row looks} other {# rows look}} like people already registered',
  'exchange.accept_duplicates': 'I checked them: register these rows anyway',
  'exchange.nothing_new': 'Every row was imported before; there is nothing new to import.',
  'exchange.import_button': 'Import {count, plural, one {# person} other {# people}}',
  'exchange.uploading': 'Sending the file…',
  'exchange.working': 'Haven is reading the file…',
  'exchange.imported': '{imported} people imported; {already} rows imported before were skipped.',
  'exchange.col.row': 'Row',
  'exchange.col.column': 'Column',
  'exchange.col.problem': 'Problem',
  'exchange.col.registered': 'Registered as',
  'exchange.mapping': 'Which column is which',
  'exchange.unmapped': '(not in this sheet)',
  'exchange.field.ref': 'Reference (your own row number or ID)',
  'exchange.field.name_hangul': 'Name in Hangul',
  'exchange.field.name_hanzi': 'Name in Chinese characters',
  'exchange.field.name_kana': 'Name in kana',
  'exchange.field.name_latin': 'Name in Latin letters',
  'exchange.field.birth': 'Date of birth',
  'exchange.field.approximate_age': 'Approximate age',
  'exchange.field.sex': 'Sex',
  'exchange.field.place_of_origin': 'Place of origin',
  'exchange.field.phones': 'Phone numbers',
  'exchange.field.notes': 'Notes',
  'exchange.field.age_band': 'Age band',
  'exchange.field.situation': 'Situation',
  'exchange.field.arrival_month': 'Month of arrival',
  'exchange.field.languages': 'Languages',
  'exchange.field.tags': 'Tags',
} as const
