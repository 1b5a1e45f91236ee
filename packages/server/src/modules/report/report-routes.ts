import {
  disclosureSettingsView,
  updateDisclosureSettingsSchema,
} from '@haven/core/report/disclosure-settings'
import {
  createReportSchema,
  reportCorrectionSchema,
  reportParamsSchema,
  reportPdfParamsSchema,
  reportStepSchema,
  updateReportSchema,
} from '@haven/core/report/report-schemas'
import {
  figureEntryView,
  reportReviewView,
  reportSummaryView,
  reportView,
} from '@haven/core/report/report-views'
import { z } from 'zod'
import { defineRoute } from '../../api/api-route.js'
import { type ErrorFactoryName, errors as httpErrors } from '../../http/errors.js'
import { figureCatalogue } from './report-compile.js'
import { reportPdf } from './report-pdf.js'
import { rotateRoundingSecret } from './report-secret.js'
import {
  approveReport,
  correctReport,
  createReport,
  publishReport,
  reviewReport,
  submitReport,
  updateReport,
} from './report-service.js'
import { presentDisclosureSettings, updateDisclosureSettings } from './report-settings.js'
import { findPublication, findReport, listReports } from './report-store.js'
import { presentFigure, presentReport, presentReview } from './report-views.js'

const TAG = 'annual report'

/** Submit, approve, publish: each names the version the person read. */
function workflowStep(
  path: string,
  summary: string,
  act: typeof submitReport,
  errors: ErrorFactoryName[],
) {
  return defineRoute({
    method: 'post',
    path: `/reports/:year/${path}`,
    summary,
    tag: TAG,
    access: { kind: 'policy', entity: 'AnnualReport', action: 'manage' },
    params: reportParamsSchema,
    body: reportStepSchema,
    response: reportView,
    errors: ['notFound', 'forbidden', 'workflowState', 'versionConflict', ...errors],
    async handle({ app, params, body, audit: by }) {
      const row = await act(app, params.year, body, by)
      return presentReport(app.database.db, row)
    },
  })
}

