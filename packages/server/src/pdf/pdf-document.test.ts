import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { renderPdf } from './pdf-document.js'

const CI = process.env.CI === 'true'
const haveTools = existsSync('/usr/bin/pdftotext')

/** The text a reader would copy out of the PDF (poppler's pdftotext). */
function textOf(bytes: Uint8Array): string {
  const file = join(mkdtempSync(join(tmpdir(), 'haven-pdf-')), 'doc.pdf')
  writeFileSync(file, bytes)
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
}

describe('the PDF service', () => {
  it.skipIf(!haveTools && !CI)(
    'writes Japanese and English text that a reader can copy',
    async () => {
      const bytes = await renderPdf({
        title: '寄付金受領証明書',
        lang: 'ja',
        blocks: [
          { kind: 'heading', text: '寄付金受領証明書' },
          {
            kind: 'fields',
            rows: [
              ['受領番号', '2025-0001'],
              ['金額', '￥500,000'],
            ],
          },
          { kind: 'paragraph', text: 'Donation receipt — thank you.' },
        ],
      })
      expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-')
      // Subset fonts: the whole CJK collection is 20 MB; the document stays small.
      expect(bytes.length).toBeLessThan(200_000)
      const text = textOf(bytes)
      expect(text).toContain('寄付金受領証明書')
      expect(text).toContain('受領番号：2025-0001')
      expect(text).toContain('￥500,000')
      expect(text).toContain('Donation receipt — thank you.')
    },
  )

  it.skipIf(!haveTools && !CI)(
    'draws tables and bar charts whose labels and figures a reader can copy',
    async () => {
      const bytes = await renderPdf({
        title: '活動報告',
        lang: 'ja',
        blocks: [
          { kind: 'subheading', text: '帰還者の経路' },
          {
            kind: 'table',
            head: ['経路', '人数'],
            rows: [
              ['UNHCR', '数名'],
              ['領事館', '12人'],
            ],
          },
          {
            kind: 'barChart',
            title: '経路別',
            bars: [
              { label: 'UNHCR', value: null, text: '数名' },
              { label: '領事館', value: 12, text: '12人' },
            ],
          },
        ],
      })
      const text = textOf(bytes)
      expect(text).toContain('帰還者の経路')
      expect(text).toMatch(/領事館\s+12人/)
      expect(text).toContain('経路別')
      expect(text).toMatch(/UNHCR\s+数名/)
    },
  )
})
