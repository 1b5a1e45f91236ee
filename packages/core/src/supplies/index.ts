// What other modules may use of supplies' core: the shape of a distribution (the field app's outbox).

// A stored item or location name in the reader's language (a medical case's kits).
export { referenceName, supplyName } from './reference-name.js'
// The units and largest quantity of a stock movement (exchange's import of supplies received).
export {
  ITEM_UNITS,
  type ItemUnit,
  MAX_QUANTITY,
  type RecordDistribution,
  recordDistributionSchema,
} from './supply-schemas.js'
