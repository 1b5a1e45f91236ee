import { createMiddleware } from 'hono/factory'
import type { HavenEnv } from './hono-env.js'

/**
 * One log line per request: method, path, status, duration. Never the query string (a search
 * for a name is identifying), bodies, cookies or headers.
 */
export function accessLog() {
  return createMiddleware<HavenEnv>(async function accessLog(c, next) {
    const started = performance.now()
    await next()
    const log = c.get('log')
    log.info(
      {
        method: c.req.method,
        path: c.req.path.length > 200 ? `${c.req.path.slice(0, 200)}…` : c.req.path,
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
      },
      'request',
    )
  })
}
