import { formatDate } from '@haven/core/i18n/format'
import { LOCALES, type Locale } from '@haven/core/i18n/locales'
import { translate } from '@haven/core/i18n/translate'
import { reportSlug, reportTitle } from '@haven/core/report/report-template'
import { fiscalYear } from '@haven/core/site/fiscal-year'
import type { AppContext } from '../../app-context.js'
import type { Actorish } from '../../audit/audit-log.js'
import type { Db } from '../../db/db-handle.js'
import { publishActivityReportPdfs, republishActivityReport } from '../cms/index.js'
import { figureCatalogue, releaseId } from './report-compile.js'
import { type FrozenFigure, reportPdf } from './report-pdf.js'
import { findPublication, updatePublicationTexts } from './report-store.js'
import type { ReportPublicationsTable } from './report-tables.js'

/**
 * The year-over-year comparison appended to a published report: each single figure both years
 * published, as the public read it then and reads it now. Both columns are already public, so
 * the table discloses nothing new. Empty when there is no previous publication.
 */
export function yearOverYear(
  app: AppContext,
  year: number,
  now: readonly FrozenFigure[],
  before: readonly FrozenFigure[] | undefined,
  locale: Locale,
): string {
  if (!before) return ''
  const previous = new Map(before.map((f) => [f.key, f]))
  const labels = new Map(figureCatalogue(app.modules).map((e) => [e.figure.key, e.figure.label]))
  const total = (f: FrozenFigure) => f.cells.find((c) => !c.label)?.public[locale]
  const rows = now.flatMap((f) => {
    const then = previous.get(f.key)
    const a = then ? total(then) : undefined
    const b = total(f)
    if (a === undefined || b === undefined) return []
    return [`| ${labels.get(f.key)?.[locale] ?? f.key} | ${a} | ${b} |`]
  })
  if (rows.length === 0) return ''
  const label = (y: number) => fiscalYear(y).label
  const head = `| ${translate(locale, 'report.yoy_figure')} | ${label(year - 1)} | ${label(year)} |`
  return [
    `\n\n## ${translate(locale, 'report.yoy_title', { previous: label(year - 1) })}\n`,
    head,
    '| --- | ---: | ---: |',
    ...rows,
    '',
  ].join('\n')
}

/** A correction says so, with the date it was published, in both languages. */
export function correctedNote(correction: number, publishedAt: string, locale: Locale): string {
  return correction > 0
    ? `\n\n*${translate(locale, 'report.corrected_note', { date: formatDate(locale, publishedAt.slice(0, 10)) })}*\n`
    : ''
}

/** A publication's full public text: its narrative, the comparison with the year before, the note. */
export function publicText(
  app: AppContext,
  year: number,
  narrative: string,
  figures: readonly FrozenFigure[],
  before: readonly FrozenFigure[] | undefined,
  correction: number,
  publishedAt: string,
  locale: Locale,
): string {
  return (
    narrative +
    yearOverYear(app, year, figures, before, locale) +
    correctedNote(correction, publishedAt, locale)
  )
}

/**
 * Renders a release's PDF in every language from its frozen text and figures and puts them on
 * the website beside the report's page (a new row per release: earlier PDFs stay as published).
 */
export async function publishReleasePdfs(
  app: AppContext,
  db: Db,
  publication: ReportPublicationsTable,
): Promise<void> {
  const catalogue = figureCatalogue(app.modules)
  const release = releaseId(publication.fiscal_year, publication.correction)
  const files = []
  for (const locale of LOCALES)
    files.push({
      locale,
      fileName: `${release.replace('annual-report', 'activity-report')}-${locale}.pdf`,
      bytes: await reportPdf(publication, catalogue, locale),
    })
  await publishActivityReportPdfs(app, db, {
    fiscalYear: publication.fiscal_year,
    release,
    files,
  })
}

/**
 * After a correction of `year` is published, the next year's report (when published) compares
 * with the corrected figures: its comparison table is rebuilt from both frozen publications,
 * and its page and PDF get the new text as a new revision. Its own figures do not change, and
 * both columns are public, so this is no new release for the disclosure ledger.
 */
export async function refreshNextComparison(
  app: AppContext,
  db: Db,
  year: number,
  corrected: readonly FrozenFigure[],
  by: Actorish,
): Promise<boolean> {
  const next = await findPublication(db, year + 1)
  if (!next || next.narrative_en == null || next.narrative_ja == null) return false
  const narrative = { en: next.narrative_en, ja: next.narrative_ja }
  const figures = JSON.parse(next.figures_json) as FrozenFigure[]
  const text = (locale: Locale) =>
    publicText(
      app,
      year + 1,
      narrative[locale],
      figures,
      corrected,
      next.correction,
      next.published_at,
      locale,
    )
  const texts = { en: text('en'), ja: text('ja') }
  if (texts.en === next.text_en && texts.ja === next.text_ja) return false
  await updatePublicationTexts(db, year + 1, texts)
  const label = fiscalYear(year + 1).label
  await republishActivityReport(
    app,
    db,
    {
      fiscalYear: year + 1,
      slug: reportSlug(year + 1),
      documents: LOCALES.map((locale) => ({
        locale,
        ...reportTitle(label, locale),
        body: texts[locale],
      })),
    },
    by,
  )
  await publishReleasePdfs(app, db, { ...next, text_en: texts.en, text_ja: texts.ja })
  return true
}
