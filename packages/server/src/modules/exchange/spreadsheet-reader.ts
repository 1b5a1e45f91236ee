import { Readable } from 'node:stream'
import type { Cell } from '@haven/core/exchange/people-import'
import { parse } from 'csv-parse'
import ExcelJS from 'exceljs'
import { errors } from '../../http/errors.js'

export const TEXT_ENCODINGS = ['auto', 'utf-8', 'shift_jis'] as const
export type TextEncodingChoice = (typeof TEXT_ENCODINGS)[number]

/** One row of a sheet: its row number as the spreadsheet program shows it, and its cells. */
export interface SheetRow {
  line: number
  cells: Cell[]
}

export interface OpenedSheet {
  format: 'csv' | 'xlsx'
  /** How a CSV's bytes were read (null for XLSX, which is always Unicode). */
  encoding: 'utf-8' | 'shift_jis' | null
  headers: string[]
  /** The data rows after the header row, read as they are asked for. */
  rows: AsyncIterable<SheetRow>
}

const isZip = (bytes: Uint8Array) =>
  bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04

/**
 * Reads a CSV's bytes as text. Japanese Excel saves CSV in Shift_JIS (Windows-31J) without
 * saying so: in `auto`, bytes that are not valid UTF-8 are read as Shift_JIS, which WHATWG's
 * decoder treats as Windows-31J (the ① and 髙 of real files included).
 */
export function decodeCsv(
  bytes: Uint8Array,
  choice: TextEncodingChoice,
): { text: string; encoding: 'utf-8' | 'shift_jis' } {
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
  if (choice === 'shift_jis')
    return { text: new TextDecoder('shift_jis').decode(bytes), encoding: 'shift_jis' }
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
    return { text, encoding: 'utf-8' }
  } catch {
    if (choice === 'utf-8' || hasBom) throw errors.importUnreadable({ reason: 'encoding' })
    return { text: new TextDecoder('shift_jis').decode(bytes), encoding: 'shift_jis' }
  }
}

/** Opens a CSV or XLSX file (told apart by their bytes, not their name) for reading row by row. */
export async function openSheet(
  bytes: Uint8Array,
  encoding: TextEncodingChoice = 'auto',
): Promise<OpenedSheet> {
  const opened = isZip(bytes) ? await openXlsx(bytes) : await openCsv(bytes, encoding)
  return opened
}

async function openCsv(bytes: Uint8Array, choice: TextEncodingChoice): Promise<OpenedSheet> {
  const { text, encoding } = decodeCsv(bytes, choice)
  const parser = parse(text, { relax_column_count: true, skip_empty_lines: true, info: true })
  const iterator = parser[Symbol.asyncIterator]() as AsyncIterator<{
    record: string[]
    info: { lines: number }
  }>
  const next = async () => {
    try {
      return await iterator.next()
    } catch {
      throw errors.importUnreadable({ reason: 'csv' })
    }
  }
  const first = await next()
  if (first.done) throw errors.importUnreadable({ reason: 'empty' })
  const headers = first.value.record.map((h) => h.trim())
  return {
    format: 'csv',
    encoding,
    headers,
    rows: {
      async *[Symbol.asyncIterator]() {
        for (;;) {
          const item = await next()
          if (item.done) return
          yield { line: item.value.info.lines, cells: item.value.record }
        }
      },
    },
  }
}

type XlsxValue = ExcelJS.CellValue

/** A cell's value as text; formulas are kept as formulas (their cached result is never used). */
function xlsxCell(value: XlsxValue): Cell {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number') return String(value)
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE'
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if ('formula' in value && typeof value.formula === 'string') return { formula: value.formula }
  if ('sharedFormula' in value) return { formula: value.sharedFormula }
  if ('error' in value) return { formula: String(value.error) }
  if ('richText' in value) return value.richText.map((r) => r.text).join('')
  if ('text' in value) return String(value.text)
  return ''
}

/** The parts of ExcelJS's streaming reader that the fix below wraps (not in its typings). */
interface ReaderInternals {
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: number): Iterable<unknown>
  _parseSharedStrings(entry: { setEncoding(encoding: 'utf8'): unknown }): AsyncIterable<unknown>
}

/** Decodes UTF-8 across chunk boundaries (a character split between two chunks stays whole). */
async function* utf8Chunks(chunks: AsyncIterable<Buffer | string>): AsyncIterable<string> {
  const decoder = new TextDecoder('utf-8')
  for await (const chunk of chunks)
    yield typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true })
  const rest = decoder.decode()
  if (rest) yield rest
}

const base = ExcelJS.stream.xlsx.WorkbookReader.prototype as unknown as ReaderInternals

/**
 * ExcelJS 4.4's streaming reader decodes each 16 KiB chunk of the XML on its own, so a kana,
 * Hangul or Hanzi character that straddles two chunks comes out as U+FFFD, about once in a
 * thousand rows of Japanese or Korean names (exceljs issues #2084, #2063, #2316; fixes open
 * upstream). This reader hands it text decoded across chunks: a worksheet's chunks through a
 * streaming decoder, the shared strings by setting the entry's encoding (Node's StringDecoder).
 */
class Utf8SafeWorkbookReader extends ExcelJS.stream.xlsx.WorkbookReader {}
Object.assign(Utf8SafeWorkbookReader.prototype, {
  _parseWorksheet(
    this: ReaderInternals,
    iterator: AsyncIterable<Buffer | string>,
    sheetNo: number,
  ) {
    return base._parseWorksheet.call(this, utf8Chunks(iterator), sheetNo)
  },
  _parseSharedStrings(this: ReaderInternals, entry: { setEncoding(encoding: 'utf8'): unknown }) {
    entry.setEncoding('utf8')
    return base._parseSharedStrings.call(this, entry)
  },
})

/** The first worksheet, streamed: shared strings are cached, rows are not. */
async function openXlsx(bytes: Uint8Array): Promise<OpenedSheet> {
  const reader = new Utf8SafeWorkbookReader(Readable.from([Buffer.from(bytes)]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'emit',
  })
  const sheets = reader[Symbol.asyncIterator]()
  const rowsOf = async function* () {
    let sheet: Awaited<ReturnType<typeof sheets.next>>
    try {
      sheet = await sheets.next()
    } catch {
      throw errors.importUnreadable({ reason: 'xlsx' })
    }
    if (sheet.done) return
    try {
      for await (const row of sheet.value) {
        const cells: Cell[] = []
        row.eachCell({ includeEmpty: true }, (cell, column) => {
          cells[column - 1] = xlsxCell(cell.value)
        })
        for (let i = 0; i < cells.length; i++) cells[i] ??= ''
        yield { line: row.number, cells }
      }
      // The workbook reader waits for its other entries to be drained.
      for (;;) {
        const rest = await sheets.next()
        if (rest.done) break
        for await (const _ of rest.value) {
          // another worksheet: not read
        }
      }
    } catch (error) {
      if (error instanceof Error && 'status' in error) throw error
      throw errors.importUnreadable({ reason: 'xlsx' })
    }
  }
  const all = rowsOf()
  const first = await all.next()
  if (first.done) throw errors.importUnreadable({ reason: 'empty' })
  const headers = first.value.cells.map((c) => (typeof c === 'string' ? c.trim() : ''))
  return {
    format: 'xlsx',
    encoding: null,
    headers,
    rows: {
      async *[Symbol.asyncIterator]() {
        yield* all
      },
    },
  }
}
