import { defineAppModule, page } from '../../lib/app-module.js'

/** Key status, rotation and shredding, in the administration (its link is in AdminNav). */
export const keysApp = defineAppModule({
  name: 'keys',
  pages: [page('/app/admin/keys', () => import('./keys-page.js').then((m) => m.KeysPage))],
})
