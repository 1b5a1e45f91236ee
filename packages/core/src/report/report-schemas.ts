import { z } from 'zod'
import { LOCALES } from '../i18n/locales.js'

/** Reports are per fiscal year, named by the year it starts in (2005: April 2005 – March 2006). */
export const reportYearSchema = z.coerce.number().int().min(1990).max(2100)

export const reportParamsSchema = z.strictObject({ year: reportYearSchema })

/** A published report's PDF names its language: one document per language, as on the site. */
export const reportPdfParamsSchema = z.strictObject({
  year: reportYearSchema,
  lang: z.enum(LOCALES),
})

export const createReportSchema = z.strictObject({ fiscalYear: reportYearSchema })
export type CreateReport = z.infer<typeof createReportSchema>

/** A template is Markdown with `{{figure.key}}` placeholders; one per language. */
const template = z.string().max(200_000)

export const updateReportSchema = z
  .strictObject({
    version: z.number().int().min(1),
    templateEn: template.optional(),
    templateJa: template.optional(),
  })
  .refine((u) => u.templateEn !== undefined || u.templateJa !== undefined, {
    message: 'field.report_nothing_to_change',
  })
export type UpdateReport = z.infer<typeof updateReportSchema>

export const REPORT_STATUSES = ['draft', 'review', 'published'] as const
export type ReportStatus = (typeof REPORT_STATUSES)[number]

/** A step of the workflow names the version the person read: a later edit makes it stale. */
export const reportStepSchema = z.strictObject({ version: z.number().int().min(1) })
export type ReportStep = z.infer<typeof reportStepSchema>

/**
 * Starting a correction of a published report: the version read and why (kept with the report,
 * shown to its editors and approvers; the public note says only that and when it was corrected).
 */
export const reportCorrectionSchema = z.strictObject({
  version: z.number().int().min(1),
  reason: z.string().trim().min(1).max(2000),
})
export type ReportCorrection = z.infer<typeof reportCorrectionSchema>
