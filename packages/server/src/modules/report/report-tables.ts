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
  /** 0 until published; then how many corrections were started (each a new release). */
  correction: number
  /** Why the current correction was started; null before the first. */
  correction_reason?: string | null
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
  /** Which release this is: 0 the first publication, then each correction (it replaces the text). */
  correction: number
  /** The text before its year-over-year comparison and correction note (null before 2026-12-07). */
  narrative_en?: string | null
  narrative_ja?: string | null
}

/**
 * The secret that decides which way each published count rounds (one per organisation, the
 * current one has no `retired_at`). The same secret for every release keeps a count rounding the
 * same way after a restart, so collecting releases cannot average the rounding away. Sealed with
 * Haven's own key (`system`); a rotation adds a version and retires the older one.
 */
export interface ReportRoundingSecretsTable {
  id: string
  version: number
  /** The 32 random bytes, base64url, sealed (field-crypto `v1.…`). */
  secret: string
  /** The rounding key's public name (as the disclosure ledger records it); reveals nothing. */
  fingerprint: string
  created_at: string
  created_by: string | null
  retired_at: string | null
}

export interface ReportTables {
  reports: ReportsTable
  report_approvals: ReportApprovalsTable
  report_publications: ReportPublicationsTable
  report_rounding_secrets: ReportRoundingSecretsTable
}

declare module '../../db/schema.js' {
  interface Database extends ReportTables {}
}
