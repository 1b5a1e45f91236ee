import { request } from 'node:http'
import { brotliDecompressSync } from 'node:zlib'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { AppContext } from '../src/app-context.js'
import { closeListeners, type Listener, listen } from '../src/server/listen.js'
import type { FastPath } from '../src/site/prepared-listener.js'
import { describeEachDialect } from './support/dialects.js'
import { buildEntry } from './support/site-factories.js'
import { testAppContext, testApps } from './support/test-app.js'

interface Answer {
  status: number
  headers: Record<string, string>
  body: Buffer
}

/** A real HTTP request to the listener (fetch would decode the body and hide the headers). */
function get(
  port: number,
  path: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: Object.fromEntries(Object.entries(res.headers).map(([k, v]) => [k, String(v)])),
          body: Buffer.concat(chunks),
        }),
      )
    })
    req.on('error', reject)
    req.end()
  })
}

/** The headers a client would compare, without the ones that differ per request. */
function stable(headers: Record<string, string>): Record<string, string> {
  const { date: _date, 'x-request-id': _id, connection: _c, 'keep-alive': _k, ...rest } = headers
  return rest
}

describeEachDialect('published pages from the listener', (ctx) => {
  let app: AppContext
  let listener: Listener
  let served = 0
  const slug = 'fast-path-page'

  beforeAll(async () => {
    await ctx.reset()
    app = testAppContext(ctx.database())
    await buildEntry(app, { slug, title: 'Rice for the shelters', stage: 'published' })
    const apps = testApps(app)
    const counting: FastPath = (req, res) => {
      const done = apps.fastPaths.public(req, res)
      if (done) served += 1
      return done
    }
    listener = await listen('public', apps.site.fetch, '127.0.0.1', 0, counting)
  })

  afterAll(async () => {
    await closeListeners([listener], 0)
  })

  it('answers a page the site has rendered with the same bytes and headers as the full route', async () => {
    const path = `/en/${slug}`
    const first = await get(listener.port, path)
    expect(first.status).toBe(200)
    expect(served).toBe(0)
    const second = await get(listener.port, path)
    expect(served).toBe(1)
    expect(second.body.equals(first.body)).toBe(true)
    expect(second.body.toString('utf8')).toContain('Rice for the shelters')
    expect(stable(second.headers)).toEqual(stable(first.headers))
    expect(second.headers['content-security-policy']).toContain("default-src 'none'")
    expect(second.headers['x-frame-options']).toBe('DENY')
    expect(second.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/)
    expect(second.headers['x-request-id']).not.toBe(first.headers['x-request-id'])
  })

  it('sends Brotli when the client takes it, answers its ETag with 304, and HEAD with no body', async () => {
    const path = `/en/${slug}`
    const br = await get(listener.port, path, { 'Accept-Encoding': 'gzip, br' })
    expect(br.headers['content-encoding']).toBe('br')
    expect(brotliDecompressSync(br.body).toString('utf8')).toContain('Rice for the shelters')
    const before = served
    const again = await get(listener.port, path, { 'If-None-Match': br.headers.etag ?? '' })
    expect(again.status).toBe(304)
    expect(again.body.length).toBe(0)
    const head = await get(listener.port, path, {}, 'HEAD')
    expect(head.status).toBe(200)
    expect(head.body.length).toBe(0)
    expect(Number(head.headers['content-length'])).toBeGreaterThan(0)
    expect(served).toBe(before + 2)
  })

  it('leaves queries, other methods and unseen addresses to the full route', async () => {
    const before = served
    expect((await get(listener.port, `/en/${slug}?utm=1`)).status).toBe(200)
    expect((await get(listener.port, '/en/no-such-page')).status).toBe(404)
    expect((await get(listener.port, `/en/${slug}`, {}, 'POST')).status).toBe(404)
    expect(served).toBe(before)
  })

  it('never serves a page from before a publication', async () => {
    const home = '/en/'
    await get(listener.port, home)
    expect((await get(listener.port, home)).body.toString('utf8')).not.toContain('Fresh news')
    const before = served
    await buildEntry(app, { kind: 'news', title: 'Fresh news', stage: 'published' })
    const after = await get(listener.port, home)
    expect(after.body.toString('utf8')).toContain('Fresh news')
    expect(served).toBe(before)
  })
})
