/** A language class, held in a compartment (a shelter's, when it meets there). */
export interface ClassesTable {
  id: string
  compartment_id: string
  /** The shelter's public code, or null when it meets elsewhere. */
  shelter_code: string | null
  language: string
  level: string
  /** A first name or initials: the teacher is often a volunteer. */
  teacher: string
  teacher_kind: string
  /** JSON array of weekdays (`["tue","thu"]`). */
  weekdays: string
  /** HH:MM. */
  time: string
  minutes: number
  starts_on: string
  status: string
  /** Raised by each edit: an edit names the version it read (409 `version_conflict` otherwise). */
  version: number
  /** The day the class ended, null while it runs. */
  ended_on: string | null
  created_at: string
  created_by: string | null
}

/** A person enrolled in a class (one enrolment per person and class). */
export interface ClassEnrolmentsTable {
  id: string
  class_id: string
  compartment_id: string
  person_id: string
  enrolled_on: string
  /** `completed` or `left`, null while learning. */
  outcome: string | null
  ended_on: string | null
  /** Where they went next (night school, vocational training…): the education pathway. */
  next_step: string | null
  created_at: string
  created_by: string | null
}

/** A session of a class on a day. */
export interface ClassSessionsTable {
  id: string
  class_id: string
  compartment_id: string
  held_on: string
  minutes: number
  created_at: string
  created_by: string | null
}

/** Who was there: one row per enrolment present at a session (absence is no row). */
export interface ClassAttendanceTable {
  session_id: string
  enrolment_id: string
}

export interface ClassesTables {
  classes: ClassesTable
  class_enrolments: ClassEnrolmentsTable
  class_sessions: ClassSessionsTable
  class_attendance: ClassAttendanceTable
}

declare module '../../db/schema.js' {
  interface Database extends ClassesTables {}
}
