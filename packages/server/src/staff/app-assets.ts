import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, extname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

export interface StaticFile {
  body: Uint8Array
  type: string
  etag: string
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json',
}

/** Where the staff app's Vite build lives: `APP_DIST`, or packages/app/dist found from here upward. */
export function findAppDist(env: Readonly<Record<string, string | undefined>>): string | null {
  if (env.APP_DIST) return resolve(env.APP_DIST)
  let dir = dirname(fileURLToPath(import.meta.url))
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'packages', 'app', 'dist')
    if (existsSync(join(candidate, 'index.html'))) return candidate
    const sibling = join(dir, 'app', 'dist')
    if (existsSync(join(sibling, 'index.html'))) return sibling
    dir = dirname(dir)
  }
  return null
}

/**
 * The built staff app, read into memory once (it is small): path → bytes, type and a strong ETag.
 * Source maps are left out so a visitor learns no more than the shipped code.
 */
export function loadAppAssets(distDir: string): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>()
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name)
      if (statSync(full).isDirectory()) walk(full)
      else if (!name.endsWith('.map')) {
        const body = readFileSync(full)
        const path = `/${relative(distDir, full).split(sep).join('/')}`
        files.set(path, {
          body,
          type: TYPES[extname(name)] ?? 'application/octet-stream',
          etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`,
        })
      }
    }
  }
  walk(distDir)
  return files
}
