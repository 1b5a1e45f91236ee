import { defineAppModule, page } from '../../lib/app-module.js'

/** Partners and the relationship with each, and the events where the organisation took part. */
export const networkApp = defineAppModule({
  name: 'network',
  pages: [
    page('/app/network', () => import('./partners-page.js').then((m) => m.PartnersPage)),
    page('/app/network/map', () => import('./map-page.js').then((m) => m.MapPage)),
    page('/app/network/events', () => import('./events-page.js').then((m) => m.EventsPage)),
    page('/app/network/publications', () =>
      import('./publications-page.js').then((m) => m.PublicationsPage),
    ),
    page('/app/network/events/:id', () => import('./event-page.js').then((m) => m.EventPage)),
    page('/app/network/:id', () => import('./partner-page.js').then((m) => m.PartnerPage)),
  ],
  nav: [{ href: '/app/network', label: 'nav.network', shows: (can) => can.network }],
})