export const reportRoutes = [
  defineRoute({
    method: 'get',
    path: '/report/disclosure-policy',
    summary:
      'The organisation’s disclosure policy (thresholds, rounding, numbers never published) and its rounding secret’s public name',
    tag: TAG,
    access: { kind: 'policy', entity: 'DisclosurePolicy', action: 'read' },
    response: disclosureSettingsView,
    errors: ['forbidden'],
    handle: ({ app }) => presentDisclosureSettings(app, app.database.db),
  }),
  defineRoute({
    method: 'put',
    path: '/report/disclosure-policy',
    summary:
      'Change the disclosure policy (administrators; audited; refused when the engine cannot apply it)',
    tag: TAG,
    access: { kind: 'policy', entity: 'DisclosurePolicy', action: 'update' },
    body: updateDisclosureSettingsSchema,
    response: disclosureSettingsView,
    errors: ['forbidden', 'validationFailed', 'versionConflict', 'reportPolicyInvalid'],
    async handle({ app, body, audit: by }) {
      await updateDisclosureSettings(app, body, by)
      return presentDisclosureSettings(app, app.database.db)
    },
  }),
  defineRoute({
    method: 'post',
    path: '/report/disclosure-policy/rotate-secret',
    summary:
      'Replace the rounding secret (administrators; audited): later releases round under the new one',
    tag: TAG,
    access: { kind: 'policy', entity: 'DisclosurePolicy', action: 'manage' },
    response: disclosureSettingsView,
    errors: ['forbidden'],
    async handle({ app, audit: by }) {
      await rotateRoundingSecret(app, by)
      return presentDisclosureSettings(app, app.database.db)
    },
  }),
  defineRoute({
    method: 'get',
    path: '/report/figures',
    summary: 'Every figure the modules offer the annual report: key, unit, sensitivity, meaning',
    tag: TAG,
    access: { kind: 'policy', entity: 'AnnualReport', action: 'list' },
    response: z.array(figureEntryView),
    handle: async ({ app }) => figureCatalogue(app.modules).map(presentFigure),
  }),
  defineRoute({
    method: 'get',
    path: '/reports',
    summary: 'Annual reports by fiscal year, newest first, with where each stands',
    tag: TAG,
    access: { kind: 'policy', entity: 'AnnualReport', action: 'list' },
    response: z.array(reportSummaryView),
    async handle({ app }) {
      const db = app.database.db
      return Promise.all((await listReports(db)).map((r) => presentReport(db, r)))
    },
  }),
  defineRoute({
    method: 'post',
    path: '/reports',
    summary: "Start a fiscal year's report from last year's text (or the seed's sections)",
    tag: TAG,
    access: { kind: 'policy', entity: 'AnnualReport', action: 'create' },
    body: createReportSchema,
    response: reportView,
    successStatus: 201,
    errors: ['forbidden', 'validationFailed', 'reportExists'],
    async handle({ app, body, audit: by }) {
      const row = await createReport(app, body.fiscalYear, by)
      return presentReport(app.database.db, row)
    },
  }),
  defineRoute({
    method: 'get',
    path: '/reports/:year',
    summary: "A year's report: its templates in both languages, status and approvals",
    tag: TAG,
    access: { kind: 'policy', entity: 'AnnualReport', action: 'read' },
    params: reportParamsSchema,
    response: reportView,
    errors: ['notFound', 'forbidden'],
    async handle({ app, params }) {
      const db = app.database.db
      const row = await findReport(db, params.year)
      if (!row) throw httpErrors.notFound()
      return presentReport(db, row)
    },
  }),
  defineRoute({
    method: 'patch',
    path: '/reports/:year',
    summary: "Edit a report's templates (Markdown with {{figure.key}} placeholders)",
    tag: TAG,
    access: { kind: 'policy', entity: 'AnnualReport', action: 'update' },
    params: reportParamsSchema,
    body: updateReportSchema,
    response: reportView,
    errors: [
      'notFound',
      'forbidden',
      'validationFailed',
      'versionConflict',
      'reportPublished',
      'reportUnknownFigure',
    ],
    async handle({ app, params, body, audit: by }) {
      const row = await updateReport(app, params.year, body, by)
      return presentReport(app.database.db, row)
    },
  }),
  defineRoute({
    method: 'get',
    path: '/reports/:year/review',
    summary:
      'The private disclosure review: each figure’s true value, what the public sees and why, the text as published',
    tag: TAG,
    access: { kind: 'policy', entity: 'AnnualReport', action: 'read' },
    params: reportParamsSchema,
    response: reportReviewView,
    errors: [
      'notFound',
      'forbidden',
      'reportUnknownFigure',
      'reportFigureNoData',
      'reportFigureInvalid',
    ],
    async handle({ app, params }) {
      const { report, compiled } = await reviewReport(app, params.year)
      return presentReview(report, compiled)
    },
  }),
  defineRoute({
    method: 'get',
    path: '/reports/:year/pdf/:lang',
    summary:
      'The published report as an A4 PDF in one language, fonts embedded, with its charts (404 until published)',
    tag: TAG,
    access: { kind: 'policy', entity: 'AnnualReport', action: 'read' },
    params: reportPdfParamsSchema,
    binary: true,
    response: z.unknown(),
    errors: ['notFound', 'forbidden'],
    async handle({ app, params }) {
      // Only the frozen publication: a PDF never shows figures that were not published.
      const publication = await findPublication(app.database.db, params.year)
      if (!publication) throw httpErrors.notFound()
      return {
        bytes: await reportPdf(publication, figureCatalogue(app.modules), params.lang),
        contentType: 'application/pdf',
        fileName: `activity-report-FY${params.year}-${params.lang}.pdf`,
      }
    },
  }),
  workflowStep('submit', 'Send a draft to disclosure review', submitReport, [
    'reportUnknownFigure',
    'reportFigureNoData',
    'reportFigureInvalid',
  ]),
  workflowStep(
    'approve',
    'Approve the version under review (two approvers, neither its last editor)',
    approveReport,
    [
      'reportOwnApproval',
      'reportAlreadyApproved',
      'reportNarrativeContradiction',
      'reportUnknownFigure',
      'reportFigureNoData',
      'reportFigureInvalid',
    ],
  ),
  defineRoute({
    method: 'post',
    path: '/reports/:year/correct',
    summary:
      'Start a correction of a published report, with why (a new release, reviewed and approved again)',
    tag: TAG,
    access: { kind: 'policy', entity: 'AnnualReport', action: 'manage' },
    params: reportParamsSchema,
    body: reportCorrectionSchema,
    response: reportView,
    errors: ['notFound', 'forbidden', 'validationFailed', 'workflowState', 'versionConflict'],
    async handle({ app, params, body, audit: by }) {
      const row = await correctReport(app, params.year, body, by)
      return presentReport(app.database.db, row)
    },
  }),
  workflowStep('publish', 'Publish the approved version: its figures are frozen', publishReport, [
    'reportNeedsApprovals',
    'reportRefused',
    'reportNarrativeContradiction',
    'reportPublished',
    'reportUnknownFigure',
    'reportFigureNoData',
    'reportFigureInvalid',
  ]),
]
