import { beforeAll, beforeEach, expect, it } from 'vitest'
import type { AppContext } from '../src/app-context.js'
import { HavenError } from '../src/http/haven-error.js'
import {
  previewMarkdown,
  publishDocument,
  unpublishDocument,
} from '../src/modules/cms/cms-publish.js'
import {
  addTranslation,
  moveDocument,
  restoreRevision,
  saveDocument,
} from '../src/modules/cms/cms-service.js'
import { findDocument, listRevisions } from '../src/modules/cms/cms-store.js'
import { uploadImage } from '../src/modules/cms/image-service.js'
import { describeEachDialect } from './support/dialects.js'
import { buildUser, signIn } from './support/factories.js'
import { buildEntry, testPngBase64 } from './support/site-factories.js'
import { jsonRequest, testAppContext, testApps } from './support/test-app.js'

const by = { actorId: null, requestId: 'test' }

async function codeOf(work: Promise<unknown>): Promise<string> {
  try {
    await work
    return 'ok'
  } catch (error) {
    return error instanceof HavenError ? error.code : String(error)
  }
}

describeEachDialect('publishing the website', (ctx) => {
  let app: AppContext
  beforeAll(async () => {
    app = testAppContext(ctx.database())
  })
  beforeEach(async () => {
    await ctx.reset()
  })

  const site = (path: string, init?: RequestInit) => testApps(app).site.request(path, init)

  it('publishes only from review, and writes the rendered page where the site reads it', async () => {
    const db = app.database.db
    const { document } = await buildEntry(app, {
      slug: 'about',
      title: 'About us',
      body: 'We **help**. <script>x()</script>',
    })
    expect(await codeOf(publishDocument(app, db, document.id, by))).toBe('workflow_state')
    expect((await site('/en/about')).status).toBe(404)
    expect(await db.selectFrom('site_documents').selectAll().execute()).toEqual([])

    await moveDocument(app, db, document.id, 'submit', by)
    await publishDocument(app, db, document.id, by)
    const [row] = await db.selectFrom('site_documents').selectAll().execute()
    expect(row?.html).toBe('<p>We <strong>help</strong>. &lt;script&gt;x()&lt;/script&gt;</p>\n')
    expect(row?.title).toBe('About us')
    const search = await db.selectFrom('site_search').selectAll().execute()
    expect(search.map((s) => s.document_id)).toEqual([document.id])
    const page = await site('/en/about')
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('We <strong>help</strong>.')
    expect((await findDocument(db, document.id))?.status).toBe('published')
  })

  it('keeps every revision; edits wait for the next publication; restore brings one back', async () => {
    const db = app.database.db
    const { document } = await buildEntry(app, {
      slug: 'history',
      title: 'First',
      stage: 'published',
    })
    const saved = await saveDocument(
      app,
      db,
      document.id,
      { slug: 'history', title: 'Second', summary: '', body: 'Changed' },
      document.revision,
      by,
    )
    expect(saved.status).toBe('draft')
    expect(saved.revision).toBe(2)
    // The site still shows the live revision.
    expect(await (await site('/en/history')).text()).toContain('First')
    // A save from a stale copy is refused rather than silently overwriting.
    expect(
      await codeOf(
        saveDocument(
          app,
          db,
          document.id,
          { slug: 'history', title: 'Stale', summary: '', body: '' },
          1,
          by,
        ),
      ),
    ).toBe('conflict')

    const revisions = await listRevisions(db, document.id)
    expect(revisions.map((r) => [r.number, r.title, r.reason])).toEqual([
      [2, 'Second', 'saved'],
      [1, 'First', 'created'],
    ])
    const first = revisions.find((r) => r.number === 1)
    if (!first) throw new Error('no first revision')
    const restored = await restoreRevision(app, db, document.id, first.id, by)
    expect([restored.revision, restored.title, restored.status]).toEqual([3, 'First', 'draft'])
    expect((await listRevisions(db, document.id)).length).toBe(3)

    await moveDocument(app, db, document.id, 'submit', by)
    await publishDocument(app, db, document.id, by)
    expect((await findDocument(db, document.id))?.live_revision).toBe(3)
  })

  it('links translations, each with its own slug, and switches language between them', async () => {
    const db = app.database.db
    const { entry, document: en } = await buildEntry(app, {
      kind: 'news',
      slug: 'rice-budget',
      title: 'Rice budget',
      stage: 'published',
    })
    // Before the translation: the switch goes to the Japanese home and says so.
    const before = await (await site('/en/news/rice-budget')).text()
    expect(before).toContain('<a href="/ja/" hreflang="ja" lang="ja">日本語</a>')
    expect(before).toContain('このページの日本語版はありません')
    expect(before).not.toContain('hreflang="ja" href=')

    const ja = await addTranslation(
      app,
      db,
      entry,
      'ja',
      { slug: 'kome-no-yosan', title: '米の予算', summary: '', body: '本文' },
      by,
    )
    expect(
      await codeOf(
        addTranslation(app, db, entry, 'ja', { slug: 'x', title: 'x', summary: '', body: '' }, by),
      ),
    ).toBe('translation_exists')
    await moveDocument(app, db, ja.id, 'submit', by)
    await publishDocument(app, db, ja.id, by)

    const page = await (await site('/en/news/rice-budget')).text()
    expect(page).toContain('<a href="/ja/news/kome-no-yosan" hreflang="ja" lang="ja">日本語</a>')
    expect(page).toContain(
      '<link rel="alternate" hreflang="ja" href="http://localhost:3000/ja/news/kome-no-yosan"/>',
    )
    const jaPage = await (await site('/ja/news/kome-no-yosan')).text()
    expect(jaPage).toContain('<html lang="ja">')
    expect(jaPage).toContain('<a href="/en/news/rice-budget" hreflang="en" lang="en">English</a>')
    expect(en.locale).toBe('en')
  })

  it('refuses a slug in use by another document of the kind and language, live or draft', async () => {
    const db = app.database.db
    const { document: a } = await buildEntry(app, { slug: 'taken', stage: 'published' })
    expect(await codeOf(buildEntry(app, { slug: 'taken' }))).toBe('slug_taken')
    expect(await codeOf(buildEntry(app, { slug: 'taken', kind: 'news' }))).toBe('ok')
    expect(await codeOf(buildEntry(app, { slug: 'taken', locale: 'ja' }))).toBe('ok')
    expect(await codeOf(buildEntry(app, { slug: 'search' }))).toBe('validation_failed')
    // Renaming the live one frees its working slug but not the live address until republished.
    await saveDocument(
      app,
      db,
      a.id,
      { slug: 'renamed', title: 'A', summary: '', body: '' },
      a.revision,
      by,
    )
    expect(await codeOf(buildEntry(app, { slug: 'taken' }))).toBe('slug_taken')
  })

  it('unpublishes: the page, its search entry and its place in the site go', async () => {
    const db = app.database.db
    const { document } = await buildEntry(app, {
      slug: 'gone',
      title: 'Gone soon',
      stage: 'published',
    })
    expect((await site('/en/gone')).status).toBe(200)
    await unpublishDocument(app, db, document.id, by)
    expect((await site('/en/gone')).status).toBe(404)
    expect(await db.selectFrom('site_search').selectAll().execute()).toEqual([])
    expect((await findDocument(db, document.id))?.status).toBe('draft')
    expect(await codeOf(unpublishDocument(app, db, document.id, by))).toBe('workflow_state')
  })

  it('copies a page’s images to the site on publication, and previews them inline before', async () => {
    const db = app.database.db
    const image = await uploadImage(app, db, { label: 'chart', data: testPngBase64(20, 10) }, by)
    const body = `![Rice per month](/media/${image.id}.png)`
    const preview = await previewMarkdown(db, body)
    expect(preview).toContain('src="data:image/png;base64,')
    expect(preview).toContain('width="20" height="10"')
    expect((await site(`/media/${image.id}.png`)).status).toBe(404)

    await buildEntry(app, { slug: 'with-image', body, stage: 'published' })
    const media = await site(`/media/${image.id}.png`)
    expect(media.status).toBe(200)
    expect(media.headers.get('content-type')).toBe('image/png')
    expect(media.headers.get('cache-control')).toContain('immutable')
    const html = await (await site('/en/with-image')).text()
    expect(html).toContain(
      `<img src="/media/${image.id}.png" alt="Rice per month" width="20" height="10"`,
    )
    expect(html).toContain(
      `<meta property="og:image" content="http://localhost:3000/media/${image.id}.png"/>`,
    )
    expect((await site(`/media/${image.id}.jpg`)).status).toBe(404)
  })

  it('works through the API for an editor: create, translate, preview, review, publish', async () => {
    const editor = await buildUser(app, { grants: [{ role: 'editor', compartmentId: null }] })
    const { headers } = await signIn(app, editor)
    const api = (method: string, path: string, body?: unknown) =>
      testApps(app).staff.request(
        `/api/v1${path}`,
        body === undefined ? { method, headers } : jsonRequest(method, body, headers),
      )
    const created = await api('POST', '/cms/entries', {
      kind: 'page',
      locale: 'en',
      slug: 'donate',
      title: 'Donate',
      body: 'Give by **bank transfer**.',
    })
    expect(created.status).toBe(201)
    const entry = (await created.json()) as {
      id: string
      documents: { id: string; revision: number }[]
    }
    const bad = await api('POST', `/cms/entries/${entry.id}/translations`, {
      locale: 'ja',
      slug: 'Kifu!',
      title: '',
      body: '',
    })
    expect(bad.status).toBe(422)
    const problems = ((await bad.json()) as { error: { fields: Record<string, string> } }).error
      .fields
    expect(Object.keys(problems).sort()).toEqual(['slug', 'title'])
    expect(
      (
        await api('POST', `/cms/entries/${entry.id}/translations`, {
          locale: 'ja',
          slug: 'donate',
          title: '寄付',
          body: '**銀行振込**で。',
        })
      ).status,
    ).toBe(201)
    const preview = await api('POST', '/cms/preview', { title: '寄付', body: '**銀行振込**で。' })
    expect(((await preview.json()) as { html: string }).html).toBe(
      '<p><strong>銀行振込</strong>で。</p>\n',
    )
    const full = (await (await api('GET', `/cms/entries/${entry.id}`)).json()) as {
      documents: { id: string; locale: string }[]
    }
    for (const d of full.documents) {
      expect((await api('POST', `/cms/documents/${d.id}/submit`)).status).toBe(200)
      const published = await api('POST', `/cms/documents/${d.id}/publish`)
      expect(((await published.json()) as { publicPath: string }).publicPath).toBe(
        `/${d.locale}/donate`,
      )
    }
    expect(await (await site('/ja/donate')).text()).toContain('<strong>銀行振込</strong>')
    const audit = await app.database.db.selectFrom('audit_log').select('action').execute()
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'cms.entry_created',
        'cms.translation_added',
        'cms.document_published',
      ]),
    )
  })

  it('keeps navigation and FAQ topics in the order editors set', async () => {
    const editor = await buildUser(app, { grants: [{ role: 'editor', compartmentId: null }] })
    const { headers } = await signIn(app, editor)
    const api = (method: string, path: string, body?: unknown) =>
      testApps(app).staff.request(
        `/api/v1${path}`,
        body === undefined ? { method, headers } : jsonRequest(method, body, headers),
      )
    const { entry } = await buildEntry(app, {
      slug: 'about',
      title: 'About us',
      stage: 'published',
    })
    await api('PUT', '/cms/navigation', {
      items: [{ section: 'news' }, { entryId: entry.id }, { section: 'home' }],
    })
    const nav = await (await site('/en/news/')).text()
    const order =
      [...nav.matchAll(/<nav aria-label="Main"><ul class="nav">(.*?)<\/ul>/g)][0]?.[1] ?? ''
    // The home page is the mark's link, not a header item.
    expect([...order.matchAll(/>([^<]+)<\/a>/g)].map((m) => m[1])).toEqual([
      'Current situation',
      'About us',
    ])
    expect(nav).toContain('<a class="brand" href="/en/">')
    // Not published in Japanese: not in the Japanese navigation.
    expect(await (await site('/ja/news/')).text()).not.toContain('About us')
    const bad = await api('PUT', '/cms/navigation', { items: [{ entryId: 'nope' }] })
    expect(bad.status).toBe(422)

    const a = (await (
      await api('POST', '/cms/faq-groups', { names: { en: 'Money', ja: 'お金' } })
    ).json()) as { id: string }
    const b = (await (
      await api('POST', '/cms/faq-groups', { names: { en: 'Safety', ja: '安全' } })
    ).json()) as { id: string }
    await buildEntry(app, {
      kind: 'faq',
      slug: 'q1',
      title: 'Is it safe?',
      faqGroupId: b.id,
      stage: 'published',
    })
    await buildEntry(app, {
      kind: 'faq',
      slug: 'q2',
      title: 'Where does money go?',
      faqGroupId: a.id,
      stage: 'published',
    })
    const faq = async () => (await (await site('/en/faq')).text()).replace(/.*<main/s, '')
    expect((await faq()).indexOf('Money')).toBeLessThan((await faq()).indexOf('Safety'))
    expect((await api('PUT', '/cms/faq-groups/order', { ids: [b.id, a.id] })).status).toBe(200)
    expect((await faq()).indexOf('Safety')).toBeLessThan((await faq()).indexOf('Money'))
    expect((await api('DELETE', `/cms/faq-groups/${a.id}`)).status).toBe(409)
  })
})
