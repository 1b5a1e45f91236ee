import { defineModule } from '../../haven-module.js'
import { ensureContactCompartment } from './contact-compartment.js'
import { contactMessagePolicy } from './contact-message-policy.js'
import { inboxRoutes } from './inbox-routes.js'

/** Messages from the public site's contact and application forms, sealed in an inbox compartment. */
export const inboxModule = defineModule({
  name: 'inbox',
  routes: inboxRoutes,
  policies: [contactMessagePolicy],
  // Created at start-up, so administrators can grant it before the first message arrives.
  async start(app) {
    await ensureContactCompartment(app)
  },
})
