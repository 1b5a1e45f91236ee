import { setupRoutes } from '../auth/setup-routes.js'
import type { AnyApiRoute } from './api-route.js'

/** Every API route. A module joins the API (and the authorization matrix) by being listed here. */
export const ALL_ROUTES: readonly AnyApiRoute[] = [...setupRoutes]
