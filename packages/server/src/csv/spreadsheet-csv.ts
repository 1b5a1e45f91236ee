import { stringify } from 'csv-stringify/sync'

/**
 * The one guard of every CSV Haven writes (people, the journal, HXL figures): a cell a
 * spreadsheet would run as a formula (=, +, -, @, tab, carriage return at the start) is
 * prefixed with an apostrophe, so an exported name like "=HYPERLINK(…)" stays text (OWASP CSV injection).
 */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}

export function toCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | null)[])[],
): string {
  const safe = rows.map((row) =>
    row.map((cell) =>
      cell === null ? '' : typeof cell === 'number' ? String(cell) : neutraliseCell(cell),
    ),
  )
  // A byte-order mark lets spreadsheet programs read Hangul, Hanzi and kana as UTF-8.
  return `\ufeff${stringify([header.map(neutraliseCell), ...safe])}`
}
