import { AUTH_ROUTES } from '../auth/auth-routes.js'
import type { HavenModule } from '../haven-module.js'
import type { AnyApiRoute } from './api-route.js'

/** Every API route: the platform's own (signing in, one's account), then each module's, in order. */
export function apiRoutes(modules: readonly HavenModule[]): readonly AnyApiRoute[] {
  return [...AUTH_ROUTES, ...modules.flatMap((m) => m.routes ?? [])]
}
