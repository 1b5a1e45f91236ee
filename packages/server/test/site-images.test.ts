import jpeg from 'jpeg-js'
import sharp from 'sharp'
import { beforeEach, expect, it } from 'vitest'
import type { AppContext } from '../src/app-context.js'
import { uploadImage } from '../src/modules/cms/image-service.js'
import { describeEachDialect } from './support/dialects.js'
import { buildEntry } from './support/site-factories.js'
import { testAppContext, testApps } from './support/test-app.js'

const by = { actorId: null, requestId: 'test' }

/** A photo as a phone takes it: a JPEG with an EXIF block holding a GPS position and a serial. */
function photoWithGps(width: number, height: number): Buffer {
  const data = Buffer.alloc(width * height * 4)
  for (let i = 0; i < width * height; i++) data.set([(i * 7) % 256, 120, (i * 3) % 256, 255], i * 4)
  const plain = jpeg.encode({ width, height, data }, 90).data
  const tiff = Buffer.alloc(8 + 2 + 12 + 4)
  tiff.write('II', 0, 'ascii')
  tiff.writeUInt16LE(42, 2)
  tiff.writeUInt32LE(8, 4)
  tiff.writeUInt16LE(1, 8)
  tiff.writeUInt16LE(0x8825, 10) // GPS IFD pointer
  tiff.writeUInt16LE(4, 12)
  tiff.writeUInt32LE(1, 14)
  tiff.writeUInt32LE(0, 18)
  const payload = Buffer.concat([
    Buffer.from('Exif\0\0', 'latin1'),
    tiff,
    Buffer.from('GPS 42.9N 129.5E SERIAL-123', 'latin1'),
  ])
  const app1 = Buffer.alloc(4)
  app1.writeUInt16BE(0xffe1, 0)
  app1.writeUInt16BE(payload.length + 2, 2)
  return Buffer.concat([plain.subarray(0, 2), app1, payload, plain.subarray(2)])
}

describeEachDialect('images on the public site', (ctx) => {
  let app: AppContext
  beforeEach(async () => {
    await ctx.reset()
    app = testAppContext(ctx.database())
  })
  const site = (path: string) => testApps(app).site.request(path)

  it('serves an uploaded photo with GPS EXIF as AVIF, WebP and JPEG at several widths, none with any metadata', async () => {
    const original = photoWithGps(1000, 600)
    expect(original.includes('GPS 42.9N')).toBe(true)
    const image = await uploadImage(
      app,
      app.database.db,
      { label: 'shelter kitchen', data: original.toString('base64') },
      by,
    )
    await buildEntry(app, {
      slug: 'kitchen',
      body: `Intro.\n\n![The kitchen](/media/${image.id}.jpg)`,
      stage: 'published',
    })
    const html = await (await site('/en/kitchen')).text()
    expect(html).toContain(
      `<source type="image/avif" srcset="/media/${image.id}-320.avif 320w, /media/${image.id}-640.avif 640w, /media/${image.id}-960.avif 960w, /media/${image.id}-1000.avif 1000w" sizes="(min-width: 46rem) 44rem, calc(100vw - 2rem)">`,
    )
    expect(html).toContain(`<source type="image/webp" srcset="/media/${image.id}-320.webp 320w`)
    expect(html).toContain(
      `<img src="/media/${image.id}.jpg" alt="The kitchen" width="1000" height="600" loading="lazy" decoding="async" srcset="/media/${image.id}-320.jpg 320w`,
    )

    for (const [path, type, width] of [
      [`/media/${image.id}.jpg`, 'image/jpeg', 1000],
      [`/media/${image.id}-320.avif`, 'image/avif', 320],
      [`/media/${image.id}-640.webp`, 'image/webp', 640],
      [`/media/${image.id}-960.jpg`, 'image/jpeg', 960],
      [`/media/${image.id}-1000.avif`, 'image/avif', 1000],
    ] as const) {
      const res = await site(path)
      expect(res.status, path).toBe(200)
      expect(res.headers.get('content-type'), path).toBe(type)
      expect(res.headers.get('cache-control'), path).toContain('immutable')
      const bytes = Buffer.from(await res.arrayBuffer())
      const meta = await sharp(bytes).metadata()
      expect(meta.width, path).toBe(width)
      expect(meta.exif, path).toBeUndefined()
      expect(meta.xmp, path).toBeUndefined()
      expect(meta.iptc, path).toBeUndefined()
      expect(bytes.includes('GPS'), path).toBe(false)
      expect(bytes.includes('SERIAL'), path).toBe(false)
    }
    // Widths not offered, and images not published, are not there.
    expect((await site(`/media/${image.id}-500.avif`)).status).toBe(404)
    expect((await site(`/media/${image.id}-1280.webp`)).status).toBe(404)
    expect((await site('/media/00000000-0000-0000-0000-000000000000-320.avif')).status).toBe(404)
  })

  it('keeps the variants of a phone-sized page light: the 320-px AVIF is a fraction of the master', async () => {
    const image = await uploadImage(
      app,
      app.database.db,
      { label: 'photo', data: photoWithGps(1600, 1000).toString('base64') },
      by,
    )
    await buildEntry(app, {
      slug: 'photo',
      body: `![A photo](/media/${image.id}.jpg)`,
      stage: 'published',
    })
    const master = (await (await site(`/media/${image.id}.jpg`)).arrayBuffer()).byteLength
    const small = (await (await site(`/media/${image.id}-320.avif`)).arrayBuffer()).byteLength
    expect(small).toBeLessThan(master / 10)
  })

  it('refuses to publish a page whose image has no description in that language, saying why', async () => {
    const image = await uploadImage(
      app,
      app.database.db,
      { label: 'photo', data: photoWithGps(400, 300).toString('base64') },
      by,
    )
    const refused = await buildEntry(app, {
      slug: 'no-alt',
      body: `![](/media/${image.id}.jpg)`,
      stage: 'published',
    }).then(
      () => null,
      (error: unknown) => error as { code?: string; fields?: { path: string; key: string }[] },
    )
    expect(refused?.code).toBe('validation_failed')
    expect(refused?.fields).toEqual([{ path: 'body', key: 'field.image_alt_missing', params: {} }])
    expect((await site('/en/no-alt')).status).toBe(404)
    expect((await site(`/media/${image.id}.jpg`)).status).toBe(404)
  })
})
