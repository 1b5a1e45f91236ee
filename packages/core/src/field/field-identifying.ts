import { declareIdentifying } from '../privacy/identifying-fields.js'

/**
 * A field change kept for review (a conflict): its body may hold a case note or a person's
 * identity, so it is sealed with its compartment's key like the record it would have become.
 */
export const FIELD_CHANGE_BODY = declareIdentifying('FieldChange', {
  table: 'field_changes',
  idColumn: 'id',
  compartmentColumn: 'compartment_id',
  fields: [{ field: 'body', column: 'body' }],
})
