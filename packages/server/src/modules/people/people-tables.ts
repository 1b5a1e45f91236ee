/**
 * People, cases, incidents and attachments. Columns named for identifying content hold sealed
 * values only (`v1.<version>.<ciphertext>`), declared in people-identifying.ts.
 */
export interface PeopleTable {
  id: string
  compartment_id: string
  code: string
  /** Sealed JSON of the identity (names, birth, sex, origin, phones, notes). */
  identity: string
  has_photo: number
  age_band: string
  situation: string
  arrival_month: string | null
  languages: string
  /** Highest priority among open cases (0 none … 4 urgent), kept for sorting. */
  open_priority: number
  open_cases: number
  version: number
  created_at: string
  updated_at: string
  created_by: string | null
  last_activity_at: string
  merged_into_id: string | null
  /**
   * Set by the database on every insert and update (a trigger; never written by the code): the
   * order of the field app's pull, in commit order, whatever the writing server's clock says.
   */
  feed_seq?: number | null
}

export interface PersonTagsTable {
  person_id: string
  compartment_id: string
  tag: string
}

/** Blind index terms (keyed HMAC of normalised names and the birth year) for search. */
export interface PersonTermsTable {
  person_id: string
  compartment_id: string
  term: string
  /** The person's code (never changes): a name search reads its page in code order from the index. */
  code: string
}

/** Which fields each saved version changed, to explain an edit conflict. */
export interface PeopleHistoryTable {
  person_id: string
  version: number
  changed_fields: string
  changed_at: string
  changed_by: string | null
}

export interface PersonLinksTable {
  id: string
  compartment_id: string
  person_id: string
  related_person_id: string
  relation: string
  created_at: string
}

export interface CompartmentCountersTable {
  compartment_id: string
  kind: string
  value: number
}

export interface CasesTable {
  id: string
  code: string
  compartment_id: string
  person_id: string
  type: string
  status: string
  outcome: string | null
  priority: string
  assignee_id: string | null
  opened_on: string
  closed_on: string | null
  summary: string | null
  version: number
  created_at: string
  updated_at: string
  created_by: string | null
  last_activity_at: string
  /**
   * Why the case is closed to all but its assignee and the compartment's coordinators (a
   * sensitive medical flag), or null (see case-restriction.ts).
   */
  restriction?: string | null
  /**
   * Set by the database on every insert and update (a trigger; never written by the code): the
   * order of the field app's pull, in commit order, whatever the writing server's clock says.
   */
  feed_seq?: number | null
}

export interface CaseEntriesTable {
  id: string
  case_id: string
  compartment_id: string
  kind: string
  occurred_on: string
  at: string
  author_id: string | null
  service_type: string | null
  text: string | null
  data: string
}

export interface ReferralsTable {
  id: string
  case_id: string
  compartment_id: string
  partner: string
  service: string
  consent: string
  consent_method: string | null
  override_reason: string | null
  override_by: string | null
  created_at: string
  created_by: string | null
}

export interface FollowUpsTable {
  id: string
  case_id: string
  compartment_id: string
  title: string
  due_on: string
  done_at: string | null
  assignee_id: string | null
  created_at: string
}

export interface IncidentsTable {
  id: string
  compartment_id: string
  type: string
  occurred_on: string
  date_precision: string
  region: string
  severity: string
  case_id: string | null
  follow_up: string | null
  resolved: number
  version: number
  created_at: string
  created_by: string | null
  updated_at: string
}

export interface IncidentPeopleTable {
  incident_id: string
  person_id: string
}

export interface AttachmentsTable {
  id: string
  compartment_id: string
  owner_type: 'person' | 'case'
  owner_id: string
  kind: 'photo' | 'document'
  content_type: string
  byte_size: number
  file_name: string
  /** The file itself, sealed with the compartment key (base64 inside the envelope). */
  content: string
  created_at: string
  created_by: string | null
}

export interface PeopleTables {
  people: PeopleTable
  person_tags: PersonTagsTable
  person_terms: PersonTermsTable
  people_history: PeopleHistoryTable
  person_links: PersonLinksTable
  compartment_counters: CompartmentCountersTable
  cases: CasesTable
  case_entries: CaseEntriesTable
  referrals: ReferralsTable
  follow_ups: FollowUpsTable
  incidents: IncidentsTable
  incident_people: IncidentPeopleTable
  attachments: AttachmentsTable
}

// The module's tables join the database's type from here (declaration merging, as its policy
// joins Entities), so db/schema.ts names no module.
declare module '../../db/schema.js' {
  interface Database extends PeopleTables {}
}
