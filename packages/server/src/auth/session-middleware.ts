import { createMiddleware } from 'hono/factory'
import type { AppContext } from '../app-context.js'
import type { HavenEnv } from '../http/hono-env.js'
import { resolveSession } from './session-service.js'

/** Resolves the session cookie once per request; routes read it with `c.get('session')`. */
export function sessionContext(app: AppContext) {
  return createMiddleware<HavenEnv>(async function sessionContext(c, next) {
    c.set('session', await resolveSession(app, c))
    await next()
  })
}
