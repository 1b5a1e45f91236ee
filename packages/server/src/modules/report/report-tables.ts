/**
 * The annual report: one row per fiscal year (its two templates and where it is in review), the
 * approvals of the text under review, and what was published (frozen: public text in both
 * languages, the true figures, and the disclosure ledger after it, for the differencing guard).
 */
export interface ReportsTable {
  fiscal_year: number
  status: string
  template_en: string
  template_ja: string
  version: number
  last_editor_id: string | null
  created_at: string
  updated_at: string
}

export interface ReportApprovalsTable {
  fiscal_year: number
  user_id: string
  /** The report's version the approval is for: an edit after it does not count. */
  version: number
  at: string
}

export interface ReportPublicationsTable {
  fiscal_year: number
  published_at: string
  text_en: string
  text_ja: string
  /** JSON: each figure's cells as published (private: true values stay on the server). */
  figures_json: string
  /** JSON: the disclosure ledger including this release. */
  ledger_json: string
}

export interface ReportTables {
  reports: ReportsTable
  report_approvals: ReportApprovalsTable
  report_publications: ReportPublicationsTable
}

declare module '../../db/schema.js' {
  interface Database extends ReportTables {}
}
