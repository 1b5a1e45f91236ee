import type { Locale } from '@haven/core/i18n/locales'
import type { ReportCorrection, ReportStep, UpdateReport } from '@haven/core/report/report-schemas'
import { DEFAULT_TEMPLATES, reportSlug, reportTitle } from '@haven/core/report/report-template'
import { recordRelease } from '@haven/disclosure'
import { type AppContext, today } from '../../app-context.js'
import type { Actorish } from '../../audit/audit-log.js'
import { audit } from '../../auth/auth-audit.js'
import { isUniqueViolation } from '../../db/constraint-errors.js'
import { recordLedgerRelease } from '../../disclosure/ledger-store.js'
import { errors } from '../../http/errors.js'
import { publishActivityReport, republishActivityReport } from '../cms/index.js'
import {
  type CompiledReport,
  cellText,
  compileReport,
  figureCatalogue,
  templateFigures,
} from './report-compile.js'
import type { FrozenFigure } from './report-pdf.js'
import { publicText, publishReleasePdfs, refreshNextComparison } from './report-release.js'
import { reportProtection } from './report-settings.js'
import {
  findPublication,
  findReport,
  findReportBefore,
  insertApproval,
  insertPublication,
  insertReport,
  listApprovals,
  replacePublication,
  updateReportIfVersion,
} from './report-store.js'
import type { ReportsTable } from './report-tables.js'

/** Two people approve the text under review; neither may be its last editor. */
export const APPROVALS_NEEDED = 2

async function reportAt(app: AppContext, year: number): Promise<ReportsTable> {
  const row = await findReport(app.database.db, year)
  if (!row) throw errors.notFound()
  return row
}

/**
 * Starts a year's report from last year's text (the latest earlier report), or from the seed's
 * sections in both languages for the first one.
 */
export async function createReport(
  app: AppContext,
  year: number,
  by: Actorish,
): Promise<ReportsTable> {
  return app.database.db.transaction().execute(async (trx) => {
    if (await findReport(trx, year)) throw errors.reportExists()
    const before = await findReportBefore(trx, year)
    const at = app.now().toISOString()
    const row: ReportsTable = {
      fiscal_year: year,
      status: 'draft',
      template_en: before?.template_en ?? DEFAULT_TEMPLATES.en,
      template_ja: before?.template_ja ?? DEFAULT_TEMPLATES.ja,
      version: 1,
      last_editor_id: by.actorId,
      correction: 0,
      created_at: at,
      updated_at: at,
    }
    try {
      await insertReport(trx, row)
    } catch (error) {
      if (isUniqueViolation(error)) throw errors.reportExists()
      throw error
    }
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'report.created',
      entityType: 'AnnualReport',
      entityId: String(year),
      compartmentId: null,
      requestId: by.requestId,
      details: { fiscalYear: year, from: before ? before.fiscal_year : 'default' },
    })
    return row
  })
}

/**
 * Saves the templates. A placeholder naming no figure is refused here, before anything is
 * saved. Editing text under review returns it to draft: approvals are for a version.
 */
export async function updateReport(
  app: AppContext,
  year: number,
  input: UpdateReport,
  by: Actorish,
): Promise<ReportsTable> {
  const current = await reportAt(app, year)
  if (current.status === 'published') throw errors.reportPublished()
  const templateEn = input.templateEn ?? current.template_en
  const templateJa = input.templateJa ?? current.template_ja
  templateFigures(figureCatalogue(app.modules), [templateEn, templateJa])
  return app.database.db.transaction().execute(async (trx) => {
    const changed = await updateReportIfVersion(trx, year, input.version, {
      template_en: templateEn,
      template_ja: templateJa,
      status: 'draft',
      last_editor_id: by.actorId,
      updated_at: app.now().toISOString(),
    })
    if (!changed) throw errors.versionConflict()
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'report.edited',
      entityType: 'AnnualReport',
      entityId: String(year),
      compartmentId: null,
      requestId: by.requestId,
      details: {
        fiscalYear: year,
        languages: [
          ...(input.templateEn === undefined ? [] : ['en']),
          ...(input.templateJa === undefined ? [] : ['ja']),
        ],
      },
    })
    return (await findReport(trx, year)) as ReportsTable
  })
}

/** Compiles the report as it stands (the private review reads this; nothing is stored). */
export async function reviewReport(
  app: AppContext,
  year: number,
): Promise<{
  report: ReportsTable
  compiled: CompiledReport
}> {
  const report = await reportAt(app, year)
  const compiled = await compileReport(
    app.modules,
    app.database.db,
    report,
    today(app),
    await reportProtection(app, app.database.db),
  )
  return { report, compiled }
}

