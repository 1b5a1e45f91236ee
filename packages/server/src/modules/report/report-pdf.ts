import type { Locale } from '@haven/core/i18n/locales'
import { translate } from '@haven/core/i18n/translate'
import { reportTitle } from '@haven/core/report/report-template'
import { fiscalYear } from '@haven/core/site/fiscal-year'
import { type PdfBlock, renderPdf } from '../../pdf/pdf-document.js'
import type { CatalogueEntry } from './report-compile.js'

/** One cell of a published figure as frozen at publication (report-service `frozenFigures`). */
export interface FrozenCell {
  readonly key: string
  /** The cell's categories (`CNY`, `route × year`); null for the figure's total. */
  readonly label?: string | null
  readonly level?: number
  readonly trueValue: number
  /** The number the public reads, or null when it reads words or a dash. */
  readonly shown?: number | null
  readonly public: Readonly<Record<Locale, string>>
}

export interface FrozenFigure {
  readonly key: string
  readonly cells: readonly FrozenCell[]
}

/** Markdown inline marks a PDF does not draw: emphasis, code, links (their text stays). */
function plain(text: string): string {
  return text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*\*|__|`/g, '')
    .replace(/(^|\s)[*_]([^*_]+)[*_]/g, '$1$2')
    .trim()
}

const cellsOf = (line: string) =>
  line
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((c) => plain(c))

/**
 * The published Markdown as PDF blocks: headings, paragraphs, lists and tables (the same
 * Markdown the site renders; nothing else is in a published text).
 */
export function markdownBlocks(markdown: string): PdfBlock[] {
  const blocks: PdfBlock[] = []
  const groups = markdown.replace(/\r\n/g, '\n').split(/\n\s*\n/)
  for (const group of groups) {
    const lines = group.split('\n').filter((l) => l.trim() !== '')
    if (lines.length === 0) continue
    if (lines.every((l) => l.trim().startsWith('|'))) {
      const [head, ...rest] = lines
      const rows = rest.filter((l) => !/^\s*\|?\s*:?-{3,}/.test(l)).map(cellsOf)
      blocks.push({ kind: 'table', head: cellsOf(head ?? ''), rows })
      continue
    }
    let paragraph: string[] = []
    const flush = () => {
      if (paragraph.length > 0) blocks.push({ kind: 'paragraph', text: plain(paragraph.join(' ')) })
      paragraph = []
    }
    for (const line of lines) {
      const heading = /^(#{1,6})\s+(.*)$/.exec(line.trim())
      const item = /^\s*(?:[-*+]|\d+[.)])\s+(.*)$/.exec(line)
      if (heading) {
        flush()
        const text = plain(heading[2] ?? '')
        blocks.push(heading[1] === '#' ? { kind: 'heading', text } : { kind: 'subheading', text })
      } else if (item) {
        flush()
        blocks.push({ kind: 'paragraph', text: `• ${plain(item[1] ?? '')}` })
      } else paragraph.push(line.trim())
    }
    flush()
  }
  return blocks
}

/**
 * A chart for every published figure with several categories: each bar is the number the public
 * reads (words and dashes draw no bar), so the charts say nothing the tables do not.
 */
export function chartBlocks(
  figures: readonly FrozenFigure[],
  catalogue: readonly CatalogueEntry[],
  locale: Locale,
): PdfBlock[] {
  const labels = new Map(catalogue.map((e) => [e.figure.key, e.figure.label[locale]]))
  const charts = figures.flatMap((f): PdfBlock[] => {
    const categories = f.cells.filter((c) => (c.level ?? 0) === 0 && c.label)
    if (categories.length < 2) return []
    return [
      {
        kind: 'barChart',
        title: labels.get(f.key) ?? f.key,
        bars: categories.map((c) => ({
          label: c.label ?? '',
          value: c.shown ?? null,
          text: c.public[locale],
        })),
      },
    ]
  })
  return charts.length === 0
    ? []
    : [{ kind: 'subheading', text: translate(locale, 'report.pdf_charts') }, ...charts]
}

/** The published report as an A4 PDF in one language, fonts embedded (Japanese included). */
export function reportPdf(
  publication: { fiscal_year: number; text_en: string; text_ja: string; figures_json: string },
  catalogue: readonly CatalogueEntry[],
  locale: Locale,
): Promise<Uint8Array> {
  const { title } = reportTitle(fiscalYear(publication.fiscal_year).label, locale)
  const text = locale === 'ja' ? publication.text_ja : publication.text_en
  const figures = JSON.parse(publication.figures_json) as FrozenFigure[]
  const body = markdownBlocks(text)
  const startsWithHeading = body[0]?.kind === 'heading'
  return renderPdf({
    title,
    lang: locale,
    blocks: [
      ...(startsWithHeading ? [] : [{ kind: 'heading', text: title } as const]),
      ...body,
      ...chartBlocks(figures, catalogue, locale),
    ],
  })
}
