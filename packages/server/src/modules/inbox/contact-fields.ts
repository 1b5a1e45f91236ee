import { declareIdentifying } from '@haven/core/privacy/identifying-fields'

/**
 * Everything a person writes through the public forms identifies them (a refugee may write):
 * sealed with the contact compartment's key, readable only with a grant there, every read audited.
 */
export const CONTACT_MESSAGE_FIELDS = declareIdentifying('ContactMessage', {
  table: 'contact_messages',
  idColumn: 'id',
  compartmentColumn: 'compartment_id',
  fields: [
    { field: 'name', column: 'name_sealed' },
    { field: 'replyTo', column: 'reply_to_sealed' },
    { field: 'message', column: 'message_sealed' },
    { field: 'details', column: 'details_sealed' },
  ],
})
