import { createMiddleware } from 'hono/factory'
import type { MasterKey } from '../crypto/master-key.js'
import { errorJson } from '../http/error-response.js'
import { errors } from '../http/errors.js'
import type { HavenEnv } from '../http/hono-env.js'

/** What answers while sealed: health checks and the unseal page. The public site is not gated. */
const OPEN_WHILE_SEALED = ['/healthz', '/readyz', '/unseal']

/**
 * While the server has no master key (sealed mode, before an operator unseals), every staff and
 * API request answers 503 `sealed` — before sessions are looked up or anything else runs.
 */
export function sealedGate(options: { master: MasterKey }) {
  return createMiddleware<HavenEnv>(async function sealedGate(c, next) {
    if (!options.master.sealed || OPEN_WHILE_SEALED.includes(c.req.path)) return next()
    c.header('Cache-Control', 'no-store')
    c.header('Retry-After', '30')
    return errorJson(c, errors.sealed())
  })
}
