import { attachmentRoutes } from './attachment-routes.js'
import { caseRoutes } from './case-routes.js'
import { exportRoutes } from './export-routes.js'
import { incidentRoutes } from './incident-routes.js'
import { PEOPLE_BLIND_INDEX_REGISTERED } from './people-blind-index.js'
import { personRoutes } from './person-routes.js'
import { retentionRoutes } from './retention-routes.js'

/** Every route of the people module (its blind index registers with it). */
void PEOPLE_BLIND_INDEX_REGISTERED

export const peopleModuleRoutes = [
  ...personRoutes,
  ...caseRoutes,
  ...incidentRoutes,
  ...attachmentRoutes,
  ...exportRoutes,
  ...retentionRoutes,
]
