import type { ReportReviewView, ReportView } from '@haven/core/report/report-views'
import { fiscalYear } from '@haven/core/site/fiscal-year'
import type { Db } from '../../db/db-handle.js'
import type { CatalogueEntry, CompiledReport } from './report-compile.js'
import { cellText, reviewText } from './report-compile.js'
import { findPublication, listApprovals } from './report-store.js'
import type { ReportsTable } from './report-tables.js'

export function presentFigure({ module, figure }: CatalogueEntry) {
  return {
    key: figure.key,
    module,
    unit: figure.unit,
    sensitivity: figure.sensitivity,
    label: { ...figure.label },
    description: { ...figure.description },
  }
}

export async function presentReport(db: Db, row: ReportsTable): Promise<ReportView> {
  const approvals =
    row.status === 'review' ? await listApprovals(db, row.fiscal_year, row.version) : []
  const publication =
    row.status === 'published' ? await findPublication(db, row.fiscal_year) : undefined
  return {
    fiscalYear: row.fiscal_year,
    label: fiscalYear(row.fiscal_year).label,
    status: row.status as ReportView['status'],
    version: row.version,
    templateEn: row.template_en,
    templateJa: row.template_ja,
    lastEditorId: row.last_editor_id,
    approvals: approvals.map((a) => ({ userId: a.user_id, at: a.at })),
    publishedAt: publication?.published_at ?? null,
    updatedAt: row.updated_at,
    correction: row.correction,
    correctionReason: row.correction_reason ?? null,
  }
}

/** The private review: each figure's true value beside what the public will read, and why. */
export function presentReview(row: ReportsTable, compiled: CompiledReport): ReportReviewView {
  return {
    fiscalYear: row.fiscal_year,
    status: row.status as ReportReviewView['status'],
    refused: compiled.release.refused,
    figures: compiled.figures.map((f) => {
      const dims = f.table.table.dimensions
      return {
        key: f.entry.figure.key,
        sensitivity: f.entry.figure.sensitivity,
        cells: f.table.cells.map((c) => ({
          // The category (`CNY`, `shelter × month`); null for the total, which the app names.
          label:
            c.coordinates
              .map((x, d) => (x === null ? null : (dims[d]?.labels[x] ?? '')))
              .filter((l): l is string => l !== null)
              .join(' × ') || null,
          trueValue: c.explanation.trueValue,
          public: { en: cellText(f, c, 'en'), ja: cellText(f, c, 'ja') },
          rules: [...c.explanation.rules],
        })),
      }
    }),
    findings: { en: reviewText(compiled, 'en'), ja: reviewText(compiled, 'ja') },
    preview: { ...compiled.texts },
    narrative: compiled.narrative.map((n) => ({ ...n, explanation: { ...n.explanation } })),
  }
}
