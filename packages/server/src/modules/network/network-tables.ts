/**
 * Partners and their relationship over time, contacts (every field sealed in the contact's
 * compartment, see network-identifying.ts), events with the organisation's role, publications.
 */
export interface NetworkOrganisationsTable {
  id: string
  name: string
  type: string
  /** ISO 3166-1 alpha-2. */
  country: string
  region: string | null
  website: string | null
  /** The latest change's status and day (the history is in network_status_changes). */
  status: string
  status_since: string
  /** Raised by each edit; an edit names the version it read. */
  version: number
  created_at: string
  updated_at: string
  created_by: string | null
}

export interface NetworkStatusChangesTable {
  id: string
  organisation_id: string
  status: string
  on_date: string
  reason: string | null
  created_at: string
  created_by: string | null
}

export interface NetworkContactsTable {
  id: string
  organisation_id: string
  compartment_id: string
  /** Sealed, like every text below. */
  name: string
  position: string | null
  email: string | null
  phone: string | null
  note: string | null
  /** Raised by each edit; an edit names the version it read. */
  version: number
  created_at: string
  created_by: string | null
}

export interface NetworkEventsTable {
  id: string
  kind: string
  title: string
  role: string
  starts_on: string
  ends_on: string | null
  city: string | null
  country: string
  audience: number | null
  outcomes: string | null
  /** The public news page's address once an editor published the event, else null. */
  site_slug: string | null
  /** The languages of that page, comma-separated ("en,ja"). */
  site_locales: string | null
  /** Raised by each edit; an edit names the version it read. */
  version: number
  created_at: string
  created_by: string | null
}

export interface NetworkEventOrganisersTable {
  event_id: string
  organisation_id: string
}

export interface NetworkPublicationsTable {
  id: string
  kind: string
  title: string
  language: string
  translated_from: string | null
  isbn: string | null
  url: string | null
  published_on: string | null
  event_id: string | null
  /** Raised by each edit; an edit names the version it read. */
  version: number
  created_at: string
  created_by: string | null
}

export interface NetworkInteractionsTable {
  id: string
  organisation_id: string
  kind: string
  on_date: string
  summary: string
  created_at: string
  created_by: string | null
}

export interface NetworkEventCostsTable {
  id: string
  event_id: string
  paid_on: string
  amount_minor: number
  currency: string
  what: string
  created_at: string
  created_by: string | null
}

export interface NetworkTables {
  network_organisations: NetworkOrganisationsTable
  network_status_changes: NetworkStatusChangesTable
  network_contacts: NetworkContactsTable
  network_events: NetworkEventsTable
  network_event_organisers: NetworkEventOrganisersTable
  network_event_costs: NetworkEventCostsTable
  network_interactions: NetworkInteractionsTable
  network_publications: NetworkPublicationsTable
}

declare module '../../db/schema.js' {
  interface Database extends NetworkTables {}
}
