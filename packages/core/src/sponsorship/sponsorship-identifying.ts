import { declareIdentifying } from '../privacy/identifying-fields.js'

/** An enrolment's school name and guardian (the school would locate the child). */
export const ENROLMENT_DETAILS = declareIdentifying('SponsorshipEnrolment', {
  table: 'sponsorship_enrolments',
  idColumn: 'id',
  compartmentColumn: 'compartment_id',
  fields: [
    { field: 'schoolName', column: 'school_name' },
    { field: 'guardian', column: 'guardian' },
  ],
})

/** The note on a status change (why a child left, in words). */
export const ENROLMENT_EVENT_NOTE = declareIdentifying('SponsorshipEnrolmentEvent', {
  table: 'sponsorship_events',
  idColumn: 'id',
  compartmentColumn: 'compartment_id',
  fields: [{ field: 'note', column: 'note' }],
})

/** A term's progress note. */
export const TERM_PROGRESS_NOTE = declareIdentifying('SponsorshipTerm', {
  table: 'sponsorship_terms',
  idColumn: 'id',
  compartmentColumn: 'compartment_id',
  fields: [{ field: 'progressNote', column: 'progress_note' }],
})

/** A sponsor's contact details: sponsors' privacy matters too. */
export const SPONSOR_CONTACT = declareIdentifying('Sponsor', {
  table: 'sponsors',
  idColumn: 'id',
  compartmentColumn: 'compartment_id',
  fields: [{ field: 'contact', column: 'contact' }],
})

/** A sponsor update's text and photo, sealed until (and after) it is approved. */
export const SPONSOR_UPDATE_CONTENT = declareIdentifying('SponsorUpdate', {
  table: 'sponsor_updates',
  idColumn: 'id',
  compartmentColumn: 'compartment_id',
  fields: [
    { field: 'text', column: 'text' },
    { field: 'photo', column: 'photo' },
  ],
})
