import type { Locale } from '@haven/core/i18n/locales'
import { reportSlug, reportTitle } from '@haven/core/report/report-template'
import { fiscalYear } from '@haven/core/site/fiscal-year'
import { documentPath } from '@haven/core/site/site-paths'
import type { AppContext } from '../../app-context.js'
import type { FigureUnit } from '../../figures.js'
import { figureCatalogue } from './report-compile.js'
import type { FrozenFigure } from './report-pdf.js'
import { findPublication } from './report-store.js'

/** A single figure of a published annual report, as the public read it. */
export interface PublishedFigure {
  readonly key: string
  /** The module that offers the figure (`shelters`, `supplies`…). */
  readonly module: string
  readonly unit: FigureUnit
  readonly label: Readonly<Record<Locale, string>>
  /** The number the report showed (after the disclosure engine's rounding). */
  readonly value: number
}

/** One cell of a published figure as the public read it (never the true value behind it). */
export interface PublishedCell {
  /** The cell's categories (`CNY`, `route × year`); null for the figure's total. */
  readonly label: string | null
  /** The number shown, or null when the report showed words or a dash. */
  readonly value: number | null
  /** What the report printed, in each language ("12", "a few", "数名"). */
  readonly text: Readonly<Record<Locale, string>>
}

/** A published figure with every cell as published. */
export interface PublishedTable {
  readonly key: string
  readonly module: string
  readonly unit: FigureUnit
  readonly label: Readonly<Record<Locale, string>>
  readonly cells: readonly PublishedCell[]
}

/** Whether a frozen figure was a single number (one category, `all`, compiled as a table). */
function isSingle(f: FrozenFigure): boolean {
  const categories = f.cells.filter((c) => c.label)
  return categories.length === 1 && categories[0]?.label === 'all'
}

/** A fiscal year's published report: where the site shows it, its title, and its figures. */
export interface PublishedReport {
  /** The site's path of the report, without the language (`/reports/activity-report-fy2005`). */
  readonly path: string
  readonly title: Readonly<Record<Locale, string>>
  readonly figures: readonly PublishedFigure[]
  /** Every figure with all its cells as published (totals and categories, words included). */
  readonly tables: readonly PublishedTable[]
}

/**
 * A fiscal year's published report, with the figures it showed as numbers: each figure's total
 * as frozen at publication (what the public read, never the true count behind it, never a live
 * count). Figures shown in words ("a few") or suppressed are left out. Null when not published.
 */
export async function publishedReport(
  app: AppContext,
  year: number,
): Promise<PublishedReport | null> {
  const publication = await findPublication(app.database.db, year)
  if (!publication) return null
  const catalogue = new Map(figureCatalogue(app.modules).map((e) => [e.figure.key, e]))
  const frozen = JSON.parse(publication.figures_json) as FrozenFigure[]
  const figures: PublishedFigure[] = []
  const tables: PublishedTable[] = []
  for (const f of frozen) {
    const entry = catalogue.get(f.key)
    if (entry)
      tables.push({
        key: f.key,
        module: entry.module,
        unit: entry.figure.unit,
        label: entry.figure.label,
        // A single number is compiled as a one-cell table ('all') with its total: the public
        // read the total only (report-compile's figureText), so only the total is kept.
        cells: (isSingle(f) ? f.cells.filter((c) => !c.label) : f.cells).map((c) => ({
          label: c.label ?? null,
          value: typeof c.shown === 'number' ? c.shown : null,
          text: c.public,
        })),
      })
    const total = f.cells.find((c) => !c.label)
    if (!entry || !total || typeof total.shown !== 'number') continue
    figures.push({
      key: f.key,
      module: entry.module,
      unit: entry.figure.unit,
      label: entry.figure.label,
      value: total.shown,
    })
  }
  const label = fiscalYear(year).label
  return {
    path: documentPath('report', reportSlug(year)),
    title: { en: reportTitle(label, 'en').title, ja: reportTitle(label, 'ja').title },
    figures,
    tables,
  }
}
