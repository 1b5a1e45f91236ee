import { defineAppModule, page } from '../../lib/app-module.js'

/** Language classes: the list (filters and page in the URL, a class opened on demand) and one class. */
export const classesApp = defineAppModule({
  name: 'classes',
  pages: [
    page('/app/classes', () => import('./classes-page.js').then((m) => m.ClassesPage)),
    page('/app/classes/:id', () => import('./class-page.js').then((m) => m.ClassPage)),
  ],
  nav: [{ href: '/app/classes', label: 'nav.classes', shows: (can) => can.classes }],
})
