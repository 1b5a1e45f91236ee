/** A resettlement case's pathway: its route kind, where it stands, and its restricted compartment. */
export interface ResettlementPathwaysTable {
  id: string
  compartment_id: string
  case_id: string
  person_id: string
  route: string
  /** The consulate's or third country's ISO code; null for other routes. */
  route_country: string | null
  stage: string
  /** YYYY-MM or YYYY. */
  stage_on: string
  stage_precision: string
  /** Where the person was resettled (ISO code), once they were. */
  country: string | null
  version: number
  created_at: string
  updated_at: string
  created_by: string | null
}

/** Every stage a pathway reached, in the order recorded (intake first). */
export interface ResettlementStagesTable {
  id: string
  pathway_id: string
  compartment_id: string
  stage: string
  on_date: string
  precision: string
  period_start: string
  country: string | null
  recorded_at: string
  recorded_by: string | null
}

/** A request to return, from asking to the month of return; nothing is kept after it. */
export interface ReturneeSupportTable {
  id: string
  compartment_id: string
  case_id: string
  person_id: string
  status: string
  /** YYYY-MM. */
  requested_on: string
  decision: string | null
  assessed_on: string | null
  amount_minor: number | null
  currency: string | null
  /** YYYY-MM-DD: the day the funds were paid (the books need it). */
  paid_on: string | null
  returned_on: string | null
  version: number
  created_at: string
  updated_at: string
  created_by: string | null
}

export interface ResettlementTables {
  resettlement_pathways: ResettlementPathwaysTable
  resettlement_stages: ResettlementStagesTable
  returnee_support: ReturneeSupportTable
}

declare module '../../db/schema.js' {
  interface Database extends ResettlementTables {}
}
