import { defineAppModule, page } from '../../lib/app-module.js'

/** Shelters the person works in, one shelter's page, and the notifications about them. */
export const sheltersApp = defineAppModule({
  name: 'shelters',
  pages: [
    page('/app/shelters', () => import('./shelters-page.js').then((m) => m.SheltersPage)),
    page('/app/shelters/:id', () => import('./shelter-page.js').then((m) => m.ShelterPage)),
  ],
  nav: [
    {
      href: '/app/shelters',
      label: 'nav.shelters',
      group: 'field',
      shows: (can) => can.shelters,
    },
  ],
  notificationLinks: {
    shelter_compromised: (id) => `/app/shelters/${encodeURIComponent(id)}`,
    shelter_restored: (id) => `/app/shelters/${encodeURIComponent(id)}`,
  },
})
