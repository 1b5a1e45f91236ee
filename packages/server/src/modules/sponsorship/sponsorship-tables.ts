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

export interface SponsorshipTables {
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
