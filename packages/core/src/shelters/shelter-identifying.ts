import { declareIdentifying } from '../privacy/identifying-fields.js'

/** The shelter log's free-text note (listed in the server module's `sealed`). */
export const SHELTER_LOG_NOTE = declareIdentifying('ShelterLogEntry', {
  table: 'shelter_log',
  idColumn: 'id',
  compartmentColumn: 'compartment_id',
  fields: [{ field: 'note', column: 'note' }],
})
