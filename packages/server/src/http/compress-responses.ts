import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import { createMiddleware } from 'hono/factory'
import { type ContentCoding, chooseContentCoding } from './content-encoding.js'
import type { HavenEnv } from './hono-env.js'

const brotli = promisify(brotliCompress)
const gzipAsync = promisify(gzip)

/** Below this a compressed answer saves less than its own framing and the CPU it costs. */
export const COMPRESS_FROM_BYTES = 1024

/** Only answers read whole and worth compressing: JSON (and problem details) and text. */
const COMPRESSIBLE = /^(application\/(json|problem\+json)|text\/)/i

async function encode(coding: ContentCoding, bytes: Uint8Array): Promise<Uint8Array> {
  if (coding === 'gzip') return gzipAsync(bytes, { level: 6 })
  // Quality 5 compresses JSON nearly as well as 11 at a small fraction of the time: these
  // answers are made per request, unlike the app's files, which are compressed once at build.
  return brotli(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 5,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  })
}

/**
 * Compresses API answers the client accepts compressed (Brotli, else gzip), leaving caching
 * headers as they are (API data stays `no-store`). Streams and answers already encoded pass
 * untouched.
 *
 * Why this is safe against BREACH-style guessing (a secret in a compressed answer beside text
 * the attacker chose): the session cookie is SameSite=Strict and every state-changing request
 * must come from Haven's own pages, so another site cannot make a signed-in browser fetch an
 * API answer at all, let alone thousands of variants of one.
 */
export function compressResponses() {
  return createMiddleware<HavenEnv>(async (c, next) => {
    await next()
    const res = c.res
    if (c.req.method === 'HEAD' || res.status === 204 || res.status === 304 || !res.body) return
    if (res.headers.has('content-encoding')) return
    if (!COMPRESSIBLE.test(res.headers.get('content-type') ?? '')) return
    // Whether or not this client takes a coding, caches must keep the variants apart.
    res.headers.append('Vary', 'Accept-Encoding')
    const coding = chooseContentCoding(c.req.header('accept-encoding'))
    if (!coding) return
    const bytes = new Uint8Array(await res.arrayBuffer())
    const headers = new Headers(res.headers)
    let body: Uint8Array = bytes
    if (bytes.length >= COMPRESS_FROM_BYTES) {
      body = await encode(coding, bytes)
      headers.set('Content-Encoding', coding)
    }
    headers.set('Content-Length', String(body.length))
    // Cleared first: Hono's setter would otherwise copy the old answer's headers over the new.
    c.res = undefined
    c.res = new Response(body as Uint8Array<ArrayBuffer>, {
      status: res.status,
      statusText: res.statusText,
      headers,
    })
  })
}
