import { createReadStream } from 'node:fs'
import { Readable, Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
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

/** Where a sheet's bytes come from: opened anew for each reading (an import reads a file twice). */
export interface SheetSource {
  open(): Readable
}

/** A sheet already in memory (tests, small files). */
export const bytesSource = (bytes: Uint8Array): SheetSource => ({
  open: () => Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]),
})

/** A sheet in a file, read in chunks (the CLI). */
export const fileSource = (path: string): SheetSource => ({
  open: () => createReadStream(path, { highWaterMark: 256 * 1024 }),
})

/** An uploaded sheet (its size known) or one read from a file or memory. */
export type ImportFile = (SheetSource & { size?: number }) | Uint8Array

/** The file to import, or 422 `import_unreadable` (empty) when nothing was sent. */
export function uploadedSheet(file: ImportFile | undefined): SheetSource | Uint8Array {
  const size = file === undefined ? 0 : file instanceof Uint8Array ? file.byteLength : file.size
  if (file === undefined || size === 0) throw errors.importUnreadable({ reason: 'empty' })
  return file
}

/** The first `n` bytes of the source (fewer when it is shorter). */
async function headOf(source: SheetSource, n: number): Promise<Uint8Array> {
  const stream = source.open()
  const parts: Buffer[] = []
  let length = 0
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      parts.push(chunk)
      length += chunk.byteLength
      if (length >= n) break
    }
  } finally {
    stream.destroy()
  }
  return Buffer.concat(parts).subarray(0, n)
}

const isZip = (bytes: Uint8Array) =>
  bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04

/** Whether every byte of the stream is UTF-8 (read through once, in chunks). */
async function isUtf8(stream: Readable): Promise<boolean> {
  const decoder = new TextDecoder('utf-8', { fatal: true })
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>)
      decoder.decode(chunk, { stream: true })
    decoder.decode()
    return true
  } catch (error) {
    if (error instanceof TypeError) return false
    throw error
  } finally {
    stream.destroy()
  }
}

/**
 * How a CSV's bytes are text. Japanese Excel saves CSV in Shift_JIS (Windows-31J) without
 * saying so: in `auto`, a file that is not valid UTF-8 is read as Shift_JIS, which WHATWG's
 * decoder treats as Windows-31J (the ① and 髙 of real files included). A file marked as UTF-8
 * (a byte order mark) or said to be UTF-8 must be UTF-8.
 */
export async function csvEncoding(
  source: SheetSource,
  choice: TextEncodingChoice,
): Promise<'utf-8' | 'shift_jis'> {
  if (choice === 'shift_jis') return 'shift_jis'
  if (await isUtf8(source.open())) return 'utf-8'
  const head = await headOf(source, 3)
  const hasBom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf
  if (choice === 'utf-8' || hasBom) throw errors.importUnreadable({ reason: 'encoding' })
  return 'shift_jis'
}

/** Decodes chunks as they come (a character split between two chunks stays whole). */
function decoding(encoding: 'utf-8' | 'shift_jis'): Transform {
  const decoder = new TextDecoder(encoding)
  return new Transform({
    readableObjectMode: false,
    transform(chunk: Buffer, _encoding, done) {
      done(null, decoder.decode(chunk, { stream: true }))
    },
    flush(done) {
      done(null, decoder.decode())
    },
  })
}

/** Opens a CSV or XLSX file (told apart by their bytes, not their name) for reading row by row. */
export async function openSheet(
  source: SheetSource | Uint8Array,
  encoding: TextEncodingChoice = 'auto',
): Promise<OpenedSheet> {
  const from = source instanceof Uint8Array ? bytesSource(source) : source
  const head = await headOf(from, 4)
  if (head.byteLength === 0) throw errors.importUnreadable({ reason: 'empty' })
  return isZip(head) ? openXlsx(from) : openCsv(from, encoding)
}

async function openCsv(source: SheetSource, choice: TextEncodingChoice): Promise<OpenedSheet> {
  const encoding = await csvEncoding(source, choice)
  const parser = parse({ relax_column_count: true, skip_empty_lines: true, info: true })
  // A failure of the file or the decoder ends the parser with it, so the reading loop sees it.
  pipeline(source.open(), decoding(encoding), parser).catch(() => undefined)
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
        try {
          for (;;) {
            const item = await next()
            if (item.done) return
            yield { line: item.value.info.lines, cells: item.value.record }
          }
        } finally {
          parser.destroy()
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
async function openXlsx(source: SheetSource): Promise<OpenedSheet> {
  const reader = new Utf8SafeWorkbookReader(source.open(), {
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
