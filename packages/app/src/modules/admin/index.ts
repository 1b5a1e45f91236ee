import { defineAppModule, page } from '../../lib/app-module.js'

// The administration loads as one chunk, on first visit: most staff never open it.
const pages = () => import('./admin-pages.js')

/** Users, their grants, compartments, roles and security settings, for administrators. */
export const adminApp = defineAppModule({
  name: 'admin',
  pages: [
    page('/app/admin', () => pages().then((m) => m.UsersPage)),
    page('/app/admin/users/:id', () => pages().then((m) => m.UserPage)),
    page('/app/admin/compartments', () => pages().then((m) => m.CompartmentsPage)),
    page('/app/admin/roles', () => pages().then((m) => m.RolesPage)),
    page('/app/admin/security', () => pages().then((m) => m.SecurityPage)),
  ],
  nav: [
    {
      href: '/app/admin',
      label: 'nav.admin',
      group: 'organisation',
      shows: (can) => can.administer,
    },
  ],
})

// What other modules may use: the administration's own sub-navigation (the keys page sits in it).
export { AdminNav } from './admin-nav.js'
