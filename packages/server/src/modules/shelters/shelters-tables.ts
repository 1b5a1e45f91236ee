/**
 * Shelters: one row per shelter compartment (keyed by its id), its residents over time, its
 * incident and oversight log (the note sealed, see shelter-identifying.ts).
 */
export interface SheltersTable {
  compartment_id: string
  code: string
  region: string
  capacity: number
  caretaker_person_id: string | null
  opened_on: string
  closed_on: string | null
  funding_status: string
  status: string
  /** The status to return to when a compromise is undone. */
  status_before_compromise: string | null
  compromised_at: string | null
  version: number
  created_at: string
  updated_at: string
  created_by: string | null
}

export interface ShelterResidentsTable {
  id: string
  compartment_id: string
  person_id: string
  from_date: string
  to_date: string | null
  leave_reason: string | null
  created_at: string
  created_by: string | null
}

export interface ShelterLogTable {
  id: string
  compartment_id: string
  kind: string
  occurred_on: string
  /** Sealed text, or null. */
  note: string | null
  created_at: string
  created_by: string | null
}

export interface ShelterLogPeopleTable {
  log_id: string
  person_id: string
}

export interface ShelterTables {
  shelters: SheltersTable
  shelter_residents: ShelterResidentsTable
  shelter_log: ShelterLogTable
  shelter_log_people: ShelterLogPeopleTable
}

// The module's tables join the database's type from here (declaration merging, as its policy
// joins Entities), so db/schema.ts names no module.
declare module '../../db/schema.js' {
  interface Database extends ShelterTables {}
}
