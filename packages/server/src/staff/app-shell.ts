import { Hono } from 'hono'
import type { HavenEnv } from '../http/hono-env.js'
import type { StaticFile } from './app-assets.js'

/**
 * Serves the staff PWA under /app: hashed assets cached for a year, everything else is the
 * shell (index.html), revalidated each time so a new release is picked up at once.
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
    if (c.req.header('if-none-match') === file.etag) return c.body(null, 304, { ETag: file.etag })
    c.header('Content-Type', file.type)
    c.header('ETag', file.etag)
    c.header('Cache-Control', isHashed ? 'public, max-age=31536000, immutable' : 'no-cache')
    return c.body(file.body as Uint8Array<ArrayBuffer>)
  })
  shell.get('/app', (c) => c.redirect('/app/', 301))
  return shell
}
