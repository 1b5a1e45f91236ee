import { createMiddleware } from 'hono/factory'
import type { Urls } from '../config/load-config.js'
import { errorJson } from '../http/error-response.js'
import { errors } from '../http/errors.js'
import type { HavenEnv } from '../http/hono-env.js'

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * CSRF defence in depth, on top of SameSite=Strict cookies: a state-changing request must come
 * from Haven's own pages. Browsers send Sec-Fetch-Site and Origin on such requests; a request with
 * neither, or from another site, is refused.
 */
export function originCheck(options: { urls: () => Urls }) {
  return createMiddleware<HavenEnv>(async function originCheck(c, next) {
    if (SAFE.has(c.req.method)) return next()
    const site = c.req.header('sec-fetch-site')
    const origin = c.req.header('origin')
    const allowed = new Set([
      new URL(options.urls().staff).origin,
      new URL(options.urls().public).origin,
      new URL(c.req.url).origin,
    ])
    const ok = site
      ? site === 'same-origin' && (!origin || allowed.has(origin))
      : origin !== undefined && allowed.has(origin)
    if (!ok) {
      c.get('log').warn(
        { secFetchSite: site ?? null, hasOrigin: origin !== undefined },
        'cross-site request refused',
      )
      return errorJson(c, errors.crossSiteRequest())
    }
    return next()
  })
}
