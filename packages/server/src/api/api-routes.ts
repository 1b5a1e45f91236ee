import { AUTH_ROUTES } from '../auth/auth-routes.js'
import type { HavenModule } from '../haven-module.js'
import { notificationRoutes } from '../notifications/notification-routes.js'
import type { AnyApiRoute } from './api-route.js'

/**
 * Every API route: the platform's own (signing in, one's account, one's notifications), then each
 * module's, in the order of the modules list.
 */
export function apiRoutes(modules: readonly HavenModule[]): readonly AnyApiRoute[] {
  return [...AUTH_ROUTES, ...notificationRoutes, ...modules.flatMap((m) => m.routes ?? [])]
}
