import { declareIdentifying } from '../privacy/identifying-fields.js'

/**
 * A volunteer's name and how to reach them: someone who helps refugees can be watched for it, so
 * they are sealed in the volunteer's compartment (listed in the server module's `sealed`).
 */
export const VOLUNTEER_FIELDS = declareIdentifying('Volunteer', {
  table: 'volunteers',
  idColumn: 'id',
  compartmentColumn: 'compartment_id',
  fields: [
    { field: 'name', column: 'name' },
    { field: 'email', column: 'email' },
    { field: 'phone', column: 'phone' },
  ],
})
