import type { INBOX_ABILITIES } from '@haven/core/inbox/inbox-abilities'
import { can } from '../../auth/policy.js'
import { compartmentIdsOfKind } from '../../compartments/compartment-store.js'
import { type AbilitiesOf, defineModule } from '../../haven-module.js'
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
  async abilities(actor, app): Promise<AbilitiesOf<(typeof INBOX_ABILITIES)[number]>> {
    const inboxes = await compartmentIdsOfKind(app.database.db, 'inbox')
    return {
      readInbox: inboxes.some((compartmentId) =>
        can(actor, 'read', 'ContactMessage', { compartmentId }),
      ),
    }
  },
})
