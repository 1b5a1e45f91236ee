import { declareIdentifying } from '../privacy/identifying-fields.js'

/**
 * Every sealed column of the people module (listed in the server module's `sealed`). Rotation,
 * export redaction and the schema test read these declarations; the services seal and open
 * through them.
 */
export const PERSON_IDENTITY = declareIdentifying('Person', {
  table: 'people',
  idColumn: 'id',
  compartmentColumn: 'compartment_id',
  fields: [{ field: 'identity', column: 'identity', searchable: true }],
})
export const CASE_SUMMARY = declareIdentifying('Case', {
  table: 'cases',
  idColumn: 'id',
  compartmentColumn: 'compartment_id',
  fields: [{ field: 'summary', column: 'summary' }],
})
export const CASE_ENTRY_TEXT = declareIdentifying('CaseEntry', {
  table: 'case_entries',
  idColumn: 'id',
  compartmentColumn: 'compartment_id',
  fields: [{ field: 'text', column: 'text' }],
})
export const REFERRAL_OVERRIDE = declareIdentifying('Referral', {
  table: 'referrals',
  idColumn: 'id',
  compartmentColumn: 'compartment_id',
  fields: [{ field: 'overrideReason', column: 'override_reason' }],
})
export const FOLLOW_UP_TITLE = declareIdentifying('FollowUp', {
  table: 'follow_ups',
  idColumn: 'id',
  compartmentColumn: 'compartment_id',
  fields: [{ field: 'title', column: 'title' }],
})
export const INCIDENT_FOLLOW_UP = declareIdentifying('Incident', {
  table: 'incidents',
  idColumn: 'id',
  compartmentColumn: 'compartment_id',
  fields: [{ field: 'followUp', column: 'follow_up' }],
})
export const ATTACHMENT_CONTENT = declareIdentifying('Attachment', {
  table: 'attachments',
  idColumn: 'id',
  compartmentColumn: 'compartment_id',
  fields: [
    { field: 'fileName', column: 'file_name' },
    { field: 'content', column: 'content' },
  ],
})
