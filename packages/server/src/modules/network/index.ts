import type { NETWORK_ABILITIES } from '@haven/core/network/network-abilities'
import { NETWORK_CONTACT_FIELDS } from '@haven/core/network/network-identifying'
import { can } from '../../auth/policy.js'
import { type AbilitiesOf, defineModule } from '../../haven-module.js'
import * as m1800 from './migrations/2026-12-06-1800-network.js'
import * as m1810 from './migrations/2026-12-06-1810-network-interactions.js'
import * as m0230 from './migrations/2026-12-07-0230-network-event-site.js'
import * as m0400 from './migrations/2026-12-07-0400-network-event-costs.js'
import * as m1200 from './migrations/2026-12-07-1200-network-versions.js'
import { ensureNetworkCompartment } from './network-compartment.js'
import { networkDemo } from './network-demo.js'
import { NETWORK_FIGURES } from './network-figures.js'
import { partnerContactPolicy, partnerCostPolicy, partnerPolicy } from './network-policy.js'
import { networkRoutes } from './network-routes.js'

/** Partners and the relationship with each, their contacts (sealed), events and publications. */
export const networkModule = defineModule({
  name: 'network',
  migrations: {
    '2026-12-06-1800-network': m1800,
    '2026-12-06-1810-network-interactions': m1810,
    '2026-12-07-0230-network-event-site': m0230,
    '2026-12-07-0400-network-event-costs': m0400,
    '2026-12-07-1200-network-versions': m1200,
  },
  routes: networkRoutes,
  policies: [partnerPolicy, partnerContactPolicy, partnerCostPolicy],
  sealed: [NETWORK_CONTACT_FIELDS],
  figures: NETWORK_FIGURES,
  demo: networkDemo,
  // Created at start-up, so administrators can grant it before the first contact is recorded.
  async start(app) {
    await ensureNetworkCompartment(app)
  },
  async abilities(actor): Promise<AbilitiesOf<(typeof NETWORK_ABILITIES)[number]>> {
    return {
      network: can(actor, 'list', 'Partner', {}),
      manageNetwork: can(actor, 'create', 'Partner', {}),
      recordEventCosts: can(actor, 'create', 'PartnerCost', {}),
    }
  },
})

export { ensureNetworkCompartment } from './network-compartment.js'
// Volunteers are assigned to events this module recorded; they ask whether one exists.
// Partners from a spreadsheet (data exchange), in the import's transaction.
export { createOrganisationIn, eventExists } from './network-service.js'
