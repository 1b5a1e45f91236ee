// What other modules may use of supplies' core: the shape of a distribution (the field app's outbox).

// A stored item or location name in the reader's language (a medical case's kits).
export { referenceName } from './reference-name.js'
export { type RecordDistribution, recordDistributionSchema } from './supply-schemas.js'
