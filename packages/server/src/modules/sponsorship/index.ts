import type { SPONSORSHIP_ABILITIES } from '@haven/core/sponsorship/sponsorship-abilities'
import {
  ENROLMENT_DETAILS,
  ENROLMENT_EVENT_NOTE,
  SPONSOR_CONTACT,
  SPONSOR_UPDATE_CONTENT,
  TERM_PROGRESS_NOTE,
} from '@haven/core/sponsorship/sponsorship-identifying'
import { canSomewhere } from '../../auth/policy.js'
import { type AbilitiesOf, defineModule } from '../../haven-module.js'
import * as m1600 from './migrations/2026-12-06-1600-sponsorship.js'
import { sponsorUpdateRoutes } from './sponsor-update-routes.js'
import { sponsorshipDemo } from './sponsorship-demo.js'
import { SPONSORSHIP_FIGURES } from './sponsorship-figures.js'
import { enrolmentPolicy, sponsorPolicy } from './sponsorship-policy.js'
import { enrolmentRoutes, sponsorRoutes } from './sponsorship-routes.js'

/**
 * The education sponsorship plan: children's enrolments (status flow, coded leave reasons,
 * incidents that end many at once), schooling and school payments, sponsors with pledges,
 * payments and allocations, and the year's flows.
 */
export const sponsorshipModule = defineModule({
  name: 'sponsorship',
  migrations: { '2026-12-06-1600-sponsorship': m1600 },
  routes: [...enrolmentRoutes, ...sponsorRoutes, ...sponsorUpdateRoutes],
  policies: [enrolmentPolicy, sponsorPolicy],
  sealed: [
    ENROLMENT_DETAILS,
    ENROLMENT_EVENT_NOTE,
    TERM_PROGRESS_NOTE,
    SPONSOR_CONTACT,
    SPONSOR_UPDATE_CONTENT,
  ],
  figures: SPONSORSHIP_FIGURES,
  demo: sponsorshipDemo,
  async abilities(actor): Promise<AbilitiesOf<(typeof SPONSORSHIP_ABILITIES)[number]>> {
    return {
      sponsorship: canSomewhere(actor, 'list', 'SponsorshipEnrolment'),
      enrolChildren: canSomewhere(actor, 'create', 'SponsorshipEnrolment'),
      sponsors: canSomewhere(actor, 'list', 'Sponsor'),
    }
  },
})

// What other modules may use: a sponsor payment's donor, for finance's receipts.
// Sponsors from a spreadsheet (data exchange), contact sealed here, in the import's transaction.
export { createSponsorIn, donorOfSponsorPayment } from './sponsor-service.js'
