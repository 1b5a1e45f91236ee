import { declareIdentifying } from '../privacy/identifying-fields.js'

/**
 * A contact at a partner: who they are and how to reach them can endanger them (a church worker
 * inside China, a journalist), so every field is sealed with the key of the contact's compartment
 * (listed in the server module's `sealed`).
 */
export const NETWORK_CONTACT_FIELDS = declareIdentifying('NetworkContact', {
  table: 'network_contacts',
  idColumn: 'id',
  compartmentColumn: 'compartment_id',
  fields: [
    { field: 'name', column: 'name' },
    { field: 'position', column: 'position' },
    { field: 'email', column: 'email' },
    { field: 'phone', column: 'phone' },
    { field: 'note', column: 'note' },
  ],
})
