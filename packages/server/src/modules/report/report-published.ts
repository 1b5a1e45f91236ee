import type { Locale } from '@haven/core/i18n/locales'
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

/**
 * The figures a fiscal year's published report showed as numbers: each figure's total as frozen
 * at publication (what the public read, never the true count behind it, never a live count).
 * Figures shown in words ("a few") or suppressed are left out. Null when nothing is published.
 */
export async function publishedFigures(
  app: AppContext,
  year: number,
): Promise<PublishedFigure[] | null> {
  const publication = await findPublication(app.database.db, year)
  if (!publication) return null
  const catalogue = new Map(figureCatalogue(app.modules).map((e) => [e.figure.key, e]))
  const figures = JSON.parse(publication.figures_json) as FrozenFigure[]
  const result: PublishedFigure[] = []
  for (const f of figures) {
    const entry = catalogue.get(f.key)
    const total = f.cells.find((c) => !c.label)
    if (!entry || !total || typeof total.shown !== 'number') continue
    result.push({
      key: f.key,
      module: entry.module,
      unit: entry.figure.unit,
      label: entry.figure.label,
      value: total.shown,
    })
  }
  return result
}
