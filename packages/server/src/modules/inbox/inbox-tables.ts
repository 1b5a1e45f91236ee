/**
 * Messages sent through the public site's forms. Everything a person wrote is sealed with the
 * contact compartment's key; only the kind, language of the page, status and times are clear.
 */
export interface ContactMessagesTable {
  id: string
  compartment_id: string
  kind: 'contact' | 'application'
  site_locale: string
  status: 'new' | 'answered' | 'archived'
  received_at: string
  updated_at: string
  updated_by: string | null
  name_sealed: string
  reply_to_sealed: string
  message_sealed: string
  /** JSON: reply language, and for applications languages spoken, skills and availability. */
  details_sealed: string
}

/**
 * Submissions per client and window. The key is an HMAC of the client address with a secret and
 * the day, so the table never holds an address and cannot link a client across days.
 */
export interface IntakeRateLimitsTable {
  key: string
  count: number
  window_start: string
  expires_at: string
}

export interface InboxTables {
  contact_messages: ContactMessagesTable
  intake_rate_limits: IntakeRateLimitsTable
}

// The module's tables join the database's type from here (declaration merging, as its policy
// joins Entities), so db/schema.ts names no module.
declare module '../../db/schema.js' {
  interface Database extends InboxTables {}
}
