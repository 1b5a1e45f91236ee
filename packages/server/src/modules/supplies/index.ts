import type { SUPPLIES_ABILITIES } from '@haven/core/supplies/supplies-abilities'
import { can, canSomewhere } from '../../auth/policy.js'
import { type AbilitiesOf, defineModule } from '../../haven-module.js'
import { distributionRoutes } from './distribution-routes.js'
import { HANDOUT_FIGURES } from './handout-figures.js'
import { handoutRoutes } from './handout-routes.js'
import * as m0310 from './migrations/2026-12-07-0310-item-handouts.js'
import * as m1500 from './migrations/2026-12-07-1500-reference-names-ja.js'
import * as m2200 from './migrations/2026-12-07-2200-movement-note.js'
import { suppliesDemo } from './supplies-demo.js'
import { SUPPLIES_FIGURES } from './supplies-figures.js'
import {
  allowancePolicyPolicy,
  distributionPolicy,
  exchangeRatePolicy,
  suppliesPolicy,
} from './supplies-policy.js'
import { suppliesRoutes } from './supplies-routes.js'
import { suppliesScale } from './supplies-scale.js'

/** Stock, exchange rates, allowance policies and food distributions under daily and monthly caps. */
export const suppliesModule = defineModule({
  name: 'supplies',
  migrations: {
    '2026-12-07-0310-item-handouts': m0310,
    '2026-12-07-1500-reference-names-ja': m1500,
    '2026-12-07-2200-movement-note': m2200,
  },
  routes: [...suppliesRoutes, ...distributionRoutes, ...handoutRoutes],
  policies: [suppliesPolicy, exchangeRatePolicy, allowancePolicyPolicy, distributionPolicy],
  demo: suppliesDemo,
  scale: suppliesScale,
  figures: [...SUPPLIES_FIGURES, ...HANDOUT_FIGURES],
  async abilities(actor): Promise<AbilitiesOf<(typeof SUPPLIES_ABILITIES)[number]>> {
    return {
      supplies: can(actor, 'list', 'Supplies', {}),
      manageSupplies: can(actor, 'create', 'Supplies', {}),
      managePolicies: canSomewhere(actor, 'create', 'AllowancePolicy'),
      enterRates: can(actor, 'create', 'ExchangeRate', {}),
    }
  },
})

// A field device's outbox of distributions recorded as one batch: the same caps, flags, books
// and audit as one at a time, in a few statements.
export {
  type BatchDistribution,
  type BatchEntry,
  recordDistributionsIn,
} from './distribution-batch.js'
// Recording a distribution made on a field device (offline): a fixed id, flagged past a cap.
export {
  type DistributionOptions,
  type RecordedDistribution,
  recordDistribution,
  recordDistributionIn,
} from './distribution-service.js'
// The allowance policy of a compartment on a day: finance sets its monthly cap beside the books.
export { policyOn as allowancePolicyOn } from './distribution-store.js'
// What other code may use: a compartment's distribution figures for a year (the dashboard's
// aggregates, also measured by bench/aggregates.ts).
export { distributionFigures } from './figures-service.js'
// Handing out non-food items (clothes sets, first-aid kits) to a person or a shelter's headcount,
// as a supply movement: for other modules' records and demo data (medical aid's kits).
export { handOutItems } from './handout-service.js'
// The handouts another module recorded (a medical case's kits), by id, with their item.
export { handoutsByIds } from './handout-store.js'
// Goods received into stock in another module's transaction (a spreadsheet import), the item and
// place found by the names the supplies screen shows; the compartment keying such an import's rows
// (below). And the organisation's dated exchange rates (entered here by finance), for the books:
// the rates of some currencies on or before a day, and the one nearest a day for a pair that has
// none.
export {
  exchangeRatesFor,
  itemsNamed,
  locationsNamed,
  type MovementInput,
  recordMovementIn,
  recordRate,
} from './stock-service.js'
export { nearestRate } from './stock-store.js'
export { ensureSuppliesCompartment } from './supplies-compartment.js'
