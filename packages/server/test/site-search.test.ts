import { parseSearchQuery } from '@haven/core/site/search-query'
import { beforeAll, describe, expect, it } from 'vitest'
import type { AppContext } from '../src/app-context.js'
import { publishDocument } from '../src/modules/cms/cms-publish.js'
import { addTranslation, moveDocument } from '../src/modules/cms/cms-service.js'
import { publishedReader } from '../src/site/published-db.js'
import { searchPublished } from '../src/site/search-store.js'
import { describeEachDialect } from './support/dialects.js'
import { buildEntry } from './support/site-factories.js'
import { testAppContext, testApps } from './support/test-app.js'

const by = { actorId: null, requestId: 'test' }

describeEachDialect('site search', (ctx) => {
  let app: AppContext
  const search = (q: string, locale: string | null = 'ja', offset = 0, limit = 10) =>
    searchPublished(publishedReader(app.database), {
      terms: parseSearchQuery(q).terms,
      locale,
      limit,
      offset,
    })
  const slugs = async (q: string, locale: string | null = 'ja') =>
    (await search(q, locale)).hits.map((h) => h.slug)

  beforeAll(async () => {
    await ctx.reset()
    app = testAppContext(ctx.database())
    const db = app.database.db
    const pages = [
      [
        'refugees',
        'Refugees in hiding',
        '北朝鮮難民の保護',
        '中国に潜伏する北朝鮮難民を保護しています。難民は送還されると危険です。',
      ],
      ['rice', 'Rice budget', '米の予算', '大人一人一日五百グラムの米。予算は一人二十元です。'],
      ['school', 'Schooling', '里子の就学支援', '学校に通えない子どもたちの学費を支援します。'],
      ['clothes', 'Winter clothes', '冬服の配布', 'シェルターに冬服と毛布を届けました。'],
    ] as const
    for (const [slug, en, jaTitle, jaBody] of pages) {
      const { entry } = await buildEntry(app, {
        kind: 'news',
        slug,
        title: en,
        body: `${en}: about ${slug}. Refugees matter.`,
        stage: 'published',
      })
      const ja = await addTranslation(
        app,
        db,
        entry,
        'ja',
        { slug, title: jaTitle, summary: '', body: jaBody },
        by,
      )
      await moveDocument(app, db, ja.id, 'submit', by)
      await publishDocument(app, db, ja.id, by)
    }
    // Many pages mentioning one word, for paging.
    for (let i = 0; i < 13; i++)
      await buildEntry(app, {
        kind: 'news',
        slug: `filler-${i}`,
        title: `Note ${i}`,
        body: 'Shelter news.',
        locale: 'ja',
        stage: 'published',
      })
  })

  it('finds Japanese with one- and two-character queries (shorter than a trigram)', async () => {
    expect(await slugs('米')).toEqual(['rice'])
    expect(await slugs('難民')).toEqual(['refugees'])
    expect(await slugs('冬服')).toEqual(['clothes'])
    expect(await slugs('学費')).toEqual(['school'])
    expect(await slugs('子')).toEqual(['school'])
  })

  it('finds longer Japanese runs through the trigram index, and every term must match', async () => {
    expect(await slugs('北朝鮮難民')).toEqual(['refugees'])
    expect(await slugs('シェルター 毛布')).toEqual(['clothes'])
    expect(await slugs('シェルター 米')).toEqual([])
    expect(await slugs('ｼｪﾙﾀｰ')).toEqual(['clothes'])
  })

  it('ranks a title match above a body match', async () => {
    const { hits } = await search('難民')
    expect(hits[0]?.title).toBe('北朝鮮難民の保護')
    const en = await search('refugees', 'en')
    expect(en.hits[0]?.slug).toBe('refugees')
    expect(en.total).toBe(4)
  })

  it('searches the page’s language, or every language when asked', async () => {
    expect(await slugs('rice', 'ja')).toEqual([])
    expect(await slugs('rice', 'en')).toEqual(['rice'])
    expect((await search('rice', null)).hits.map((h) => `${h.locale}:${h.slug}`)).toEqual([
      'en:rice',
    ])
    expect((await search('米', null)).total).toBe(1)
  })

  it('pages through results', async () => {
    const first = await search('shelter', 'ja', 0, 10)
    const second = await search('shelter', 'ja', 10, 10)
    expect(first.total).toBe(13)
    expect(first.hits.length).toBe(10)
    expect(second.hits.length).toBe(3)
    expect(new Set([...first.hits, ...second.hits].map((h) => h.slug)).size).toBe(13)
    expect((await search('shelter', 'ja', 20, 10)).hits).toEqual([])
  })

  it.each([
    ['"', []],
    ['"米"', ['rice']],
    ['米*', ['rice']],
    ['NEAR(難民 米)', []],
    ['難民 OR 米', []],
    ['title:難民', []],
    ['%', []],
    ['_', []],
    ["' or 1=1 --", []],
    ['<script>alert(1)</script>', []],
    ['\u0000難民\u0007', ['refugees']],
    [`${'難民'.repeat(5000)}`, []],
    ['a'.repeat(100_000), []],
  ] as const)('answers hostile query %j safely', async (q, expected) => {
    expect(await slugs(q)).toEqual(expected)
  })

  describe('over HTTP', () => {
    const get = (path: string) => testApps(app).site.request(path)

    it('shows results with the match highlighted, in a page that needs no script', async () => {
      const res = await get(`/ja/search?q=${encodeURIComponent('難民')}`)
      expect(res.status).toBe(200)
      expect(res.headers.get('cache-control')).toBe('no-store')
      const html = await res.text()
      expect(html).toContain('<mark>難民</mark>')
      expect(html).toContain('href="/ja/news/refugees"')
      expect(html).toContain('<meta name="robots" content="noindex"/>')
      expect(html).not.toContain('<script>')
      expect(html).toContain('「難民」の検索結果：1 件')
    })

    it('finds a Japanese query from the English site by default, saying each result’s language, and keeps to one language when asked', async () => {
      const html = await (await get(`/en/search?q=${encodeURIComponent('難民')}`)).text()
      expect(html).toContain('href="/ja/news/refugees"')
      expect(html).toContain('<span class="lang-tag" lang="ja">日本語</span>')
      expect(html).toContain('1 result for “難民”')
      // The snippet is the sentences around the hit, not a cut-out.
      expect(html).toContain(
        '<p lang="ja">中国に潜伏する北朝鮮<mark>難民</mark>を保護しています。<mark>難民</mark>は送還されると危険です。</p>',
      )
      const only = await (await get(`/en/search?q=${encodeURIComponent('難民')}&only=1`)).text()
      expect(only).toContain('Nothing was found for “難民”')
      expect(only).toMatch(/name="only" value="1" checked/)
      // An English word on the Japanese site: the English page, labelled English.
      const en = await (await get('/ja/search?q=rice')).text()
      expect(en).toContain('href="/en/news/rice"')
      expect(en).toContain('<span class="lang-tag" lang="en">English</span>')
    })

    it('escapes whatever the query was', async () => {
      const html = await (
        await get(`/en/search?q=${encodeURIComponent('<img src=x onerror=alert(1)>"')}`)
      ).text()
      expect(html).not.toContain('<img src=x')
      // Preact escapes <, & and quotes: no element can open, no attribute can close.
      expect(html).toContain('value="&lt;img src=x onerror=alert(1)>&quot;"')
    })

    it('pages with plain links that keep the query', async () => {
      const html = await (await get('/ja/search?q=shelter')).text()
      expect(html).toContain('href="/ja/search?q=shelter&amp;page=2"')
      const page2 = await (await get('/ja/search?q=shelter&page=2')).text()
      expect(page2).toContain('2 ページ中 2 ページ目')
    })

    it('takes control characters and huge queries without failing', async () => {
      for (const q of ['%00%01%02', encodeURIComponent('x'.repeat(50_000)), '%E3%81', '%FF%FE'])
        expect((await get(`/en/search?q=${q}`)).status).toBe(200)
      expect((await get('/en/search?page=99999999999')).status).toBe(200)
    })
  })
})
