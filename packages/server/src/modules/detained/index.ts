import type { DETAINED_ABILITIES } from '@haven/core/detained/detained-abilities'
import {
  DETAINED_ADVOCACY_FIELDS,
  DETAINED_TIMELINE_FIELDS,
  DETAINED_WORKER_FIELDS,
} from '@haven/core/detained/detained-identifying'
import { canSomewhere } from '../../auth/policy.js'
import { type AbilitiesOf, defineModule } from '../../haven-module.js'
import { campaignPages as registerCampaignPages } from './campaign-pages.js'
import { campaignRoutes } from './campaign-routes.js'
import { ensureDetainedCompartment } from './detained-compartment.js'
import { detainedDemo } from './detained-demo.js'
import { detainedWorkerPolicy } from './detained-policy.js'
import { detainedRoutes } from './detained-routes.js'
import * as m1801 from './migrations/2026-12-06-1801-detained.js'
import * as m1500 from './migrations/2026-12-07-1500-detained-campaigns.js'

/**
 * Aid workers arrested for helping refugees: a restricted record each (identity sealed), time
 * served against the sentence, support to the family (money events), advocacy and a timeline.
 */
export const detainedModule = defineModule({
  name: 'detained',
  migrations: {
    '2026-12-06-1801-detained': m1801,
    '2026-12-07-1500-detained-campaigns': m1500,
  },
  routes: [...detainedRoutes, ...campaignRoutes],
  // The approved campaign pages, on the public site (read from its published tables only).
  site: (site, renderer) => registerCampaignPages(site, renderer),
  policies: [detainedWorkerPolicy],
  demo: detainedDemo,
  sealed: [DETAINED_WORKER_FIELDS, DETAINED_TIMELINE_FIELDS, DETAINED_ADVOCACY_FIELDS],
  // Created at start-up, so an administrator can grant it before the first record.
  async start(app) {
    await ensureDetainedCompartment(app)
  },
  async abilities(actor): Promise<AbilitiesOf<(typeof DETAINED_ABILITIES)[number]>> {
    return { detained: canSomewhere(actor, 'list', 'DetainedWorker') }
  },
})

export { ensureDetainedCompartment } from './detained-compartment.js'
