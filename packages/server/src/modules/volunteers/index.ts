import type { VOLUNTEERS_ABILITIES } from '@haven/core/volunteers/volunteers-abilities'
import { VOLUNTEER_FIELDS } from '@haven/core/volunteers/volunteers-identifying'
import { canSomewhere } from '../../auth/policy.js'
import { type AbilitiesOf, defineModule } from '../../haven-module.js'
import * as m0300 from './migrations/2026-12-07-0300-volunteers.js'
import { ensureVolunteersCompartment } from './volunteers-compartment.js'
import { volunteersDemo } from './volunteers-demo.js'
import { VOLUNTEERS_FIGURES } from './volunteers-figures.js'
import { volunteerPolicy } from './volunteers-policy.js'
import { volunteersRoutes } from './volunteers-routes.js'

/**
 * Volunteers and interns: the application (contact details sealed), languages with levels,
 * skills, availability, screening, assignments to events, classes and shelters, and hours.
 */
export const volunteersModule = defineModule({
  name: 'volunteers',
  migrations: { '2026-12-07-0300-volunteers': m0300 },
  routes: volunteersRoutes,
  policies: [volunteerPolicy],
  sealed: [VOLUNTEER_FIELDS],
  figures: VOLUNTEERS_FIGURES,
  demo: volunteersDemo,
  // Created at start-up, so administrators can grant it before the first application.
  async start(app) {
    await ensureVolunteersCompartment(app)
  },
  async abilities(actor): Promise<AbilitiesOf<(typeof VOLUNTEERS_ABILITIES)[number]>> {
    return { volunteers: canSomewhere(actor, 'list', 'Volunteer') }
  },
})

export { ensureVolunteersCompartment } from './volunteers-compartment.js'
// The public site's volunteer and intern form (the inbox) hands its applications to this module.
export { receiveSiteApplication, type SiteApplication } from './volunteers-service.js'
