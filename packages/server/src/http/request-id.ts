import { randomUUID } from 'node:crypto'
import { createMiddleware } from 'hono/factory'
import type { Logger } from 'pino'
import type { HavenEnv } from './hono-env.js'

/**
 * Gives each request an id (answered in `X-Request-Id`) and a child logger carrying it.
 * An incoming id is not trusted: it could carry text meant to forge log lines.
 */
export function requestContext(options: { logger: Logger }) {
  return createMiddleware<HavenEnv>(async function requestContext(c, next) {
    const requestId = randomUUID()
    c.set('requestId', requestId)
    c.set('log', options.logger.child({ requestId }))
    await next()
    // On the finished response's headers: c.header() after the handler would rebuild the response
    // around a body stream and push every answer off @hono/node-server's fast path.
    c.res.headers.set('X-Request-Id', requestId)
  })
}
