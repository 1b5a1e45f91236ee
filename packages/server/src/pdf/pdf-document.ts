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
    }
  }
  doc.end()
  return done
}
