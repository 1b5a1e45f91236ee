import { Hono } from 'hono'
import { type ContentCoding, chooseContentCoding } from '../http/content-encoding.js'
import type { HavenEnv } from '../http/hono-env.js'
import type { StaticFile } from './app-assets.js'

/** Each coding is its own representation, so it has its own strong validator. */
const etagOf = (file: StaticFile, coding: ContentCoding | null) =>
  coding ? file.etag.replace(/"$/, `-${coding}"`) : file.etag

/**
 * Serves the staff PWA under /app: hashed assets cached for a year (immutable), everything else
 * is the shell (index.html), revalidated each time so a new release is picked up at once. Text
 * goes compressed (Brotli, else gzip) to a client that takes it.
 */
export function createAppShell(assets: Map<string, StaticFile> | null): Hono<HavenEnv> {
  const shell = new Hono<HavenEnv>()
  shell.get('/app/*', (c) => {
    if (!assets) {
      return c.text('The staff app has not been built. Run “npm run build” and restart Haven.', 503)
    }
    const path = c.req.path.replace(/^\/app/, '') || '/'
    const asset = assets.get(path)
    const isHashed = path.startsWith('/assets/')
    if (isHashed && !asset) return c.text('Not found', 404)
    const file = asset ?? assets.get('/index.html')
    if (!file) return c.text('Not found', 404)
    const held = Object.keys(file.encoded) as ContentCoding[]
    const coding = chooseContentCoding(c.req.header('accept-encoding'), held)
    const etag = etagOf(file, coding)
    const headers: Record<string, string> = {
      ETag: etag,
      'Cache-Control': isHashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    }
    if (held.length > 0) headers.Vary = 'Accept-Encoding'
    const ifNoneMatch = c.req.header('if-none-match')
    if (ifNoneMatch?.split(',').some((t) => t.trim().replace(/^W\//, '') === etag))
      return c.body(null, 304, headers)
    const body = (coding && file.encoded[coding]) || file.body
    headers['Content-Type'] = file.type
    headers['Content-Length'] = String(body.length)
    if (coding) headers['Content-Encoding'] = coding
    return c.body(body as Uint8Array<ArrayBuffer>, 200, headers)
  })
  shell.get('/app', (c) => c.redirect('/app/', 301))
  return shell
}
