import { z } from 'zod'
import { REPORT_STATUSES } from './report-schemas.js'

const bothLanguages = z.object({ en: z.string(), ja: z.string() })

/** One figure of the catalogue, as the editor lists it. */
export const figureEntryView = z.object({
  key: z.string(),
  module: z.string(),
  unit: z.string(),
  sensitivity: z.string(),
  label: bothLanguages,
  description: bothLanguages,
})
export type FigureEntryView = z.infer<typeof figureEntryView>

export const reportView = z.object({
  fiscalYear: z.number(),
  label: z.string(),
  status: z.enum(REPORT_STATUSES),
  version: z.number(),
  templateEn: z.string(),
  templateJa: z.string(),
  lastEditorId: z.string().nullable(),
  /** Who approved the text under review (ids), oldest first. */
  approvals: z.array(z.object({ userId: z.string(), at: z.string() })),
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
  /** 0 until a correction is started; then which correction this text is. */
  correction: z.number(),
  /** Why the current correction was started (null for the first release). */
  correctionReason: z.string().nullable(),
})
export type ReportView = z.infer<typeof reportView>

export const reportSummaryView = reportView.pick({
  fiscalYear: true,
  label: true,
  status: true,
  version: true,
  publishedAt: true,
  updatedAt: true,
})

/** One cell of a figure in the private review: the true value, what the public sees, why. */
export const reviewCellView = z.object({
  /** The cell's categories; null for the figure's total. */
  label: z.string().nullable(),
  trueValue: z.number(),
  public: bothLanguages,
  rules: z.array(z.string()),
})

/** The disclosure review: private, for editors; never published. */
export const reportReviewView = z.object({
  fiscalYear: z.number(),
  status: z.enum(REPORT_STATUSES),
  refused: z.boolean(),
  figures: z.array(
    z.object({ key: z.string(), sensitivity: z.string(), cells: z.array(reviewCellView) }),
  ),
  /** The engine's review (thresholds, linked tables, differencing against earlier reports). */
  findings: bothLanguages,
  /** The report as the public would read it. */
  preview: bothLanguages,
  /** Quantities typed in the narrative, checked against the records (a contradiction blocks approval). */
  narrative: z.array(
    z.object({
      locale: z.enum(['en', 'ja']),
      text: z.string(),
      status: z.enum(['consistent', 'contradiction']),
      figure: z.string(),
      explanation: bothLanguages,
    }),
  ),
})
export type ReportReviewView = z.infer<typeof reportReviewView>

/** A published report: the frozen public text in both languages. */
export const publishedReportView = z.object({
  fiscalYear: z.number(),
  label: z.string(),
  publishedAt: z.string(),
  text: bothLanguages,
})
