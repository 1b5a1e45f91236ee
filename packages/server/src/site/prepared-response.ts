import { createHash } from 'node:crypto'
import { gzipSync } from 'node:zlib'
import type { Context } from 'hono'
import type { HavenEnv } from '../http/hono-env.js'

/**
 * A response body prepared once: its bytes, its gzip form and its validator. Cached pages keep
 * one per version of the published content, so serving them is a lookup and a write.
 */
export interface PreparedResponse {
  status: number
  contentType: string
  cacheControl: string
  lastModified: string | null
  etag: string
  body: Buffer
  gzip: Buffer | null
  size: number
}

const COMPRESS_FROM_BYTES = 512

export function prepareResponse(
  body: string | Uint8Array,
  options: {
    status?: number
    contentType: string
    cacheControl: string
    lastModified?: string | null
    compress?: boolean
  },
): PreparedResponse {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body)
  const gzip =
    (options.compress ?? true) && bytes.length >= COMPRESS_FROM_BYTES
      ? gzipSync(bytes, { level: 9 })
      : null
  return {
    status: options.status ?? 200,
    contentType: options.contentType,
    cacheControl: options.cacheControl,
    lastModified: options.lastModified ? new Date(options.lastModified).toUTCString() : null,
    etag: `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 22)}"`,
    body: bytes,
    gzip,
    size: bytes.length + (gzip?.length ?? 0),
  }
}

/** Whether Accept-Encoding allows gzip (named, or `*`, with a weight above zero). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false
  return header
    .slice(0, 256)
    .split(',')
    .some((part) => {
      const [name = '', ...params] = part.split(';').map((p) => p.trim().toLowerCase())
      if (name !== 'gzip' && name !== '*') return false
      const q = params.find((p) => p.startsWith('q='))
      return q === undefined || Number(q.slice(2)) > 0
    })
}

function notModified(c: Context<HavenEnv>, page: PreparedResponse): boolean {
  const ifNoneMatch = c.req.header('if-none-match')
  if (ifNoneMatch !== undefined)
    return ifNoneMatch
      .split(',')
      .map((t) => t.trim().replace(/^W\//, ''))
      .some((t) => t === page.etag || t === '*')
  const since = c.req.header('if-modified-since')
  if (since && page.lastModified) {
    const s = Date.parse(since)
    return !Number.isNaN(s) && Date.parse(page.lastModified) <= s
  }
  return false
}

/** Answers with a prepared body: 304 when the client has it, gzip when the client takes it. */
export function sendPrepared(c: Context<HavenEnv>, page: PreparedResponse): Response {
  const headers: Record<string, string> = {
    'Content-Type': page.contentType,
    'Cache-Control': page.cacheControl,
    ETag: page.etag,
    Vary: 'Accept-Encoding',
  }
  if (page.lastModified) headers['Last-Modified'] = page.lastModified
  if (page.status === 200 && (c.req.method === 'GET' || c.req.method === 'HEAD')) {
    if (notModified(c, page)) return c.body(null, 304, headers)
  }
  const gzip = page.gzip && acceptsGzip(c.req.header('accept-encoding'))
  if (gzip) headers['Content-Encoding'] = 'gzip'
  const bytes = gzip && page.gzip ? page.gzip : page.body
  headers['Content-Length'] = String(bytes.length)
  if (c.req.method === 'HEAD') return c.body(null, page.status as 200, headers)
  // Buffers made by Buffer.from / zlib sit on a plain ArrayBuffer (never a shared one).
  return c.body(bytes as Uint8Array<ArrayBuffer>, page.status as 200, headers)
}
