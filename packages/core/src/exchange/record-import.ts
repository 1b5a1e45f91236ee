import type { MessageKey } from '../i18n/catalog-en.js'
import type { Cell } from './people-import.js'
import { parseSpreadsheetDate } from './spreadsheet-date.js'

/**
 * Importing records other than people from a spreadsheet: one small definition per kind (its
 * columns, the header texts recognised without a saved mapping, how a row reads into the owning
 * module's input, and what makes a row the same row on a second import). The server adds who may
 * import it and how a row is written (through the owning module's front door).
 */

/** One problem with one cell of one row (the field is our column name; '' for the whole row). */
export interface RecordRowIssue {
  field: string
  key: MessageKey
  params: Readonly<Record<string, string | number>>
}

export type RecordRowResult<T> =
  | { ok: true; value: T; ref: string | null }
  | { ok: false; issues: RecordRowIssue[] }

export interface RecordImportDefinition<F extends string, T> {
  /** Our column names, in the order the app lists them. */
  fields: readonly F[]
  /** Header texts recognised without a saved mapping (our own names and common Japanese ones). */
  aliases: Readonly<Record<F, readonly string[]>>
  /** Reads a row (`cell(field)` gives its mapped cell), or lists every problem of it. */
  read(cell: (field: F) => Cell | undefined, today: string): RecordRowResult<T>
  /** Everything the row says that makes it the same record again (used when it has no ref). */
  content(value: T): unknown
}

const headerKey = (h: string) => h.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, '_')

/** A first mapping from the file's own header row, for the person to check and adjust. */
export function guessRecordMapping<F extends string>(
  definition: Pick<RecordImportDefinition<F, unknown>, 'fields' | 'aliases'>,
  headers: readonly string[],
): Partial<Record<F, string>> {
  const mapping: Partial<Record<F, string>> = {}
  for (const field of definition.fields) {
    const aliases = definition.aliases[field].map(headerKey)
    const header = headers.find((h) => aliases.includes(headerKey(h)))
    if (header !== undefined) mapping[field] = header
  }
  return mapping
}

/**
 * What makes a row the same row on a second import: its reference when the sheet has one, else
 * everything it says. The server keys it (a keyed hash) before storing it.
 */
export function recordRowIdentity<T>(
  definition: Pick<RecordImportDefinition<string, T>, 'content'>,
  result: { value: T; ref: string | null },
): string {
  if (result.ref !== null) return `ref:${result.ref}`
  return `row:${JSON.stringify(definition.content(result.value))}`
}

/**
 * Reads the cells of one row, collecting every problem (not just the first), each named by its
 * field. Formulas are refused (Haven never runs them); our own exports' leading apostrophe before
 * =, +, - or @ is taken off again.
 */
export function rowCells<F extends string>(cell: (field: F) => Cell | undefined) {
  const issues: RecordRowIssue[] = []
  const problem = (field: F | '', key: MessageKey, params: Record<string, string | number> = {}) =>
    issues.push({ field, key, params })
  const hasProblem = (field: F) => issues.some((i) => i.field === field)

  const text = (field: F): string => {
    const value = cell(field)
    if (value === undefined) return ''
    if (typeof value !== 'string') {
      problem(field, 'exchange.formula_cell')
      return ''
    }
    const trimmed = value.normalize('NFC').trim()
    if (/^'[=+\-@]/.test(trimmed)) return trimmed.slice(1)
    if (trimmed.startsWith('=')) {
      problem(field, 'exchange.formula_cell')
      return ''
    }
    return trimmed
  }

  const required = (field: F): string => {
    const value = text(field)
    if (value === '' && !hasProblem(field)) problem(field, 'field.required')
    return value
  }

  /** A whole day (2026-05-01, 2026/5/1, 令和8年5月1日, R8.5.1), not after `today`. */
  const day = (field: F, today: string): string | null => {
    const value = required(field)
    if (value === '') return null
    const parsed = parseSpreadsheetDate(value)
    if (typeof parsed === 'string') {
      problem(field, `exchange.date_${parsed}`)
      return null
    }
    if (parsed.precision !== 'exact') {
      problem(field, 'exchange.date_format')
      return null
    }
    if (parsed.date > today) {
      problem(field, 'field.date_in_future')
      return null
    }
    return parsed.date
  }

  /** A whole number from `min` to `max` (full-width digits and thousands separators allowed). */
  const whole = (field: F, min: number, max: number): number | null => {
    const value = required(field).normalize('NFKC').replace(/,/g, '')
    if (value === '') return null
    const n = /^\d{1,9}$/.test(value) ? Number(value) : Number.NaN
    if (Number.isNaN(n)) problem(field, 'exchange.not_a_number')
    else if (n < min) problem(field, 'field.quantity_positive')
    else if (n > max) problem(field, 'exchange.number_too_large', { max })
    else return n
    return null
  }

  /**
   * A quantity of goods: more than zero, to 3 decimals (kilograms), at most `max` (full-width
   * digits and thousands separators allowed). Whether the item takes decimals is its module's
   * rule (its unit), checked when the row is written.
   */
  const quantity = (field: F, max: number): number | null => {
    const value = required(field).normalize('NFKC').replace(/,/g, '')
    if (value === '') return null
    if (/^-\d/.test(value)) problem(field, 'field.quantity_positive')
    else if (!/^\d{1,9}(\.\d{1,3})?$/.test(value)) problem(field, 'field.quantity')
    else if (Number(value) <= 0) problem(field, 'field.quantity_positive')
    else if (Number(value) > max) problem(field, 'field.quantity_absurd')
    else return Number(value)
    return null
  }

  /** An amount in major units as decimal text ("20", "12.50"; "¥1,000" and "１２" too). */
  const amount = (field: F): string | null => {
    const value = required(field).normalize('NFKC').replace(/^[¥$]/, '').replace(/,/g, '')
    if (value === '') return null
    if (!/^\d{1,13}(\.\d{1,6})?$/.test(value)) {
      problem(field, 'field.amount_format')
      return null
    }
    if (/^0+(\.0+)?$/.test(value)) {
      problem(field, 'field.quantity_positive')
      return null
    }
    return value
  }

  /** One of `values`, given as itself (any case) or as one of `words` (e.g. Japanese names). */
  const choice = <T extends string>(
    field: F,
    values: readonly T[],
    words: Readonly<Record<string, T>> = {},
  ): T | null => {
    const raw = required(field).normalize('NFKC')
    if (raw === '') return null
    const found =
      values.find((v) => v.toLowerCase() === raw.toLowerCase()) ?? words[raw.toLowerCase()]
    if (found === undefined) problem(field, 'field.invalid_value', { options: values.join(', ') })
    return found ?? null
  }

  return { issues, problem, text, required, day, whole, quantity, amount, choice }
}