/**
 * Sends a draft to disclosure review. The report must compile (every placeholder a figure with
 * data); the review's findings need not be resolved yet, publishing needs that.
 */
export async function submitReport(
  app: AppContext,
  year: number,
  input: ReportStep,
  by: Actorish,
): Promise<ReportsTable> {
  const report = await reportAt(app, year)
  if (report.status !== 'draft') throw errors.workflowState()
  if (report.version !== input.version) throw errors.versionConflict()
  await compileReport(
    app.modules,
    app.database.db,
    report,
    today(app),
    await reportProtection(app, app.database.db),
  )
  return app.database.db.transaction().execute(async (trx) => {
    const changed = await updateReportIfVersion(trx, year, input.version, {
      status: 'review',
      updated_at: app.now().toISOString(),
    })
    if (!changed) throw errors.versionConflict()
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'report.submitted',
      entityType: 'AnnualReport',
      entityId: String(year),
      compartmentId: null,
      requestId: by.requestId,
      details: { fiscalYear: year },
    })
    return (await findReport(trx, year)) as ReportsTable
  })
}

/**
 * A number typed in the narrative that the records contradict, or a figure showing a number the
 * organisation never publishes, blocks approval and publishing.
 */
function refuseBlockers(compiled: CompiledReport): void {
  if (compiled.dangerous.length > 0)
    throw errors.reportDangerousNumber({
      numbers: [...new Set(compiled.dangerous.map((d) => d.value))].join(', '),
      figures: [...new Set(compiled.dangerous.map((d) => d.figure))].join(', '),
    })
  const wrong = compiled.narrative.filter((n) => n.status === 'contradiction')
  if (wrong.length > 0)
    throw errors.reportNarrativeContradiction({
      texts: [...new Set(wrong.map((n) => `“${n.text}”`))].join(', '),
    })
}

/** One approval of the version under review, by someone who is not its last editor. */
export async function approveReport(
  app: AppContext,
  year: number,
  input: ReportStep,
  by: Actorish,
): Promise<ReportsTable> {
  const report = await reportAt(app, year)
  if (report.status !== 'review') throw errors.workflowState()
  if (report.version !== input.version) throw errors.versionConflict()
  if (by.actorId === null || by.actorId === report.last_editor_id) throw errors.reportOwnApproval()
  const actorId = by.actorId
  refuseBlockers(
    await compileReport(
      app.modules,
      app.database.db,
      report,
      today(app),
      await reportProtection(app, app.database.db),
    ),
  )
  return app.database.db.transaction().execute(async (trx) => {
    const approvals = await listApprovals(trx, year, report.version)
    if (approvals.some((a) => a.user_id === actorId)) throw errors.reportAlreadyApproved()
    try {
      await insertApproval(trx, {
        fiscal_year: year,
        user_id: actorId,
        version: report.version,
        at: app.now().toISOString(),
      })
    } catch (error) {
      if (isUniqueViolation(error)) throw errors.reportAlreadyApproved()
      throw error
    }
    await audit(app, trx, {
      actorId,
      action: 'report.approved',
      entityType: 'AnnualReport',
      entityId: String(year),
      compartmentId: null,
      requestId: by.requestId,
      details: { fiscalYear: year, version: report.version, approvals: approvals.length + 1 },
    })
    return report
  })
}

/**
 * A published figure's cells as the public saw them, kept with the publication: the charts and
 * next year's comparison read these, never the records again.
 */
function frozenFigures(compiled: CompiledReport): FrozenFigure[] {
  return compiled.figures.map((f) => {
    const dims = f.table.table.dimensions
    return {
      key: f.entry.figure.key,
      cells: f.table.cells.map((c) => {
        const r = c.rendering
        return {
          key: c.key,
          label:
            c.coordinates
              .map((x, d) => (x === null ? null : (dims[d]?.labels[x] ?? '')))
              .filter((l): l is string => l !== null)
              .join(' × ') || null,
          level: c.level,
          trueValue: c.explanation.trueValue,
          shown: r.kind === 'number' || r.kind === 'rounded' ? r.value : null,
          public: { en: cellText(f, c, 'en'), ja: cellText(f, c, 'ja') },
        }
      }),
    }
  })
}

/**
 * Publishes the approved version: compiled once more inside the transaction (the records as
 * they are now), refused when the disclosure review refuses it. The public text, the figures and
 * the ledger with this release are frozen in `report_publications`, and the text goes to the
 * website's Activity Reports in both languages; later edits of the records change nothing
 * published.
 */
