import { SHELTER_LOG_NOTE } from '@haven/core/shelters/shelter-identifying'
import { defineModule } from '../../haven-module.js'
import { shelterPolicy, shelterRecordPolicy } from './shelter-policy.js'
import { shelterRoutes } from './shelter-routes.js'
import { sheltersDemo } from './shelters-demo.js'

/** Covert shelters: each is a compartment, with its residents, sealed log and compromise drill. */
export const sheltersModule = defineModule({
  name: 'shelters',
  routes: shelterRoutes,
  policies: [shelterPolicy, shelterRecordPolicy],
  sealed: [SHELTER_LOG_NOTE],
  demo: sheltersDemo,
})
