import { beforeEach, expect, it } from 'vitest'
import type { AppContext } from '../src/app-context.js'
import { uploadImage } from '../src/modules/cms/image-service.js'
import { describeEachDialect } from './support/dialects.js'
import { buildUser, signIn } from './support/factories.js'
import { testPngBase64 } from './support/site-factories.js'
import { jsonRequest, testAppContext, testApps } from './support/test-app.js'

const by = { actorId: null, requestId: 'test' }

describeEachDialect('the site’s identity from the CMS', (ctx) => {
  let app: AppContext
  beforeEach(async () => {
    await ctx.reset()
    app = testAppContext(ctx.database())
  })
  const site = (path: string) => testApps(app).site.request(path)
  async function apiAs(role: 'editor' | 'coordinator') {
    const user = await buildUser(app, { grants: [{ role, compartmentId: null }] })
    const { headers } = await signIn(app, user)
    return (body: unknown) =>
      testApps(app).staff.request('/api/v1/cms/identity', jsonRequest('PUT', body, headers))
  }
  async function readIdentity() {
    const user = await buildUser(app, { grants: [{ role: 'editor', compartmentId: null }] })
    const { headers } = await signIn(app, user)
    const res = await testApps(app).staff.request(
      '/api/v1/cms/identity',
      jsonRequest('GET', undefined, headers),
    )
    expect(res.status).toBe(200)
    return res.json()
  }

  it('shows the editors’ logo beside the name and their accent colour, for the light scheme only', async () => {
    const put = await apiAs('editor')
    const logo = await uploadImage(
      app,
      app.database.db,
      { label: 'logo', data: testPngBase64(96, 32) },
      by,
    )
    const res = await put({ accent: '#8A1538', logoImageId: logo.id })
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({
      accent: '#8a1538',
      logo: { id: logo.id, width: 96, height: 32 },
    })
    const home = await (await site('/ja/')).text()
    expect(home).toContain(
      `<img class="logo" src="/media/${logo.id}.png" alt width="96" height="32"/>`,
    )
    expect(home).not.toContain('class="mark"')
    expect(home).toContain('<link rel="stylesheet" href="/assets/accent-8a1538.css"/>')
    const css = await site('/assets/accent-8a1538.css')
    expect(css.status).toBe(200)
    expect(css.headers.get('cache-control')).toContain('immutable')
    const text = await css.text()
    expect(text).toContain('@media not (prefers-color-scheme: dark)')
    expect(text).toContain('--accent: #8a1538;')
    expect((await site(`/media/${logo.id}.png`)).status).toBe(200)
    // The editor's screen reads back what is set.
    expect(await readIdentity()).toEqual({
      accent: '#8a1538',
      logo: { id: logo.id, width: 96, height: 32 },
    })

    // Back to the built-in look.
    expect((await put({ accent: null, logoImageId: null })).status).toBe(200)
    expect(await readIdentity()).toEqual({ accent: null, logo: null })
    const plain = await (await site('/ja/')).text()
    expect(plain).toContain('class="mark"')
    expect(plain).not.toContain('/assets/accent-')
  })

  it('refuses an accent too light to read on white, with a field error, and keeps the site as it was', async () => {
    const put = await apiAs('editor')
    for (const [accent, message] of [
      ['#f2d600', 'too light to read on white'],
      ['yellow', 'This value is not valid'],
      ['#12345', 'This value is not valid'],
    ] as const) {
      const res = await put({ accent, logoImageId: null })
      expect(res.status, accent).toBe(422)
      const body = (await res.json()) as { error: { code: string; fields: unknown } }
      expect(body.error.code).toBe('validation_failed')
      expect(JSON.stringify(body.error.fields), accent).toContain(message)
    }
    const missing = await put({ accent: null, logoImageId: 'no-such-image' })
    expect(missing.status).toBe(422)
    expect(await (await site('/en/')).text()).not.toContain('/assets/accent-')
  })

  it('is for editors only', async () => {
    const put = await apiAs('coordinator')
    expect((await put({ accent: '#8a1538', logoImageId: null })).status).toBe(403)
    expect(await (await site('/en/')).text()).not.toContain('/assets/accent-')
  })
})
