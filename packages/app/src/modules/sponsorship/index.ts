import { defineAppModule, page } from '../../lib/app-module.js'

/** The education sponsorship plan: enrolments, the year's flows, and sponsors' letters. */
export const sponsorshipApp = defineAppModule({
  name: 'sponsorship',
  pages: [
    page('/app/sponsorship', () => import('./enrolments-page.js').then((m) => m.EnrolmentsPage)),
    page('/app/sponsorship/flows', () => import('./flows-page.js').then((m) => m.FlowsPage)),
    page('/app/sponsorship/enrolments/:id', () =>
      import('./enrolment-page.js').then((m) => m.EnrolmentPage),
    ),
    page('/app/sponsorship/updates/:id', () =>
      import('./update-page.js').then((m) => m.UpdatePage),
    ),
    page('/app/sponsorship/sponsors', () =>
      import('./sponsors-page.js').then((m) => m.SponsorsPage),
    ),
    page('/app/sponsorship/sponsors/:id', () =>
      import('./sponsor-page.js').then((m) => m.SponsorPage),
    ),
    page('/app/sponsorship/sponsors/:id/letters/:updateId', () =>
      import('./letter-page.js').then((m) => m.LetterPage),
    ),
  ],
  nav: [{ href: '/app/sponsorship', label: 'nav.sponsorship', shows: (can) => can.sponsorship }],
})
