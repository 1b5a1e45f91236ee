import { defineModule } from '../../haven-module.js'
import { ensureContactCompartment } from './contact-compartment.js'
import { CONTACT_MESSAGE_FIELDS } from './contact-fields.js'
import { contactMessagePolicy } from './contact-message-policy.js'
import { inboxRoutes } from './inbox-routes.js'
import { registerFormRoutes } from './inbox-site.js'

/** Messages from the public site's contact and application forms, sealed in an inbox compartment. */
export const inboxModule = defineModule({
  name: 'inbox',
  routes: inboxRoutes,
  policies: [contactMessagePolicy],
  sealed: [CONTACT_MESSAGE_FIELDS],
  // Created at start-up, so administrators can grant it before the first message arrives.
  async start(app) {
    await ensureContactCompartment(app)
  },
  // The public contact and volunteer/intern forms: the inbox's face on the website.
  site: (site, renderer) => registerFormRoutes(site, renderer),
})
