import { defineAppModule, page } from '../../lib/app-module.js'

/** Detained aid workers: the restricted list and one record's page. */
export const detainedApp = defineAppModule({
  name: 'detained',
  pages: [
    page('/app/detained', () => import('./detained-page.js').then((m) => m.DetainedPage)),
    page('/app/detained/:id', () => import('./worker-page.js').then((m) => m.WorkerPage)),
  ],
  nav: [{ href: '/app/detained', label: 'nav.detained', shows: (can) => can.detained }],
})
