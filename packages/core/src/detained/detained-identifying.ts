import { declareIdentifying } from '../privacy/identifying-fields.js'

/**
 * A detained aid worker's identity: some are public figures, some must never be named, so the name
 * is sealed in the record's compartment whatever the case (listed in the server module's `sealed`).
 */
export const DETAINED_WORKER_FIELDS = declareIdentifying('DetainedWorker', {
  table: 'detained_workers',
  idColumn: 'id',
  compartmentColumn: 'compartment_id',
  fields: [{ field: 'name', column: 'name' }],
})

/** Timeline notes (a visit, a transfer) may say where and who: sealed. */
export const DETAINED_TIMELINE_FIELDS = declareIdentifying('DetainedTimelineEntry', {
  table: 'detained_timeline',
  idColumn: 'id',
  compartmentColumn: 'compartment_id',
  fields: [{ field: 'note', column: 'note' }],
})

/** What was asked of a government and what it answered: may name the worker. */
export const DETAINED_ADVOCACY_FIELDS = declareIdentifying('DetainedAdvocacy', {
  table: 'detained_advocacy',
  idColumn: 'id',
  compartmentColumn: 'compartment_id',
  fields: [
    { field: 'summary', column: 'summary' },
    { field: 'answer', column: 'answer' },
  ],
})
