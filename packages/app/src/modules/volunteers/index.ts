import { defineAppModule, page } from '../../lib/app-module.js'

/** Volunteers and interns: the list with the application form, and one volunteer's page. */
export const volunteersApp = defineAppModule({
  name: 'volunteers',
  pages: [
    page('/app/volunteers', () => import('./volunteers-page.js').then((m) => m.VolunteersPage)),
    page('/app/volunteers/:id', () => import('./volunteer-page.js').then((m) => m.VolunteerPage)),
  ],
  nav: [{ href: '/app/volunteers', label: 'nav.volunteers', shows: (can) => can.volunteers }],
})
