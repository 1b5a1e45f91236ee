/** One treatment of a medical case, in the case's compartment. */
export interface MedicalTreatmentsTable {
  id: string
  compartment_id: string
  case_id: string
  person_id: string
  kind: string
  /** The partner organisation (never a doctor's name). */
  provider: string
  /** YYYY-MM. */
  started_on: string
  cost_minor: number | null
  currency: string | null
  paid_on: string | null
  /** JSON array of sensitive flags. */
  flags: string
  /** 1 when any flag is set: such a treatment is for the compartment's coordinators only. */
  sensitive: number
  created_at: string
  created_by: string | null
}

/** A supplies handout of first-aid kits given on a medical case. */
export interface MedicalCaseKitsTable {
  handout_id: string
  case_id: string
  compartment_id: string
  /** The day given (YYYY-MM-DD), for the case's list, newest first. */
  occurred_on: string
  created_at: string
}

export interface MedicalTables {
  medical_treatments: MedicalTreatmentsTable
  medical_case_kits: MedicalCaseKitsTable
}

declare module '../../db/schema.js' {
  interface Database extends MedicalTables {}
}
