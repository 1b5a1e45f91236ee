import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { beforeAll, expect, it } from 'vitest'
import type { AppContext } from '../src/app-context.js'
import { runDemo } from '../src/demo/run-demo.js'
import { SITE_STYLESHEET } from '../src/site/site-app.js'
import { describeEachDialect } from './support/dialects.js'
import { PAGE_TYPES } from './support/site-pages.js'
import { testAppContext, testApps } from './support/test-app.js'

function jsonLdTypes(html: string): string[] {
  return [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/g)].map(
    (m) => (JSON.parse(m[1] ?? '{}') as { '@type': string })['@type'],
  )
}

describeEachDialect('public site pages', (ctx) => {
  let app: AppContext
  const get = (path: string, headers: Record<string, string> = {}) =>
    testApps(app).site.request(path, { headers })

  beforeAll(async () => {
    await ctx.reset()
    app = testAppContext(ctx.database())
    await runDemo(app)
  })

  it('adds the demo content once, however often it runs', async () => {
    const count = async () =>
      (await app.database.db.selectFrom('cms_documents').select('id').execute()).length
    const before = await count()
    const again = await runDemo(app)
    expect(again.every((s) => s.result.created === 0)).toBe(true)
    expect(await count()).toBe(before)
  })

  it.each(PAGE_TYPES)(
    '%s %s: no script, one stylesheet, its language, alternates, NGO data',
    async (_type, path) => {
      const res = await get(path)
      expect(res.status).toBe(200)
      const html = await res.text()
      const lang = path.slice(1, 3)
      expect(html.startsWith('<!doctype html><html lang="')).toBe(true)
      expect(html).toContain(`<html lang="${lang}">`)
      expect(html).not.toMatch(/<script(?! type="application\/ld\+json")/)
      expect(html.match(/<link rel="stylesheet"/g)?.length).toBe(1)
      expect(html).toContain(`<link rel="stylesheet" href="${SITE_STYLESHEET}"/>`)
      // Nothing is ever loaded from another site: no src or stylesheet points elsewhere.
      for (const m of html.matchAll(/(?:src|<link [^>]*href)="([^"]+)"/g)) {
        const url = m[1] ?? ''
        expect(
          url.startsWith('/') ||
            url.startsWith('data:') ||
            url.startsWith('http://localhost:3000/'),
          url,
        ).toBe(true)
      }
      expect(html).toMatch(/<link rel="canonical" href="http:\/\/localhost:3000\/(en|ja)\//)
      expect(html).toContain('hreflang="en"')
      expect(html).toContain('hreflang="ja"')
      expect(html).toContain('<meta property="og:title"')
      expect(jsonLdTypes(html)[0]).toBe('NGO')
      expect(res.headers.get('content-security-policy')).toContain("default-src 'none'")
    },
  )

  it('describes news as articles (and events), reports as reports', async () => {
    expect(jsonLdTypes(await (await get('/en/news/documentary-screenings')).text())).toEqual([
      'NGO',
      'NewsArticle',
      'Event',
    ])
    expect(jsonLdTypes(await (await get('/ja/news/kome-no-yosan')).text())).toEqual([
      'NGO',
      'NewsArticle',
    ])
    const report = await (await get('/en/reports/fy2005-2006')).text()
    expect(jsonLdTypes(report)).toEqual(['NGO', 'Report'])
    expect(report).toContain('"temporalCoverage":"2005-04/2006-03"')
    expect(report).toContain('<meta property="og:type" content="article"/>')
  })

  it('caches with ETag and Last-Modified, and compresses', async () => {
    const first = await get('/en/', { 'Accept-Encoding': 'gzip' })
    expect(first.headers.get('content-encoding')).toBe('gzip')
    expect(first.headers.get('cache-control')).toContain('public')
    expect(first.headers.get('vary')).toContain('Accept-Encoding')
    const etag = first.headers.get('etag') ?? ''
    expect(etag).toMatch(/^"[\w-]+"$/)
    const html = gunzipSync(Buffer.from(await first.arrayBuffer())).toString('utf8')
    expect(html).toContain('<html lang="en">')
    const again = await get('/en/', { 'If-None-Match': etag })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
    const since = await get('/en/', {
      'If-Modified-Since': first.headers.get('last-modified') ?? '',
    })
    expect(since.status).toBe(304)
    const css = await get(SITE_STYLESHEET)
    expect(css.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
  })

  it('pages the news, newest first, and answers a page beyond the last with 404', async () => {
    const html = await (await get('/en/news/')).text()
    const dates = [...html.matchAll(/<time dateTime="([\d-]+)"/g)].map((m) => m[1])
    expect(dates).toEqual([...dates].sort().reverse())
    expect((await get('/en/news/?page=2')).status).toBe(404)
    expect((await get('/en/news/?page=abc')).status).toBe(404)
  })

  it('publishes Atom feeds per language, a sitemap with alternates, and robots rules', async () => {
    const feed = await get('/ja/feed.xml')
    expect(feed.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8')
    const xml = await feed.text()
    expect(xml).toContain('xml:lang="ja"')
    expect(xml).toContain(
      '<link rel="alternate" type="text/html" href="http://localhost:3000/ja/news/kome-no-yosan"/>',
    )
    const sitemap = await (await get('/sitemap.xml')).text()
    expect(sitemap).toContain('<loc>http://localhost:3000/ja/news/kome-no-yosan</loc>')
    expect(sitemap).toContain('hreflang="en" href="http://localhost:3000/en/news/rice-budget"')
    expect(sitemap).not.toContain('/faq#')
    const robots = await (await get('/robots.txt')).text()
    expect(robots).toContain('Sitemap: http://localhost:3000/sitemap.xml')
    expect(robots).toContain('Disallow: /app/')
    const xmllint = '/usr/bin/xmllint'
    if (existsSync(xmllint)) {
      const dir = mkdtempSync(join(tmpdir(), 'haven-feed-'))
      for (const [name, body] of [
        ['en.xml', await (await get('/en/feed.xml')).text()],
        ['ja.xml', xml],
        ['sitemap.xml', sitemap],
      ]) {
        writeFileSync(join(dir, name ?? ''), body ?? '')
        const lint = spawnSync(xmllint, ['--noout', join(dir, name ?? '')], { encoding: 'utf8' })
        expect(lint.status, lint.stderr).toBe(0)
      }
    }
  })

  it('answers an unknown address with a 404 page in the visitor’s language', async () => {
    const res = await get('/ja/no-such-page')
    expect(res.status).toBe(404)
    expect(await res.text()).toContain('ページが見つかりません')
    expect((await get('/ko/')).status).toBe(404)
    expect((await get('/en/home')).status).toBe(301)
  })
})
