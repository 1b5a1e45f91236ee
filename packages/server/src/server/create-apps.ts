import { Hono } from 'hono'
import { createApiApp } from '../api/api-app.js'
import type { AnyApiRoute } from '../api/api-route.js'
import type { AppContext } from '../app-context.js'
import { originCheck } from '../auth/origin-check.js'
import { sessionContext } from '../auth/session-middleware.js'
import { accessLog } from '../http/access-log.js'
import { compressResponses } from '../http/compress-responses.js'
import { errorJson, toHavenError } from '../http/error-response.js'
import { errors } from '../http/errors.js'
import type { HavenEnv } from '../http/hono-env.js'
import { localeNegotiation } from '../http/locale.js'
import { requestContext } from '../http/request-id.js'
import { SITE_CSP, STAFF_CSP, securityHeaders } from '../http/security-headers.js'
import { type FastPath, publishedPageFastPath } from '../site/prepared-listener.js'
import { createSiteApp } from '../site/site-app.js'
import type { StaticFile } from '../staff/app-assets.js'
import { createAppShell } from '../staff/app-shell.js'
import { createUnsealRoutes } from '../unseal/unseal-routes.js'
import { createHealthRoutes } from './health-routes.js'
import { sealedGate } from './sealed-gate.js'

export type FetchHandler = (request: Request, env?: unknown) => Response | Promise<Response>

export interface HavenApps {
  /** The public website alone. */
  site: Hono<HavenEnv>
  /** The staff app, API and health checks. */
  staff: Hono<HavenEnv>
  /** Both on one listener: staff paths go to `staff`, everything else to `site`. */
  combined: FetchHandler
  /** Published pages served by the listener before any of the above (per listener). */
  fastPaths: { combined: FastPath; public: FastPath }
}

const STAFF_PREFIXES = ['/api/', '/app', '/healthz', '/readyz', '/unseal']

export function isStaffPath(pathname: string): boolean {
  return STAFF_PREFIXES.some(
    (prefix) => pathname === prefix.replace(/\/$/, '') || pathname.startsWith(prefix),
  )
}

function base(app: AppContext, csp: string): Hono<HavenEnv> {
  const h = new Hono<HavenEnv>()
  h.use('*', requestContext({ logger: app.logger }))
  h.use('*', securityHeaders({ contentSecurityPolicy: csp, trustProxy: app.config.trustProxy }))
  h.use('*', localeNegotiation())
  h.use('*', accessLog())
  return h
}

/**
 * Builds the two halves of Haven. They share no middleware instance, so the public site can run
 * on its own listener with its own, stricter Content-Security-Policy.
 */
export function createApps(
  app: AppContext,
  options: { appAssets: Map<string, StaticFile> | null; routes?: readonly AnyApiRoute[] },
): HavenApps {
  const staff = base(app, STAFF_CSP)
  staff.use('*', sealedGate({ master: app.crypto.master }))
  staff.route('/', createUnsealRoutes(app))
  staff.use('/api/*', compressResponses())
  staff.use('/api/*', originCheck({ urls: () => app.urls }))
  staff.use('/api/*', sessionContext(app))
  staff.route('/', createHealthRoutes(app))
  staff.route('/api/v1', createApiApp(app, options.routes))
  staff.route('/', createAppShell(options.appAssets))
  staff.notFound((c) => errorJson(c, errors.notFound()))
  staff.onError((error, c) => errorJson(c, toHavenError(c, error)))

  const site = base(app, SITE_CSP)
  site.route('/', createHealthRoutes(app))
  createSiteApp(app, site)

  const combined: FetchHandler = (request, env) =>
    isStaffPath(new URL(request.url).pathname)
      ? staff.fetch(request, env)
      : site.fetch(request, env)
  const fast = (skip?: (path: string) => boolean) =>
    publishedPageFastPath(app, {
      contentSecurityPolicy: SITE_CSP,
      trustProxy: app.config.trustProxy,
      logger: app.logger,
      skip,
    })
  return { site, staff, combined, fastPaths: { combined: fast(isStaffPath), public: fast() } }
}
