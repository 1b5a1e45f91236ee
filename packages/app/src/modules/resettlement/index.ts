import { defineAppModule, page } from '../../lib/app-module.js'

/** Resettlement pathways and return support: the list (filters and page in the URL) and one pathway's stages; opening one from a case. */
export const resettlementApp = defineAppModule({
  name: 'resettlement',
  pages: [
    page('/app/resettlement', () => import('./pathways-page.js').then((m) => m.PathwaysPage)),
    page('/app/resettlement/new', () => import('./pathway-new.js').then((m) => m.PathwayNew)),
    page('/app/returns', () => import('./returns-page.js').then((m) => m.ReturnsPage)),
    page('/app/resettlement/:id', () => import('./pathway-page.js').then((m) => m.PathwayPage)),
  ],
  nav: [
    { href: '/app/resettlement', label: 'nav.resettlement', shows: (can) => can.resettlement },
    { href: '/app/returns', label: 'nav.returns', shows: (can) => can.resettlement },
  ],
})
