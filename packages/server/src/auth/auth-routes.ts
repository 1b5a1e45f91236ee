import { accountRoutes } from './account-routes.js'
import { loginRoutes } from './login-routes.js'
import { passwordLinkRoutes } from './password-link-routes.js'
import { setupRoutes } from './setup-routes.js'

/** The platform's own endpoints: first set-up, signing in, password links and one's own account. */
export const AUTH_ROUTES = [...setupRoutes, ...loginRoutes, ...passwordLinkRoutes, ...accountRoutes]
