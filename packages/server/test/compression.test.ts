import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { expect, it } from 'vitest'
import { describeEachDialect } from './support/dialects.js'
import { buildUser, sessionFrom, TEST_PASSWORD } from './support/factories.js'
import { jsonRequest, testAppContext, testApps } from './support/test-app.js'

describeEachDialect('API answers compressed on request', (ctx) => {
  const apps = () => testApps(testAppContext(ctx.database()))

  it('sends Brotli to a browser that takes it, the same JSON, and still no-store', async () => {
    const plain = await apps().staff.request('/api/v1/openapi.json')
    const plainText = await plain.text()
    expect(plain.headers.get('Content-Encoding')).toBeNull()
    expect(plain.headers.get('Vary')).toMatch(/Accept-Encoding/)

    const res = await apps().staff.request('/api/v1/openapi.json', {
      headers: { 'Accept-Encoding': 'gzip, deflate, br, zstd' },
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Encoding')).toBe('br')
    expect(res.headers.get('Cache-Control')).toBe('no-store')
    expect(res.headers.get('Vary')).toMatch(/Accept-Encoding/)
    const bytes = Buffer.from(await res.arrayBuffer())
    expect(Number(res.headers.get('Content-Length'))).toBe(bytes.length)
    // The document is large and repetitive: it must shrink to well under a quarter.
    expect(bytes.length).toBeLessThan(Buffer.byteLength(plainText) / 4)
    expect(brotliDecompressSync(bytes).toString('utf8')).toBe(plainText)
  })

  it('sends gzip to a client that takes only gzip, and plain JSON to one that refuses both', async () => {
    const gz = await apps().staff.request('/api/v1/openapi.json', {
      headers: { 'Accept-Encoding': 'gzip' },
    })
    expect(gz.headers.get('Content-Encoding')).toBe('gzip')
    const json = JSON.parse(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString('utf8'))
    expect(json.openapi).toMatch(/^3\.1/)

    const none = await apps().staff.request('/api/v1/openapi.json', {
      headers: { 'Accept-Encoding': 'br;q=0, gzip;q=0' },
    })
    expect(none.headers.get('Content-Encoding')).toBeNull()
    expect((await none.json()).openapi).toMatch(/^3\.1/)
  })

  it('keeps the session cookie of a sign-in and leaves small answers as they are', async () => {
    const app = testAppContext(ctx.database())
    const user = await buildUser(app, { grants: [{ role: 'auditor', compartmentId: null }] })
    const res = await testApps(app).staff.request(
      '/api/v1/auth/login',
      jsonRequest(
        'POST',
        { loginName: user.loginName, password: TEST_PASSWORD },
        { 'Accept-Encoding': 'br, gzip', 'Sec-Fetch-Site': 'same-origin' },
      ),
    )
    expect(res.status).toBe(200)
    expect(sessionFrom(res)).toBeTruthy()
    // A few hundred bytes: compressing them would save nothing.
    expect(res.headers.get('Content-Encoding')).toBeNull()
    expect((await res.json()).stage).toBeTruthy()

    const missing = await testApps(app).staff.request('/api/v1/no-such-thing', {
      headers: { 'Accept-Encoding': 'br' },
    })
    expect(missing.status).toBe(404)
    expect((await missing.json()).error.code).toBe('not_found')
  })
})
