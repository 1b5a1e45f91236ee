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

export interface MedicalTables {
  medical_treatments: MedicalTreatmentsTable
}

declare module '../../db/schema.js' {
  interface Database extends MedicalTables {}
}
