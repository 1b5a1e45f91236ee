import { formatBytes } from '@haven/core/i18n/format'
import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { AppContext } from '../app-context.js'
import { errorJson, toHavenError } from '../http/error-response.js'
import { errors } from '../http/errors.js'
import type { HavenEnv } from '../http/hono-env.js'
import { ALL_ROUTES } from './all-routes.js'
import type { AnyApiRoute } from './api-route.js'
import { allowedMethods, mountRoutes } from './mount-routes.js'
import { buildOpenApi } from './openapi.js'

export const API_VERSION = '0.1.0'

/** The JSON API, mounted at /api/v1. */
export function createApiApp(
  app: AppContext,
  routes: readonly AnyApiRoute[] = ALL_ROUTES,
): Hono<HavenEnv> {
  const api = new Hono<HavenEnv>()
  const limitOf = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: (c) => errorJson(c, errors.payloadTooLarge(formatBytes(c.get('locale'), maxSize))),
    })
  const defaultLimit = limitOf(app.config.bodyLimitBytes)
  // A few routes take more (image uploads): each gets its own limit, the rest the configured one.
  const larger = routes
    .filter((r) => r.bodyLimitBytes !== undefined)
    .map((r) => ({
      method: r.method.toUpperCase(),
      path: r.path,
      limit: limitOf(r.bodyLimitBytes ?? 0),
    }))
  api.use('*', async function routeBodyLimit(c, next) {
    const path = c.req.path.replace(/^\/api\/v1/, '')
    const special = larger.find(
      (r) =>
        r.method === c.req.method &&
        allowedMethods([{ method: 'get', path: r.path }], path).length > 0,
    )
    return (special?.limit ?? defaultLimit)(c, next)
  })
  // API answers must never be cached by a browser or proxy: they may hold protected data.
  api.use('*', async function noStore(c, next) {
    await next()
    c.header('Cache-Control', 'no-store')
  })

  const openApi = buildOpenApi(routes, { version: API_VERSION })
  api.get('/openapi.json', (c) => c.json(openApi))
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
