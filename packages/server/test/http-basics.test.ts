import { expect, it } from 'vitest'
import { z } from 'zod'
import { defineRoute } from '../src/api/api-route.js'
import { describeEachDialect } from './support/dialects.js'
import { jsonRequest, testAppContext, testApps } from './support/test-app.js'

describeEachDialect('HTTP basics', (ctx) => {
  const apps = () => testApps(testAppContext(ctx.database()))

  it('answers malformed JSON with 400 invalid_json in the caller’s language', async () => {
    const res = await apps().staff.request('/api/v1/setup', jsonRequest('POST', '{"token": '))
    expect(res.status).toBe(400)
    const body = await res.json()
    expect(body.error.code).toBe('invalid_json')
    expect(body.error.message).toMatch(/not valid JSON/)
    const ja = await apps().staff.request(
      '/api/v1/setup',
      jsonRequest('POST', '{', { 'Accept-Language': 'ja' }),
    )
    expect((await ja.json()).error.message).toMatch(/JSON ではありません/)
  })

  it('refuses a body over the limit with 413 before reading it all', async () => {
    const app = testAppContext(ctx.database(), { env: { BODY_LIMIT_BYTES: '1024' } })
    const res = await testApps(app).staff.request(
      '/api/v1/setup',
      jsonRequest('POST', JSON.stringify({ token: 'x'.repeat(5000) })),
    )
    expect(res.status).toBe(413)
    const body = await res.json()
    expect(body.error.code).toBe('payload_too_large')
    expect(body.error.message).toContain('1 kB')
  })

  it('refuses a non-JSON body with 415', async () => {
    const res = await apps().staff.request('/api/v1/setup', {
      method: 'POST',
      body: 'token=x',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Origin: 'http://localhost:3000',
      },
    })
    expect(res.status).toBe(415)
    expect((await res.json()).error.code).toBe('unsupported_media_type')
  })

  it('answers an unknown API route with 404 not_found and a known one with the wrong method with 405', async () => {
    const missing = await apps().staff.request('/api/v1/no-such-thing')
    expect(missing.status).toBe(404)
    expect((await missing.json()).error.code).toBe('not_found')
    const wrong = await apps().staff.request('/api/v1/setup', {
      method: 'DELETE',
      headers: { Origin: 'http://localhost:3000' },
    })
    expect(wrong.status).toBe(405)
    expect(wrong.headers.get('Allow')).toBe('POST')
    expect((await wrong.json()).error.code).toBe('method_not_allowed')
  })

  it('names each invalid field with 422 validation_failed', async () => {
    const res = await apps().staff.request(
      '/api/v1/setup',
      jsonRequest('POST', { token: 'short', surprise: true }),
    )
    expect(res.status).toBe(422)
    const body = await res.json()
    expect(body.error.code).toBe('validation_failed')
    expect(Object.keys(body.error.fields).sort()).toEqual([
      'displayName',
      'loginName',
      'password',
      'surprise',
      'token',
    ])
  })

  it('hides an unexpected exception behind 500 with a request id and no internals', async () => {
    const app = testAppContext(ctx.database())
    const boom = defineRoute({
      method: 'get',
      path: '/boom',
      summary: 'fails',
      tag: 'test',
      access: { kind: 'public', why: 'test' },
      response: z.object({}),
      async handle() {
        throw new Error('secret internal detail at /srv/haven/db.ts:12')
      },
    })
    const res = await testApps(app, [boom]).staff.request('/api/v1/boom')
    expect(res.status).toBe(500)
    const text = await res.text()
    expect(text).not.toContain('secret internal detail')
    const body = JSON.parse(text)
    expect(body.error.code).toBe('internal_error')
    expect(body.error.message).toContain(body.error.requestId)
  })

  it('puts strict security headers on every kind of response', async () => {
    const { staff, combined } = apps()
    for (const res of [
      await staff.request('/api/v1/no-such-thing'),
      await staff.request('/healthz'),
      await combined(new Request('http://localhost:3000/en/')),
      await combined(new Request('http://localhost:3000/nowhere')),
    ]) {
      const csp = res.headers.get('Content-Security-Policy') ?? ''
      expect(csp).toContain("frame-ancestors 'none'")
      expect(csp).not.toContain('unsafe-inline')
      expect(csp).not.toMatch(/https?:\/\//)
      expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff')
      expect(res.headers.get('Referrer-Policy')).toBe('no-referrer')
      expect(res.headers.get('Permissions-Policy')).toContain('camera=()')
      expect(res.headers.get('Strict-Transport-Security')).toBeNull()
    }
    const overHttps = await staff.request('https://haven.example.org/healthz')
    expect(overHttps.headers.get('Strict-Transport-Security')).toContain('max-age=')
  })

  it('reports readiness only when the database answers and migrations are current', async () => {
    const res = await apps().staff.request('/readyz')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ status: 'ready', database: ctx.dialect, worker: 0 })
  })

  it('serves an OpenAPI 3.1 document generated from the routes', async () => {
    const res = await apps().staff.request('/api/v1/openapi.json')
    const doc = await res.json()
    expect(doc.openapi).toBe('3.1.0')
    expect(
      doc.paths['/setup'].post.requestBody.content['application/json'].schema.required,
    ).toContain('loginName')
    expect(doc.paths['/setup'].post.responses['201']).toBeDefined()
    expect(doc.paths['/setup'].post.responses['410'].description).toBe('setup_token_invalid')
  })

  it('describes the session cookie and the cross-site rules in the OpenAPI document', async () => {
    const doc = await (await apps().staff.request('/api/v1/openapi.json')).json()
    const scheme = doc.components.securitySchemes.session
    expect(scheme).toMatchObject({ type: 'apiKey', in: 'cookie' })
    expect(scheme.name).toMatch(/^(__Host-)?haven_session$/)
    expect(doc.security).toEqual([{ session: [] }])
    expect(doc.info.description).toContain('Sec-Fetch-Site')
    expect(doc.info.description).toContain('cross_site_request')
    // Public: no session needed. Protected: the session, and 401 without it.
    expect(doc.paths['/setup'].post.security).toEqual([{}, { session: [] }])
    expect(doc.paths['/people'].get.security).toEqual([{ session: [] }])
    expect(doc.paths['/people'].get.responses['401'].description).toBe('unauthenticated')
    // Every state-changing operation may be refused as cross-site; re-authenticated ones say so.
    expect(doc.paths['/setup'].post.responses['403'].description).toContain('cross_site_request')
    expect(doc.paths['/people'].get.responses['403']?.description ?? '').not.toContain(
      'cross_site_request',
    )
    const reauth = Object.values(doc.paths).flatMap((ops) =>
      Object.values(ops as Record<string, Record<string, unknown>>).filter(
        (op) => op['x-haven-reauth'] === true,
      ),
    ) as { responses: Record<string, { description: string }> }[]
    expect(reauth.length).toBeGreaterThan(0)
    for (const op of reauth) expect(op.responses['403']?.description).toContain('reauth_required')
  })

  it('keeps the public site and the staff side apart', async () => {
    const { site, staff } = apps()
    expect((await site.request('/api/v1/openapi.json')).status).toBe(404)
    expect((await staff.request('/en/')).status).toBe(404)
  })
})
