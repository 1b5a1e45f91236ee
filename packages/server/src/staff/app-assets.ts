import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, extname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import type { ContentCoding } from '../http/content-encoding.js'

export interface StaticFile {
  body: Uint8Array
  type: string
  etag: string
  /** The same bytes compressed, by coding: written at build (`.br`, `.gz`), else made at load. */
  encoded: Partial<Record<ContentCoding, Uint8Array>>
}

/** Files that compress: text. Images other than SVG and fonts are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.webmanifest', '.svg', '.txt'])
const COMPRESS_FROM_BYTES = 512
const SUFFIX: Record<ContentCoding, string> = { br: '.br', gzip: '.gz' }

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
 * The compressed forms of a file: those the build wrote beside it (`vite.config.ts` does), or,
 * for a build made without them, made here once at start.
 */
function encodedForms(full: string, body: Uint8Array): StaticFile['encoded'] {
  if (!COMPRESSIBLE.has(extname(full)) || body.length < COMPRESS_FROM_BYTES) return {}
  const encoded: StaticFile['encoded'] = {}
  for (const coding of ['br', 'gzip'] as const) {
    const file = `${full}${SUFFIX[coding]}`
    if (existsSync(file)) encoded[coding] = readFileSync(file)
    else
      encoded[coding] =
        coding === 'br'
          ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
          : gzipSync(body, { level: 9 })
  }
  return encoded
}

/**
 * The built staff app, read into memory once (it is small): path → bytes, type, a strong ETag
 * and the compressed forms. Source maps are left out so a visitor learns no more than the
 * shipped code; the build's `.br`/`.gz` files are not paths of their own.
 */
export function loadAppAssets(distDir: string): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>()
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name)
      if (statSync(full).isDirectory()) walk(full)
      else if (!/\.(map|br|gz)$/.test(name)) {
        const body = readFileSync(full)
        const path = `/${relative(distDir, full).split(sep).join('/')}`
        files.set(path, {
          body,
          type: TYPES[extname(name)] ?? 'application/octet-stream',
          etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`,
          encoded: encodedForms(full, body),
        })
      }
    }
  }
  walk(distDir)
  return files
}
