import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { decodeCsv, openSheet } from './spreadsheet-reader.js'

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

describe('decodeCsv', () => {
  // 日本 in Shift_JIS, and 髙 (a Windows-31J extension that real Japanese files hold).
  const sjis = new Uint8Array([0x93, 0xfa, 0x96, 0x7b, 0xfb, 0xfc])
  it('reads UTF-8, and Shift_JIS when the bytes are not UTF-8', () => {
    expect(decodeCsv(new TextEncoder().encode('\ufeff名前'), 'auto')).toEqual({
      text: '名前',
      encoding: 'utf-8',
    })
    expect(decodeCsv(sjis, 'auto')).toEqual({ text: '日本髙', encoding: 'shift_jis' })
    expect(decodeCsv(sjis, 'shift_jis').text).toBe('日本髙')
  })
  it('refuses bytes that are not what the person said they are', () => {
    expect(() => decodeCsv(sjis, 'utf-8')).toThrow('import_unreadable')
  })
})
