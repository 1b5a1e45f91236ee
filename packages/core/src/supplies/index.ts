// What other modules may use of supplies' core: the shape of a distribution (the field app's outbox).
export { type RecordDistribution, recordDistributionSchema } from './supply-schemas.js'
