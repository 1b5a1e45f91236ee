import { Hono } from 'hono'
import type { AppContext } from '../app-context.js'
import { sessionCookieName } from '../auth/session-cookie.js'
import { errorJson, toHavenError } from '../http/error-response.js'
import { errors } from '../http/errors.js'
import type { HavenEnv } from '../http/hono-env.js'
import type { AnyApiRoute } from './api-route.js'
import { apiRoutes } from './api-routes.js'
import { allowedMethods, mountRoutes } from './mount-routes.js'
import { buildOpenApi } from './openapi.js'

export const API_VERSION = '0.1.0'

/** The JSON API, mounted at /api/v1. */
export function createApiApp(
  app: AppContext,
  routes: readonly AnyApiRoute[] = apiRoutes(app.modules),
): Hono<HavenEnv> {
  const api = new Hono<HavenEnv>()
  // API answers must never be cached by a browser or proxy: they may hold protected data.
  api.use('*', async function noStore(c, next) {
    await next()
    c.header('Cache-Control', 'no-store')
  })

  // Built at the first request: the cookie's name depends on the address, known once listening.
  let openApi: Record<string, unknown> | null = null
  api.get('/openapi.json', (c) => {
    openApi ??= buildOpenApi(routes, {
      version: API_VERSION,
      sessionCookie: sessionCookieName(app.urls),
    })
    return c.json(openApi)
  })
  mountRoutes(api, routes, app)

  // Registered last, so it only answers what no route above did: 405 if the path exists, else 404.
  // (A mounted sub-app's notFound is not consulted by its parent, hence a catch-all route.)
  const known = [...routes, { method: 'get', path: '/openapi.json' } as const]
  api.all('*', (c) => {
    const allowed = allowedMethods(known, c.req.path.replace(/^\/api\/v1/, ''))
    return errorJson(
      c,
      allowed.length > 0 ? errors.methodNotAllowed(c.req.method, allowed) : errors.notFound(),
    )
  })
  api.onError((error, c) => errorJson(c, toHavenError(c, error)))
  return api
}
