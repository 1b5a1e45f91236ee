import type { ADMIN_ABILITIES } from '@haven/core/admin/admin-abilities'
import { can } from '../../auth/policy.js'
import { type AbilitiesOf, defineModule } from '../../haven-module.js'
import { compartmentPolicy } from './compartment-policy.js'
import { compartmentRoutes } from './compartment-routes.js'
import { grantPolicy } from './grant-policy.js'
import { grantRoutes } from './grant-routes.js'
import { rolePolicy, settingsPolicy } from './settings-policy.js'
import { settingsRoutes } from './settings-routes.js'
import { userPolicy } from './user-policy.js'
import { userRoutes } from './user-routes.js'

/** Administration: users, their grants, compartments, roles and security settings. */
export const adminModule = defineModule({
  name: 'admin',
  routes: [...userRoutes, ...grantRoutes, ...compartmentRoutes, ...settingsRoutes],
  policies: [userPolicy, grantPolicy, compartmentPolicy, settingsPolicy, rolePolicy],
  async abilities(actor): Promise<AbilitiesOf<(typeof ADMIN_ABILITIES)[number]>> {
    return { administer: can(actor, 'list', 'User', { id: '' }) }
  },
})
