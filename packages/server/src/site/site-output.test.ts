import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { translatorFor } from '@haven/core/i18n/translate'
import { describe, expect, it } from 'vitest'
import { atomFeed } from './atom-feed.js'
import { articleLd, serializeJsonLd } from './json-ld.js'
import { eventTime } from './pages/page-parts.js'
import { preparedAnswer, prepareResponse } from './prepared-response.js'
import type { SiteDocumentsTable } from './site-tables.js'
import { sitemapXml } from './sitemap.js'

const XMLLINT = '/usr/bin/xmllint'

function wellFormed(xml: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'haven-xml-')), 'doc.xml')
  writeFileSync(file, xml)
  const result = spawnSync(XMLLINT, ['--noout', file], { encoding: 'utf8' })
  return result.status === 0 ? 'ok' : result.stderr
}

const hostile = 'Rice & <b>"beans"</b> \u0001 </script><!-- ]]> 北朝鮮'
const doc: SiteDocumentsTable = {
  id: 'd1',
  entry_id: 'e1',
  kind: 'news',
  locale: 'ja',
  slug: 'kome',
  title: hostile,
  summary: hostile,
  html: `<p>${hostile.replace(/</g, '&lt;')}</p>`,
  fiscal_year: null,
  faq_group_id: null,
  position: 0,
  event_start: null,
  event_end: null,
  event_place: null,
  image_id: null,
  image_width: null,
  image_height: null,
  hero_html: null,
  published_at: '2006-04-10T00:00:00.000Z',
  updated_at: '2006-04-11T00:00:00.000Z',
}

describe('JSON-LD', () => {
  it('cannot end its script element or open a comment, whatever the page says', () => {
    const json = serializeJsonLd(
      articleLd(
        { name: 'Haven', url: 'https://example.org', description: 'x' },
        {
          url: 'https://example.org/ja/news/kome',
          title: hostile,
          summary: hostile,
          locale: 'ja',
          publishedAt: doc.published_at,
          updatedAt: doc.updated_at,
          image: null,
        },
      ),
    )
    expect(json).not.toMatch(/<|>|&/)
    expect(JSON.parse(json).headline).toBe(hostile)
  })
})

describe.skipIf(!existsSync(XMLLINT))('feeds and sitemaps', () => {
  it('are well-formed XML with hostile text in them', () => {
    const feed = atomFeed(
      {
        title: hostile,
        subtitle: hostile,
        locale: 'ja',
        siteUrl: 'https://example.org',
        authorName: hostile,
        updated: '2006-04-12T00:00:00.000Z',
      },
      [doc],
    )
    expect(wellFormed(feed)).toBe('ok')
    expect(feed).toContain('<updated>2006-04-12T00:00:00.000Z</updated>')
    expect(
      wellFormed(
        sitemapXml(
          'https://example.org',
          ['en', 'ja'],
          [
            { entry_id: 'e', kind: 'news', locale: 'ja', slug: 'kome', updated_at: doc.updated_at },
            { entry_id: 'e', kind: 'news', locale: 'en', slug: 'rice', updated_at: doc.updated_at },
          ],
        ),
      ),
    ).toBe('ok')
  })
})

describe('small pieces of the site', () => {
  const page = prepareResponse('<p>北朝鮮からの難民</p>'.repeat(100), {
    contentType: 'text/html; charset=utf-8',
    cacheControl: 'public, max-age=60',
    lastModified: '2026-12-01T00:00:00.000Z',
  })
  const ask = (headers: { acceptEncoding?: string; ifNoneMatch?: string }, method = 'GET') =>
    preparedAnswer(page, {
      method,
      acceptEncoding: headers.acceptEncoding,
      ifNoneMatch: headers.ifNoneMatch,
      ifModifiedSince: undefined,
    })

  it.each([
    ['gzip, deflate, br', 'br'],
    ['br;q=0.5, gzip;q=1', 'gzip'],
    ['gzip', 'gzip'],
    ['gzip;q=0', undefined],
    ['identity', undefined],
    ['*', 'br'],
    [undefined, undefined],
  ])('Accept-Encoding %s → coding %s, and the bytes decode to the page', (header, coding) => {
    const answer = ask({ acceptEncoding: header })
    expect(answer.headers['Content-Encoding']).toBe(coding)
    const bytes = answer.bytes ?? Buffer.alloc(0)
    expect(answer.headers['Content-Length']).toBe(String(bytes.length))
    const decoded =
      coding === 'br' ? brotliDecompressSync(bytes) : coding === 'gzip' ? gunzipSync(bytes) : bytes
    expect(decoded.equals(page.body)).toBe(true)
  })

  it('answers a matching ETag with 304 and no bytes, and HEAD with headers only', () => {
    expect(ask({ ifNoneMatch: page.etag })).toMatchObject({ status: 304, bytes: null })
    expect(ask({ ifNoneMatch: '"other"' }).status).toBe(200)
    const head = ask({ acceptEncoding: 'br' }, 'HEAD')
    expect(head.bytes).toBeNull()
    expect(Number(head.headers['Content-Length'])).toBe(page.br?.length)
    expect(page.br?.length).toBeLessThan(page.gzip?.length ?? 0)
  })

  it('writes event times as each language does', () => {
    const en = translatorFor('en')
    const ja = translatorFor('ja')
    expect(eventTime('en', en, '2006-05-20T14:00', '2006-05-20T17:00')).toBe(
      'May 20, 2006, 2:00 PM – 5:00 PM',
    )
    expect(eventTime('ja', ja, '2006-05-20T14:00', '2006-05-20T17:00')).toBe(
      '2006年5月20日 14:00〜17:00',
    )
    expect(eventTime('en', en, '2006-05-20', null)).toBe('May 20, 2006')
    expect(eventTime('ja', ja, '2006-05-20', '2006-05-22')).toBe('2006年5月20日〜2006年5月22日')
  })
})
