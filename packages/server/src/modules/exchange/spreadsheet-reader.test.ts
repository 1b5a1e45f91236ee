import { Readable } from 'node:stream'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { bytesSource, csvEncoding, openSheet } from './spreadsheet-reader.js'

const NAMES = ['キム ミョンファ', '김명화', '金明花', 'パク チョル', '박철', '朴哲']

async function rowsOf(bytes: Uint8Array) {
  const sheet = await openSheet(bytes)
  const rows: unknown[][] = []
  for await (const row of sheet.rows) rows.push(row.cells)
  return { sheet, rows }
}

describe('openSheet', () => {
  it.each([
    ['shared strings', true],
    ['inline strings', false],
  ])(
    'keeps every kana, Hangul and Hanzi character whole across chunks (%s)',
    async (_, shared) => {
      const book = new ExcelJS.Workbook()
      const sheet = book.addWorksheet('People')
      sheet.addRow(['name'])
      // Enough text that the XML spans many 16 KiB chunks, so some character straddles two.
      for (let i = 0; i < 4000; i++) sheet.addRow([`${NAMES[i % NAMES.length]}${i}`])
      const bytes = shared
        ? new Uint8Array(await book.xlsx.writeBuffer())
        : new Uint8Array(await book.xlsx.writeBuffer({ useSharedStrings: false }))
      const { rows } = await rowsOf(bytes)
      expect(rows).toHaveLength(4000)
      expect(rows.filter((r) => String(r[0]).includes('\ufffd'))).toEqual([])
      expect(rows[3999]).toEqual([`${NAMES[3999 % NAMES.length]}3999`])
    },
    60_000,
  )

  it('keeps formulas as formulas and dates as ISO days', async () => {
    const book = new ExcelJS.Workbook()
    const sheet = book.addWorksheet('People')
    sheet.addRow(['name', 'birth'])
    sheet.addRow([{ formula: 'A1&"x"', result: 'namex' }, new Date(Date.UTC(1985, 3, 3))])
    const { sheet: opened, rows } = await rowsOf(new Uint8Array(await book.xlsx.writeBuffer()))
    expect(opened).toMatchObject({ format: 'xlsx', headers: ['name', 'birth'] })
    expect(rows).toEqual([[{ formula: 'A1&"x"' }, '1985-04-03']])
  })
})

describe('csvEncoding', () => {
  // 日本 in Shift_JIS, and 髙 (a Windows-31J extension that real Japanese files hold).
  const sjis = new Uint8Array([0x93, 0xfa, 0x96, 0x7b, 0xfb, 0xfc])
  const cells = async (bytes: Uint8Array) => {
    const sheet = await openSheet(bytes)
    return { encoding: sheet.encoding, headers: sheet.headers }
  }
  it('reads UTF-8, and Shift_JIS when the bytes are not UTF-8', async () => {
    expect(await cells(new TextEncoder().encode('\ufeff名前'))).toEqual({
      encoding: 'utf-8',
      headers: ['名前'],
    })
    expect(await cells(sjis)).toEqual({ encoding: 'shift_jis', headers: ['日本髙'] })
    expect(await csvEncoding(bytesSource(sjis), 'shift_jis')).toBe('shift_jis')
  })
  it('refuses bytes that are not what the person said they are', async () => {
    await expect(csvEncoding(bytesSource(sjis), 'utf-8')).rejects.toThrow('import_unreadable')
  })
  it('keeps a character whole when it straddles two chunks of a streamed file', async () => {
    const text = `名前\n${'髙橋'.repeat(5000)}\n`
    const bytes = new Uint8Array(Buffer.from(text, 'utf-8'))
    // Chunks of 7 bytes: every 3-byte character is split somewhere.
    const source = {
      open: () =>
        Readable.from(
          Array.from({ length: Math.ceil(bytes.length / 7) }, (_, i) =>
            Buffer.from(bytes.subarray(i * 7, i * 7 + 7)),
          ),
        ),
    }
    const sheet = await openSheet(source)
    const rows: unknown[][] = []
    for await (const row of sheet.rows) rows.push(row.cells)
    expect(rows).toEqual([['髙橋'.repeat(5000)]])
  })
})
