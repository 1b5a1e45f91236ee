import { SHELTER_LOG_NOTE } from '@haven/core/shelters/shelter-identifying'
import type { SHELTERS_ABILITIES } from '@haven/core/shelters/shelters-abilities'
import { can, canSomewhere } from '../../auth/policy.js'
import { type AbilitiesOf, defineModule } from '../../haven-module.js'
import { shelterLogPolicy, shelterPolicy, shelterRecordPolicy } from './shelter-policy.js'
import { shelterRoutes } from './shelter-routes.js'
import { sheltersDemo } from './shelters-demo.js'
import { SHELTERS_FIGURES } from './shelters-figures.js'

/** Covert shelters: each is a compartment, with its residents, sealed log and compromise drill. */
export const sheltersModule = defineModule({
  name: 'shelters',
  routes: shelterRoutes,
  policies: [shelterPolicy, shelterRecordPolicy, shelterLogPolicy],
  sealed: [SHELTER_LOG_NOTE],
  demo: sheltersDemo,
  figures: SHELTERS_FIGURES,
  async abilities(actor): Promise<AbilitiesOf<(typeof SHELTERS_ABILITIES)[number]>> {
    return {
      shelters: canSomewhere(actor, 'list', 'Shelter'),
      // A new shelter has no compartment yet: the rule asks only who the actor is.
      openShelters: can(actor, 'create', 'Shelter', { compartmentId: '' }),
    }
  },
})

/** A shelter as other modules know it, by its public code: its code, compartment and status. */
export { type ShelterRef, shelterRefByCode } from './shelter-ref.js'
// A shelter log entry recorded on a field device (its outbox id kept, so a replay finds it).
export { addLogEntry, addLogEntryIn } from './shelter-service.js'
// Shelters by compartment (codes, for a field device's list of where it may log).
export { listShelters } from './shelter-store.js'
