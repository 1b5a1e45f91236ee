import { existsSync } from 'node:fs'
import PDFDocument from 'pdfkit'

/**
 * The platform's PDF service: a module describes a document as blocks of text (receipts,
 * sponsorship letters, the annual report) and gets the bytes of an A4 PDF with the fonts it
 * needs embedded as subsets, Japanese included. Modules never touch the PDF library.
 *
 *     const bytes = await renderPdf({ title: '寄付金受領証明書', lang: 'ja', blocks: [
 *       { kind: 'heading', text: '寄付金受領証明書' },
 *       { kind: 'fields', rows: [['受領番号', '2025-0001'], ['金額', '￥500,000']] },
 *     ] })
 */
export interface PdfSpec {
  /** The document's title (its metadata, shown by readers). */
  readonly title: string
  /** BCP 47 language of the text (`ja`, `en`), for the document's metadata. */
  readonly lang: string
  readonly blocks: readonly PdfBlock[]
}

export type PdfBlock =
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string }
  /** Label and value pairs, one a line. */
  | { readonly kind: 'fields'; readonly rows: readonly (readonly [string, string])[] }
  /** Vertical space, in points. */
  | { readonly kind: 'space'; readonly points: number }
  /** What follows starts on a new page (one letter a page in a mail-merge). */
  | { readonly kind: 'pageBreak' }
  /** A section's title, smaller than the document's heading and left-aligned. */
  | { readonly kind: 'subheading'; readonly text: string }
  /** A table with column heads; columns after the first are right-aligned (figures). */
  | {
      readonly kind: 'table'
      readonly head: readonly string[]
      readonly rows: readonly (readonly string[])[]
    }
  /**
   * A horizontal bar chart drawn as vectors (sharp at any zoom, text still copyable). A bar
   * without a value (a count the public may not see) shows only its text, so the chart never
   * reveals more than its data table.
   */
  | { readonly kind: 'barChart'; readonly title: string; readonly bars: readonly PdfBar[] }

export interface PdfBar {
  readonly label: string
  /** The public value the bar's length shows; null draws no bar. */
  readonly value: number | null
  /** What is printed after the bar (the public number or words). */
  readonly text: string
}

const PAGE_BOTTOM = 842 - 56

/**
 * Noto Sans CJK (Debian's fonts-noto-cjk) covers Japanese, Chinese, Korean and Latin, so one font
 * serves every language Haven speaks; `HAVEN_PDF_FONT` names another TrueType/OpenType file
 * (with `HAVEN_PDF_FONT_NAME` for a collection).
 */
const DEFAULT_FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'
const DEFAULT_FONT_NAME = 'NotoSansCJKjp-Regular'

export class PdfFontMissing extends Error {
  override name = 'PdfFontMissing'
}

function font(): { path: string; name: string | undefined } {
  const path = process.env.HAVEN_PDF_FONT ?? DEFAULT_FONT
  if (!existsSync(path))
    throw new PdfFontMissing(
      `The PDF font ${path} is missing: install Debian's fonts-noto-cjk or set HAVEN_PDF_FONT.`,
    )
  const name = process.env.HAVEN_PDF_FONT ? process.env.HAVEN_PDF_FONT_NAME : DEFAULT_FONT_NAME
  return { path, name }
}

/** Renders the document; the bytes are deterministic apart from the creation date. */
export function renderPdf(spec: PdfSpec): Promise<Uint8Array> {
  const { path, name } = font()
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    lang: spec.lang,
    info: { Title: spec.title, Producer: 'Haven', Creator: 'Haven' },
    displayTitle: true,
  })
  const chunks: Buffer[] = []
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))))
    doc.on('error', reject)
  })
  if (name) doc.font(path, name)
  else doc.font(path)
  for (const block of spec.blocks) {
    switch (block.kind) {
      case 'heading':
        doc.fontSize(18).text(block.text, { align: 'center' }).moveDown(0.8)
        break
      case 'paragraph':
        doc.fontSize(11).text(block.text, { lineGap: 3 }).moveDown(0.6)
        break
      case 'fields':
        for (const [label, value] of block.rows)
          doc.fontSize(11).text(`${label}：${value}`, { lineGap: 3 })
        doc.moveDown(0.6)
        break
      case 'space':
        doc.moveDown(block.points / 12)
        break
      case 'pageBreak':
        doc.addPage()
        break
      case 'subheading':
        doc.fontSize(14).text(block.text, { align: 'left' }).moveDown(0.4)
        break
      case 'table':
        drawTable(doc, block.head, block.rows)
        break
      case 'barChart':
        drawBarChart(doc, block.title, block.bars)
        break
    }
  }
  doc.end()
  return done
}

type Doc = InstanceType<typeof PDFDocument>

/** Starts a new page when `height` points would run past the bottom margin. */
function room(doc: Doc, height: number): void {
  if (doc.y + height > PAGE_BOTTOM) doc.addPage()
}

function drawTable(doc: Doc, head: readonly string[], rows: readonly (readonly string[])[]): void {
  const left = doc.page.margins.left
  const width = doc.page.width - left - doc.page.margins.right
  const columns = Math.max(1, head.length)
  // The first column names the row and gets the most room; figures share the rest.
  const first = columns === 1 ? width : Math.max(width * 0.45, width / columns)
  const other = columns === 1 ? 0 : (width - first) / (columns - 1)
  const line = (cells: readonly string[], size: number) => {
    doc.fontSize(size)
    const heights = cells.map((c, i) =>
      doc.heightOfString(c, { width: (i === 0 ? first : other) - 6 }),
    )
    const height = Math.max(14, ...heights)
    room(doc, height + 4)
    const y = doc.y
    cells.forEach((c, i) => {
      const x = i === 0 ? left : left + first + (i - 1) * other
      doc.text(c, x, y, { width: (i === 0 ? first : other) - 6, align: i === 0 ? 'left' : 'right' })
    })
    doc.x = left
    doc.y = y + height + 4
  }
  line(head, 10)
  doc
    .moveTo(left, doc.y - 2)
    .lineTo(left + width, doc.y - 2)
    .lineWidth(0.5)
    .stroke()
  for (const row of rows) line(row, 10)
  doc.moveDown(0.6)
}

function drawBarChart(doc: Doc, title: string, bars: readonly PdfBar[]): void {
  const left = doc.page.margins.left
  const width = doc.page.width - left - doc.page.margins.right
  const labelWidth = width * 0.35
  const textWidth = width * 0.2
  const barArea = width - labelWidth - textWidth
  const rowHeight = 16
  room(doc, 24 + rowHeight * Math.min(bars.length, 4))
  doc.fontSize(11).text(title, left, doc.y).moveDown(0.3)
  const most = Math.max(0, ...bars.map((b) => b.value ?? 0))
  for (const bar of bars) {
    room(doc, rowHeight)
    const y = doc.y
    doc.fontSize(9).text(bar.label, left, y + 2, { width: labelWidth - 6, lineBreak: false })
    const length = bar.value !== null && most > 0 ? (barArea * bar.value) / most : 0
    if (length > 0)
      doc
        .rect(left + labelWidth, y + 2, Math.max(1, length), rowHeight - 6)
        .fill('#2f6f8f')
        .fillColor('black')
    doc.text(bar.text, left + labelWidth + length + 4, y + 2, {
      width: textWidth + barArea - length - 4,
      lineBreak: false,
    })
    doc.x = left
    doc.y = y + rowHeight
  }
  doc.moveDown(0.6)
}