export async function publishReport(
  app: AppContext,
  year: number,
  input: ReportStep,
  by: Actorish,
): Promise<ReportsTable> {
  return app.database.db.transaction().execute(async (trx) => {
    const report = await findReport(trx, year)
    if (!report) throw errors.notFound()
    if (report.status === 'published') throw errors.reportPublished()
    if (report.status !== 'review') throw errors.workflowState()
    if (report.version !== input.version) throw errors.versionConflict()
    const approvals = await listApprovals(trx, year, report.version)
    if (approvals.length < APPROVALS_NEEDED)
      throw errors.reportNeedsApprovals({ approvals: approvals.length })
    const compiled = await compileReport(
      app.modules,
      trx,
      report,
      today(app),
      await reportProtection(app, trx),
    )
    if (compiled.release.refused) throw errors.reportRefused()
    refuseBlockers(compiled)
    const at = app.now().toISOString()
    const figures = frozenFigures(compiled)
    const previous = await findPublication(trx, year - 1)
    const before = previous ? (JSON.parse(previous.figures_json) as FrozenFigure[]) : undefined
    const text = (locale: Locale) =>
      publicText(app, year, compiled.texts[locale], figures, before, report.correction, at, locale)
    const texts = { en: text('en'), ja: text('ja') }
    const publication = {
      fiscal_year: year,
      published_at: at,
      text_en: texts.en,
      text_ja: texts.ja,
      figures_json: JSON.stringify(figures),
      // The ledger with this release: a correction is a new release next to the one it corrects.
      ledger_json: JSON.stringify(recordRelease(compiled.ledger, compiled.release)),
      correction: report.correction,
      narrative_en: compiled.texts.en,
      narrative_ja: compiled.texts.ja,
    }
    if (report.correction > 0) await replacePublication(trx, publication)
    else await insertPublication(trx, publication)
    // The shared ledger too, which impact figures are checked against.
    await recordLedgerRelease(trx, compiled.release.entry, 'annual-report', at)
    // The website's Activity Reports, through the cms module's door, in this transaction.
    await (report.correction > 0 ? republishActivityReport : publishActivityReport)(
      app,
      trx,
      {
        fiscalYear: year,
        slug: reportSlug(year),
        documents: (['en', 'ja'] as const).map((locale) => ({
          locale,
          ...reportTitle(compiled.year.label, locale),
          body: texts[locale],
        })),
      },
      by,
    )
    // The PDF of this release beside the page; a correction also corrects next year's comparison.
    await publishReleasePdfs(app, trx, publication)
    const nextYearRefreshed =
      report.correction > 0 && (await refreshNextComparison(app, trx, year, figures, by))
    const changed = await updateReportIfVersion(trx, year, report.version, {
      status: 'published',
      updated_at: at,
    })
    if (!changed) throw errors.versionConflict()
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'report.published',
      entityType: 'AnnualReport',
      entityId: String(year),
      compartmentId: null,
      requestId: by.requestId,
      details: {
        fiscalYear: year,
        version: report.version,
        figures: compiled.figures.length,
        correction: report.correction,
        nextYearRefreshed,
      },
    })
    return (await findReport(trx, year)) as ReportsTable
  })
}

/**
 * Starts a correction of a published report: its text returns to draft, to be edited, reviewed
 * and approved by two again. Publishing it is a new release: the disclosure review compares it
 * with every earlier one (the report it corrects included), and refuses a change that would
 * tell a reader a small count by difference. Until then the published text stays as it is.
 */
export async function correctReport(
  app: AppContext,
  year: number,
  input: ReportCorrection,
  by: Actorish,
): Promise<ReportsTable> {
  const report = await reportAt(app, year)
  if (report.status !== 'published') throw errors.workflowState()
  if (report.version !== input.version) throw errors.versionConflict()
  return app.database.db.transaction().execute(async (trx) => {
    const correction = report.correction + 1
    const changed = await updateReportIfVersion(trx, year, input.version, {
      status: 'draft',
      correction,
      correction_reason: input.reason,
      last_editor_id: by.actorId,
      updated_at: app.now().toISOString(),
    })
    if (!changed) throw errors.versionConflict()
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'report.correction_started',
      entityType: 'AnnualReport',
      entityId: String(year),
      compartmentId: null,
      requestId: by.requestId,
      // The reason stays with the report (editors read it there), out of the log.
      details: { fiscalYear: year, correction, reasonLength: input.reason.length },
    })
    return (await findReport(trx, year)) as ReportsTable
  })
}
