/** Detained aid workers: the record (name sealed), its timeline, family support and advocacy. */
export interface DetainedWorkersTable {
  id: string
  compartment_id: string
  /** Public-safe code (DW-01): what lists, audit entries and money events name. */
  code: string
  /** Sealed. */
  name: string
  nationality: string
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: generalised on purpose. */
  arrested_on: string
  arrest_place: string
  charge: string | null
  term_months: number | null
  status: string
  /** The day of release, deportation or death: served time stops there. */
  ended_on: string | null
  /** 1 when known in public under their name: only then may a campaign page show it. */
  public_figure: number
  version: number
  created_at: string
  updated_at: string
  created_by: string | null
}

export interface DetainedTimelineTable {
  id: string
  worker_id: string
  compartment_id: string
  /** `arrest`, a detention status, `payment` or an advocacy kind. */
  kind: string
  on_date: string
  /** Sealed text, or null. */
  note: string | null
  created_at: string
  created_by: string | null
}

export interface DetainedFamilyPaymentsTable {
  id: string
  worker_id: string
  compartment_id: string
  paid_on: string
  amount_minor: number
  currency: string
  created_at: string
  created_by: string | null
}

export interface DetainedAdvocacyTable {
  id: string
  worker_id: string
  compartment_id: string
  kind: string
  on_date: string
  addressed_to: string
  /** Sealed, like the answer. */
  summary: string | null
  answered_on: string | null
  answer: string | null
  created_at: string
  created_by: string | null
}

/**
 * The approved public campaign page of a record: which fields go public and the texts (written
 * for the public). Withdrawn: the texts are erased and `approved_at` cleared; the address stays
 * the record's, so it never points at another worker.
 */
export interface DetainedCampaignsTable {
  worker_id: string
  compartment_id: string
  slug: string
  show_name: number
  show_arrest: number
  show_sentence: number
  show_status: number
  text_en: string | null
  text_ja: string | null
  approved_at: string | null
  approved_by: string | null
  withdrawn_at: string | null
  updated_at: string
}

export interface DetainedTables {
  detained_workers: DetainedWorkersTable
  detained_timeline: DetainedTimelineTable
  detained_family_payments: DetainedFamilyPaymentsTable
  detained_advocacy: DetainedAdvocacyTable
  detained_campaigns: DetainedCampaignsTable
}

declare module '../../db/schema.js' {
  interface Database extends DetainedTables {}
}
