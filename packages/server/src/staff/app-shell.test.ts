import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliCompressSync, brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterAll, describe, expect, it } from 'vitest'
import { loadAppAssets } from './app-assets.js'
import { createAppShell } from './app-shell.js'

const dist = mkdtempSync(join(tmpdir(), 'haven-app-dist-'))
mkdirSync(join(dist, 'assets'))
const script = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `word-${i}`))}\n`
const html = `<!doctype html><html><head><script type="module" src="/app/assets/index-abc123.js"></script></head><body>${'<p>Haven</p>'.repeat(60)}</body></html>`
writeFileSync(join(dist, 'index.html'), html)
writeFileSync(join(dist, 'assets', 'index-abc123.js'), script)
// What the build writes beside it; the server must send these bytes, not compress again.
const builtBrotli = brotliCompressSync(script)
writeFileSync(join(dist, 'assets', 'index-abc123.js.br'), builtBrotli)
writeFileSync(join(dist, 'assets', 'index-abc123.js.map'), '{}')
writeFileSync(join(dist, 'icon.png'), Buffer.alloc(2000, 7))
afterAll(() => rmSync(dist, { recursive: true, force: true }))

const shell = createAppShell(loadAppAssets(dist))
const get = (path: string, headers: Record<string, string> = {}) => shell.request(path, { headers })

describe('the staff app shell', () => {
  it('sends a hashed script precompressed with Brotli, cached for a year as immutable', async () => {
    const res = await get('/app/assets/index-abc123.js', { 'Accept-Encoding': 'gzip, br' })
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Encoding')).toBe('br')
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable')
    expect(res.headers.get('Vary')).toBe('Accept-Encoding')
    expect(res.headers.get('Content-Type')).toMatch(/javascript/)
    const body = Buffer.from(await res.arrayBuffer())
    expect(body.equals(builtBrotli)).toBe(true)
    expect(brotliDecompressSync(body).toString()).toBe(script)
  })

  it('makes gzip at load when the build wrote none, and sends plain bytes to a client without it', async () => {
    const gz = await get('/app/assets/index-abc123.js', { 'Accept-Encoding': 'gzip' })
    expect(gz.headers.get('Content-Encoding')).toBe('gzip')
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(script)
    const plain = await get('/app/assets/index-abc123.js')
    expect(plain.headers.get('Content-Encoding')).toBeNull()
    expect(await plain.text()).toBe(script)
  })

  it('gives each coding its own validator and answers 304 only for the one held', async () => {
    const br = await get('/app/assets/index-abc123.js', { 'Accept-Encoding': 'br' })
    const plain = await get('/app/assets/index-abc123.js')
    const brTag = br.headers.get('ETag') ?? ''
    expect(brTag).not.toBe(plain.headers.get('ETag'))
    const again = await get('/app/assets/index-abc123.js', {
      'Accept-Encoding': 'br',
      'If-None-Match': brTag,
    })
    expect(again.status).toBe(304)
    const otherCoding = await get('/app/assets/index-abc123.js', {
      'Accept-Encoding': 'gzip',
      'If-None-Match': brTag,
    })
    expect(otherCoding.status).toBe(200)
  })

  it('revalidates the shell every time, compressed too, for any path of the app', async () => {
    const res = await get('/app/people?q=x', { 'Accept-Encoding': 'br' })
    expect(res.headers.get('Cache-Control')).toBe('no-cache')
    expect(res.headers.get('Content-Encoding')).toBe('br')
    expect(brotliDecompressSync(Buffer.from(await res.arrayBuffer())).toString()).toBe(html)
  })

  it('leaves images uncompressed and never serves maps or the compressed files as paths', async () => {
    const png = await get('/app/icon.png', { 'Accept-Encoding': 'br' })
    expect(png.headers.get('Content-Encoding')).toBeNull()
    expect(png.headers.get('Vary')).toBeNull()
    expect((await get('/app/assets/index-abc123.js.map')).status).toBe(404)
    expect((await get('/app/assets/index-abc123.js.br')).status).toBe(404)
  })
})
