import { beforeEach, expect, it } from 'vitest'
import type { AppContext } from '../src/app-context.js'
import { backfillImageVariants } from '../src/modules/cms/image-backfill.js'
import { removeImage, uploadImage } from '../src/modules/cms/image-service.js'
import { imageBytesOnPhone, PAGE_IMAGE_BUDGET_BYTES } from '../src/site/image-variants.js'
import { describeEachDialect } from './support/dialects.js'
import { buildUser, signIn } from './support/factories.js'
import { buildEntry, testPngBase64 } from './support/site-factories.js'
import { jsonRequest, testAppContext, testApps } from './support/test-app.js'

const by = { actorId: null, requestId: 'test' }

describeEachDialect('a hero per page and news as cards', (ctx) => {
  let app: AppContext
  beforeEach(async () => {
    await ctx.reset()
    app = testAppContext(ctx.database())
  })
  const site = (path: string) => testApps(app).site.request(path)
  const upload = async () =>
    uploadImage(app, app.database.db, { label: 'hero', data: testPngBase64(400, 200) }, by)

  it('shows the hero under the heading, fetched first, with the description in the page’s language', async () => {
    const image = await upload()
    await buildEntry(app, {
      slug: 'about-us',
      title: 'About us',
      heroImage: `/media/${image.id}.png`,
      heroAlt: 'Volunteers & <staff> unloading rice',
      stage: 'published',
    })
    const html = await (await site('/en/about-us')).text()
    const hero = /<div class="hero-frame"><picture class="hero">(.*?)<\/picture><\/div>/.exec(html)
    expect(hero?.[1]).toContain(
      `srcset="/media/${image.id}-320.avif 320w, /media/${image.id}-400.avif 400w"`,
    )
    expect(hero?.[1]).toContain(
      `<img src="/media/${image.id}.png" alt="Volunteers &amp; &lt;staff&gt; unloading rice" width="400" height="200" fetchpriority="high" decoding="async">`,
    )
    // Above the fold: never lazy; after the heading, so a phone's first screen shows the title.
    expect(hero?.[1]).not.toContain('loading="lazy"')
    expect(html.indexOf('<h1>')).toBeLessThan(html.indexOf('hero-frame'))
    // The hero is published with the page, and OpenGraph names it.
    expect((await site(`/media/${image.id}.png`)).status).toBe(200)
    expect(html).toContain(`/media/${image.id}.png`)
  })

  it('refuses to publish a hero without a description, and one that is not in the library', async () => {
    const image = await upload()
    await expect(
      buildEntry(app, { heroImage: `/media/${image.id}.png`, stage: 'published' }),
    ).rejects.toMatchObject({ code: 'validation_failed' })
    await expect(
      buildEntry(app, {
        heroImage: '/media/00000000-0000-4000-8000-000000000000.jpg',
        heroAlt: 'Nothing',
        stage: 'published',
      }),
    ).rejects.toMatchObject({ code: 'validation_failed' })
    expect((await site('/en/')).status).toBe(200)
  })

  it('lists news as cards: the hero (or first image) as a lazy, decorative picture, the title as the link', async () => {
    const image = await upload()
    await buildEntry(app, {
      kind: 'news',
      slug: 'rice-arrived',
      title: 'Rice arrived',
      summary: 'Two tonnes reached the shelters.',
      heroImage: `/media/${image.id}.png`,
      heroAlt: 'Sacks of rice',
      stage: 'published',
    })
    await buildEntry(app, {
      kind: 'news',
      slug: 'no-picture',
      title: 'A note without a picture',
      stage: 'published',
    })
    for (const path of ['/en/news/', '/en/']) {
      const html = await (await site(path)).text()
      expect(html, path).toContain('<ul class="cards">')
      const cards = html.split('<li class="card">').slice(1)
      expect(cards, path).toHaveLength(2)
      const withPicture = cards.find((c) => c.includes('Rice arrived')) ?? ''
      expect(withPicture).toContain(
        `<source type="image/avif" srcset="/media/${image.id}-320.avif 320w`,
      )
      expect(withPicture).toContain(`src="/media/${image.id}-320.jpg"`)
      // An empty alt (written bare, which HTML reads as empty): the title beside it says it all.
      expect(withPicture).toMatch(/ alt(="")? width=/)
      expect(withPicture).toContain('loading="lazy"')
      expect(withPicture).toContain('href="/en/news/rice-arrived"')
      expect(withPicture).toContain('Two tonnes reached the shelters.')
      const without = cards.find((c) => c.includes('A note without a picture')) ?? ''
      expect(without).not.toContain('<picture')
    }
  })

  it('stores every variant at upload, copies them when the page is published, and serves the stored bytes', async () => {
    const image = await upload()
    const db = app.database.db
    const stored = await db
      .selectFrom('cms_image_variants')
      .select(['width', 'format', 'data'])
      .where('media_id', '=', image.id)
      .execute()
    // 320 and the master's 400, each as AVIF, WebP and JPEG.
    expect(stored.map((v) => `${v.width}.${v.format}`).sort()).toEqual(
      ['320.avif', '320.jpg', '320.webp', '400.avif', '400.jpg', '400.webp'].sort(),
    )
    expect((await site(`/media/${image.id}-320.avif`)).status).toBe(404)
    await buildEntry(app, {
      slug: 'with-hero',
      heroImage: `/media/${image.id}.png`,
      heroAlt: 'A test image',
      stage: 'published',
    })
    const published = await db
      .selectFrom('site_media_variants')
      .select(['width', 'format'])
      .where('media_id', '=', image.id)
      .execute()
    expect(published).toHaveLength(6)
    const webp = stored.find((v) => v.width === 320 && v.format === 'webp')
    const res = await site(`/media/${image.id}-320.webp`)
    expect(res.headers.get('content-type')).toBe('image/webp')
    expect(Buffer.from(await res.arrayBuffer()).equals(Buffer.from(webp?.data ?? []))).toBe(true)
  })

  it('stores the variants of images uploaded and published before variants were kept, once', async () => {
    const db = app.database.db
    const inLibrary = await upload()
    const onSite = await upload()
    await buildEntry(app, {
      slug: 'older-page',
      heroImage: `/media/${onSite.id}.png`,
      heroAlt: 'An older image',
      stage: 'published',
    })
    // As before variants were kept: none stored, and the site's image has left the library.
    await removeImage(app, db, onSite.id, by)
    await db.deleteFrom('cms_image_variants').execute()
    await db.deleteFrom('site_media_variants').execute()
    const seen: string[] = []
    const made = await backfillImageVariants(db, ({ done, total }) => seen.push(`${done}/${total}`))
    expect(made).toEqual({ library: 1, site: 1 })
    expect(seen).toEqual(['0/2', '1/2', '2/2'])
    const count = async (table: 'cms_image_variants' | 'site_media_variants', id: string) =>
      (await db.selectFrom(table).select('width').where('media_id', '=', id).execute()).length
    expect(await count('cms_image_variants', inLibrary.id)).toBe(6)
    expect(await count('site_media_variants', onSite.id)).toBe(6)
    // The site serves the stored bytes, encoded from its own copy of the image.
    const stored = await db
      .selectFrom('site_media_variants')
      .select('data')
      .where('media_id', '=', onSite.id)
      .where('width', '=', 320)
      .where('format', '=', 'avif')
      .executeTakeFirstOrThrow()
    const res = await site(`/media/${onSite.id}-320.avif`)
    expect(res.status).toBe(200)
    expect(Buffer.from(await res.arrayBuffer()).equals(Buffer.from(stored.data))).toBe(true)
    // Nothing left to do the second time.
    expect(await backfillImageVariants(db)).toEqual({ library: 0, site: 0 })
  })

  it('tells the editor what the page’s images weigh on a phone before publishing, as publishing weighs them', async () => {
    const editor = await buildUser(app, { grants: [{ role: 'editor', compartmentId: null }] })
    const { headers } = await signIn(app, editor)
    const weigh = async (body: unknown) => {
      const res = await testApps(app).staff.request(
        '/api/v1/cms/image-weight',
        jsonRequest('POST', body, headers),
      )
      expect(res.status).toBe(200)
      return (await res.json()) as { bytes: number; budgetBytes: number; images: number }
    }
    const hero = await upload()
    const inText = await uploadImage(
      app,
      app.database.db,
      { label: 'chart', data: testPngBase64(800, 500) },
      by,
    )
    // What a 390 px phone picks: the 400 px AVIF of the hero, the 640 px AVIF of the 800 px one.
    const avif = async (id: string, width: number) =>
      (
        await app.database.db
          .selectFrom('cms_image_variants')
          .select('byte_size')
          .where('media_id', '=', id)
          .where('width', '=', width)
          .where('format', '=', 'avif')
          .executeTakeFirstOrThrow()
      ).byte_size
    const expected = (await avif(hero.id, 400)) + (await avif(inText.id, 640))
    const page = await weigh({
      heroImage: `/media/${hero.id}.png`,
      // The hero again in the text counts once; a link to an image is not an image shown.
      body: `![Chart](/media/${inText.id}.png)\n\n![Again](/media/${hero.id}.png)\n\n[file](/media/${inText.id}.png)`,
    })
    expect(page).toEqual({ bytes: expected, budgetBytes: 200 * 1024, images: 2 })
    // Half-typed or unknown addresses weigh nothing; an empty page weighs nothing.
    expect(
      await weigh({ heroImage: '/media/00000000-0000-4000-8000-000000000000.jpg', body: '' }),
    ).toEqual({ bytes: 0, budgetBytes: 200 * 1024, images: 0 })
    expect((await weigh({ heroImage: '/media/', body: '# Title' })).images).toBe(0)
  })
})

it('weighs a page’s images as a 390 px phone fetches them: the narrowest AVIF as wide as the column', () => {
  const variants = [
    { media_id: 'a', width: 320, format: 'avif', byte_size: 10 },
    { media_id: 'a', width: 640, format: 'avif', byte_size: 30 },
    { media_id: 'a', width: 640, format: 'jpg', byte_size: 90 },
    { media_id: 'b', width: 300, format: 'avif', byte_size: 7 },
  ]
  expect(imageBytesOnPhone(variants, ['a', 'b', 'a', 'c'])).toBe(37)
  expect(PAGE_IMAGE_BUDGET_BYTES).toBe(200 * 1024)
})
