import type { FIELD_ABILITIES } from '@haven/core/field/field-abilities'
import { FIELD_CHANGE_BODY } from '@haven/core/field/field-identifying'
import { canSomewhere } from '../../auth/policy.js'
import { type AbilitiesOf, defineModule } from '../../haven-module.js'
import { fieldDevicePolicy, fieldReviewPolicy } from './field-policy.js'
import { fieldRoutes } from './field-routes.js'
import * as m0200 from './migrations/2026-12-07-0200-field.js'

/**
 * The offline field app's server side: phones registered and revoked, the sync of their outboxes
 * through the owning modules' doors, a pull scoped to the user's current grants, and the review
 * of what arrived past a cap or against a newer record.
 */
export const fieldModule = defineModule({
  name: 'field',
  migrations: { '2026-12-07-0200-field': m0200 },
  routes: fieldRoutes,
  policies: [fieldDevicePolicy, fieldReviewPolicy],
  sealed: [FIELD_CHANGE_BODY],
  async abilities(actor): Promise<AbilitiesOf<(typeof FIELD_ABILITIES)[number]>> {
    return {
      fieldApp: canSomewhere(actor, 'list', 'Person'),
      reviewField: canSomewhere(actor, 'list', 'FieldReview'),
    }
  },
})
