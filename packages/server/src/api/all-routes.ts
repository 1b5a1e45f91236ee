import { accountRoutes } from '../auth/account-routes.js'
import { loginRoutes } from '../auth/login-routes.js'
import { passwordLinkRoutes } from '../auth/password-link-routes.js'
import { grantRoutes } from '../modules/admin/grant-routes.js'
import { settingsRoutes } from '../modules/admin/settings-routes.js'
import { userRoutes } from '../modules/admin/user-routes.js'
import { auditRoutes } from '../modules/audit/audit-routes.js'
import '../auth/policies/index.js'
import { setupRoutes } from '../auth/setup-routes.js'
import { compartmentRoutes } from '../modules/admin/compartment-routes.js'
import { cmsRoutes } from '../modules/cms/cms-routes.js'
import { cmsStructureRoutes } from '../modules/cms/cms-structure-routes.js'
import { inboxRoutes } from '../modules/inbox/inbox-routes.js'
import { keyRoutes } from '../modules/keys/key-routes.js'
import { notificationRoutes } from '../modules/notifications/notification-routes.js'
import { peopleModuleRoutes } from '../modules/people/people-routes.js'
import { shelterRoutes } from '../modules/shelters/shelter-routes.js'
import { distributionRoutes } from '../modules/supplies/distribution-routes.js'
import { suppliesRoutes } from '../modules/supplies/supplies-routes.js'
import type { AnyApiRoute } from './api-route.js'

/** Every API route. A module joins the API (and the authorization matrix) by being listed here. */
export const ALL_ROUTES: readonly AnyApiRoute[] = [
  ...setupRoutes,
  ...loginRoutes,
  ...passwordLinkRoutes,
  ...accountRoutes,
  ...userRoutes,
  ...grantRoutes,
  ...compartmentRoutes,
  ...settingsRoutes,
  ...auditRoutes,
  ...peopleModuleRoutes,
  ...shelterRoutes,
  ...notificationRoutes,
  ...keyRoutes,
  ...cmsRoutes,
  ...cmsStructureRoutes,
  ...inboxRoutes,
  ...suppliesRoutes,
  ...distributionRoutes,
]
