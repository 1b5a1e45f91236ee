import { defineAppModule, page } from '../../lib/app-module.js'

/**
 * The offline field app (its own chunk, loaded only when opened: the crypto, store and sync code
 * never reach staff who do not use it) and the coordinators' review of what phones sent.
 */
export const fieldApp = defineAppModule({
  name: 'field',
  pages: [
    page('/app/field', () => import('./field-page.js').then((m) => m.FieldPage)),
    page('/app/field/review', () => import('./review-page.js').then((m) => m.ReviewPage)),
  ],
  nav: [
    {
      href: '/app/field',
      label: 'field.nav',
      match: 'exact',
      group: 'field',
      shows: (can) => can.fieldApp,
    },
    {
      href: '/app/field/review',
      label: 'field.review.nav',
      match: 'exact',
      group: 'field',
      shows: (can) => can.reviewField,
    },
  ],
})
