/** Volunteers and interns (contact details sealed), what they are assigned to, and their hours. */
export interface VolunteersTable {
  id: string
  compartment_id: string
  /** VOL-001…: what lists, audit entries and assignments name; never the person. */
  code: string
  seq: number
  /** Sealed, like email and phone. */
  name: string
  email: string | null
  phone: string | null
  status: string
  applied_on: string
  /** JSON: [{ language, level }]. */
  languages: string
  /** JSON: ["interpreting", …]. */
  skills: string
  /** Comma-separated weekdays (mon,tue…). */
  available_days: string
  hours_per_week: number | null
  version: number
  created_at: string
  updated_at: string
  created_by: string | null
}

export interface VolunteerAssignmentsTable {
  id: string
  volunteer_id: string
  compartment_id: string
  kind: string
  /** The network event, when the assignment is to one. */
  event_id: string | null
  label: string
  starts_on: string
  ends_on: string | null
  created_at: string
  created_by: string | null
}

export interface VolunteerHoursTable {
  id: string
  volunteer_id: string
  compartment_id: string
  assignment_id: string | null
  on_date: string
  /** Whole minutes (hours are logged in quarter hours). */
  minutes: number
  created_at: string
  created_by: string | null
}

export interface VolunteersTables {
  volunteers: VolunteersTable
  volunteer_assignments: VolunteerAssignmentsTable
  volunteer_hours: VolunteerHoursTable
}

declare module '../../db/schema.js' {
  interface Database extends VolunteersTables {}
}
