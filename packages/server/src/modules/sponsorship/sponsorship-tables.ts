/**
 * The education sponsorship plan: enrolments of protected people (school name and guardian
 * sealed), their status history, terms and school payments; sponsors (contact sealed), pledges,
 * payments received and allocations; shelter incidents that ended enrolments.
 */
export interface SponsorshipEnrolmentsTable {
  id: string
  compartment_id: string
  person_id: string
  /** What a sponsor knows the child by; never the code. */
  alias: string
  status: string
  joined_on: string
  school_level: string
  grade: number
  school_name: string | null
  guardian: string | null
  leave_reason: string | null
  version: number
  created_at: string
  updated_at: string
  created_by: string | null
}

export interface SponsorshipEventsTable {
  id: string
  enrolment_id: string
  compartment_id: string
  seq: number
  on_date: string
  from_status: string | null
  to_status: string
  reason: string | null
  incident_id: string | null
  note: string | null
  created_at: string
  created_by: string | null
}

export interface SponsorshipIncidentsTable {
  id: string
  compartment_id: string
  kind: string
  occurred_on: string
  reason: string
  created_at: string
  created_by: string | null
}

export interface SponsorshipTermsTable {
  id: string
  enrolment_id: string
  compartment_id: string
  label: string
  starts_on: string
  ends_on: string
  days_possible: number
  days_attended: number
  progress_note: string | null
  created_at: string
  created_by: string | null
}

export interface SponsorshipPaymentsTable {
  id: string
  enrolment_id: string
  compartment_id: string
  kind: string
  amount_minor: number
  currency: string
  paid_on: string
  paid_through: string
  created_at: string
  created_by: string | null
}

export interface SponsorsTable {
  id: string
  compartment_id: string
  code: string
  kind: string
  language: string
  contact: string
  created_at: string
  created_by: string | null
}

export interface SponsorPledgesTable {
  id: string
  sponsor_id: string
  amount_minor: number
  currency: string
  frequency: string
  starts_on: string
  ends_on: string | null
  created_at: string
  created_by: string | null
}

export interface SponsorPaymentsTable {
  id: string
  sponsor_id: string
  compartment_id: string
  amount_minor: number
  currency: string
  received_on: string
  created_at: string
  created_by: string | null
}

export interface SponsorAllocationsTable {
  id: string
  sponsor_id: string
  /** Null: the plan as a whole. */
  enrolment_id: string | null
  from_date: string
  to_date: string | null
  created_at: string
  created_by: string | null
}

/** A letter to sponsors about a child (by alias and age band): text and photo sealed until approved. */
export interface SponsorUpdatesTable {
  id: string
  enrolment_id: string
  compartment_id: string
  language: string
  age_band: string
  text: string
  /** Sealed base64 of the re-encoded image, or null. */
  photo: string | null
  photo_type: string | null
  /** 1 once a reviewer confirmed the photo shows nothing (and nobody) that identifies. */
  photo_confirmed: number
  status: string
  author_id: string | null
  reviewer_id: string | null
  approver_id: string | null
  created_at: string
  reviewed_at: string | null
  approved_at: string | null
}

export interface SponsorshipTables {
  sponsor_updates: SponsorUpdatesTable
  sponsorship_enrolments: SponsorshipEnrolmentsTable
  sponsorship_events: SponsorshipEventsTable
  sponsorship_incidents: SponsorshipIncidentsTable
  sponsorship_terms: SponsorshipTermsTable
  sponsorship_payments: SponsorshipPaymentsTable
  sponsors: SponsorsTable
  sponsor_pledges: SponsorPledgesTable
  sponsor_payments: SponsorPaymentsTable
  sponsor_allocations: SponsorAllocationsTable
}

declare module '../../db/schema.js' {
  interface Database extends SponsorshipTables {}
}
