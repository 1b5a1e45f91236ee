import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { TLSSocket } from 'node:tls'
import type { Logger } from 'pino'
import type { AppContext } from '../app-context.js'
import { securityHeaderEntries, viaHttps } from '../http/security-headers.js'
import { preparedAnswer } from './prepared-response.js'
import { siteCacheFor } from './site-cache.js'

/**
 * Answers a request on the node listener itself, or says it did not (false: Hono handles it).
 */
export type FastPath = (req: IncomingMessage, res: ServerResponse) => boolean

/**
 * Published pages straight from the listener. A published page changes only when an editor
 * publishes, and its bytes, Brotli and gzip forms and ETag are already prepared per version
 * (`SiteCache`). Routing such a request through Hono (a Request object, four middlewares, a
 * Response object and its conversion back to node) cost most of its time: the public site
 * served 0.43 × nginx's throughput (bench/site-ttfb.ts). Here a plain GET of an address the
 * site has answered before, in the content version confirmed within the last second, is
 * written out directly with the same headers the middlewares add: the security headers from
 * the same function, a fresh X-Request-Id, and the same access-log line.
 *
 * Anything else — a query string, a percent-encoded or unseen address, another method, a stale
 * version — falls through to the full route, which re-checks the version and renders. A new
 * middleware for the public site must be mirrored here or this fast path turned off for it.
 */
export function publishedPageFastPath(
  app: AppContext,
  options: {
    contentSecurityPolicy: string
    trustProxy: boolean
    logger: Logger
    /** True for addresses this listener must leave to the full app (the staff paths). */
    skip?: (path: string) => boolean
  },
): FastPath {
  const cache = siteCacheFor(app)
  // Flat [name, value, …] lists: node's writeHead takes them without building a header map.
  const plain = securityHeaderEntries(options.contentSecurityPolicy, false).flat()
  const secure = securityHeaderEntries(options.contentSecurityPolicy, true).flat()
  return function publishedPage(req, res) {
    const method = req.method
    if (method !== 'GET' && method !== 'HEAD') return false
    const path = req.url
    // Only origin-form paths, exactly as the full route saw them when it remembered the page.
    if (!path?.startsWith('/') || path.includes('?') || path.includes('%')) return false
    if (options.skip?.(path)) return false
    const page = cache.freshPage(path)
    if (!page) return false
    const started = performance.now()
    const answer = preparedAnswer(page, {
      method,
      acceptEncoding: header(req, 'accept-encoding'),
      ifNoneMatch: header(req, 'if-none-match'),
      ifModifiedSince: header(req, 'if-modified-since'),
    })
    const encrypted = (req.socket as Partial<TLSSocket>).encrypted === true
    const https = viaHttps(
      encrypted ? 'https:' : 'http:',
      header(req, 'x-forwarded-proto'),
      options.trustProxy,
    )
    const requestId = randomUUID()
    const headers: string[] = []
    for (const name in answer.headers) headers.push(name, answer.headers[name] as string)
    headers.push('X-Request-Id', requestId, ...(https ? secure : plain))
    res.writeHead(answer.status, headers)
    res.end(answer.bytes ?? undefined)
    if (options.logger.isLevelEnabled('info'))
      options.logger.info(
        {
          requestId,
          method,
          path: path.length > 200 ? `${path.slice(0, 200)}…` : path,
          status: answer.status,
          ms: Math.round((performance.now() - started) * 10) / 10,
        },
        'request',
      )
    return true
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name]
  return Array.isArray(value) ? value.join(', ') : value
}
