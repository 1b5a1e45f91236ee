import type { RESETTLEMENT_ABILITIES } from '@haven/core/resettlement/resettlement-abilities'
import { canSomewhere } from '../../auth/policy.js'
import { type AbilitiesOf, defineModule } from '../../haven-module.js'
import * as m1900 from './migrations/2026-12-06-1900-resettlement-pathways.js'
import * as m1901 from './migrations/2026-12-06-1901-returnee-support.js'
import { ensureResettlementCompartment } from './resettlement-compartment.js'
import { resettlementDemo } from './resettlement-demo.js'
import { RESETTLEMENT_FIGURES } from './resettlement-figures.js'
import { pathwayPolicy, returneePolicy } from './resettlement-policy.js'
import { resettlementRoutes } from './resettlement-routes.js'
import { returneeRoutes } from './returnee-routes.js'

/**
 * Resettlement pathways of resettlement cases (route, stages at a month's or a year's precision,
 * the country of resettlement), kept in a restricted compartment that only its own grants open.
 */
export const resettlementModule = defineModule({
  name: 'resettlement',
  migrations: {
    '2026-12-06-1900-resettlement-pathways': m1900,
    '2026-12-06-1901-returnee-support': m1901,
  },
  routes: [...resettlementRoutes, ...returneeRoutes],
  policies: [pathwayPolicy, returneePolicy],
  figures: RESETTLEMENT_FIGURES,
  demo: resettlementDemo,
  start: async (app) => {
    await ensureResettlementCompartment(app)
  },
  async abilities(actor): Promise<AbilitiesOf<(typeof RESETTLEMENT_ABILITIES)[number]>> {
    return { resettlement: canSomewhere(actor, 'list', 'Pathway') }
  },
})
