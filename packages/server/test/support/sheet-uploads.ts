import ExcelJS from 'exceljs'
import type { AppContext } from '../../src/app-context.js'
import { testApps } from './test-app.js'

/** An XLSX workbook made by a real writer, so formulas and dates are stored as Excel stores them. */
export async function workbook(
  rows: readonly (readonly ExcelJS.CellValue[])[],
): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('Sheet1')
  for (const row of rows) sheet.addRow([...row])
  return new Uint8Array(await book.xlsx.writeBuffer())
}

/** A CSV as UTF-8 bytes. */
export const utf8 = (text: string) => new TextEncoder().encode(text)

/**
 * Sends a spreadsheet to an import route as the app does: the file itself as the body, the
 * options in the query, signed in with `as` (the session's headers).
 */
export function uploadSheet(
  app: AppContext,
  path: string,
  query: Record<string, string>,
  as: Record<string, string>,
  file: Uint8Array,
) {
  return testApps(app).staff.request(`/api/v1${path}?${new URLSearchParams(query)}`, {
    method: 'POST',
    headers: { ...as, 'Content-Type': 'application/octet-stream' },
    body: file as Uint8Array<ArrayBuffer>,
  })
}
