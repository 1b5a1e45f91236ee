/**
 * The annual report's PDF (the figure: a 12-page report in ≤ 5 s): a published text of
 * the seed report's shape — headings, paragraphs, lists and figure tables — repeated until it
 * fills at least 12 A4 pages, rendered in English and Japanese (fonts embedded and subset) with
 * its charts, as the site stores it at publication. Pages are counted with `pdfinfo`.
 *   node --import tsx bench/report-pdf.ts
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type FrozenFigure, reportPdf } from '../packages/server/src/modules/report/index.js'
import { percentile, printHeader, table } from './support/bench-env.js'

const ROUNDS = Number(process.env.HAVEN_BENCH_ROUNDS ?? 5)
const SECTIONS = Number(process.env.HAVEN_BENCH_SECTIONS ?? 17)

const section = (n: number, ja: boolean) =>
  [
    ja ? `## 第${n}節 シェルターと食料支援` : `## Section ${n}: shelters and food`,
    ja
      ? '今年度も中国国内の3か所のシェルターで、保護を必要とする人々に食料と衣類を届けました。安全のため、具体的な名前や数は伏せています。'.repeat(
          3,
        )
      : 'This year again our three shelters in China gave food and clothes to people who needed protection. For their safety we withhold specific names and specific numbers. '.repeat(
          3,
        ),
    ja
      ? '- 衣類500セット\n- 救急キット80個\n- 帰還者への支援'
      : '- 500 sets of clothes\n- 80 first-aid kits\n- support for returnees',
    `| ${ja ? '月' : 'Month'} | ${ja ? '延べ人日' : 'Meal-days'} |\n| --- | ---: |\n${Array.from({ length: 12 }, (_, m) => `| 2005-${String(((m + 3) % 12) + 1).padStart(2, '0')} | ${600 + m * 7} |`).join('\n')}`,
  ].join('\n\n')

const text = (ja: boolean) =>
  [
    ja ? '# 活動報告 2005年度' : '# Activity Report – Fiscal Year 2005-2006',
    ...Array.from({ length: SECTIONS }, (_, i) => section(i + 1, ja)),
  ].join('\n\n')

const figures: FrozenFigure[] = [
  {
    key: 'supplies.food.person-days.by-month',
    cells: Array.from({ length: 12 }, (_, m) => ({
      key: String(m),
      label: `2005-${String(((m + 3) % 12) + 1).padStart(2, '0')}`,
      level: 0,
      trueValue: 600 + m * 7,
      shown: 600 + m * 7,
      public: { en: String(600 + m * 7), ja: String(600 + m * 7) },
    })),
  },
]

const publication = {
  fiscal_year: 2005,
  text_en: text(false),
  text_ja: text(true),
  figures_json: JSON.stringify(figures),
}

printHeader(`Annual report PDF, ${SECTIONS} sections (${ROUNDS} renders per language)`)
const rows = [['language', 'pages', 'bytes', 'p50 ms', 'max ms']]
for (const locale of ['en', 'ja'] as const) {
  const times: number[] = []
  let bytes: Uint8Array = new Uint8Array()
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now()
    bytes = await reportPdf(publication, [], locale)
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  const file = join(mkdtempSync(join(tmpdir(), 'haven-bench-pdf-')), 'report.pdf')
  writeFileSync(file, bytes)
  const pages = /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]
  rows.push([
    locale,
    pages ?? '?',
    String(bytes.byteLength),
    percentile(times, 50).toFixed(0),
    (times.at(-1) ?? Number.NaN).toFixed(0),
  ])
}
console.log(table(rows))
