import { createHash } from 'node:crypto'
import { isLocale, LOCALES } from '@haven/core/i18n/locales'
import { translatorFor } from '@haven/core/i18n/translate'
import { campaignPath } from '@haven/core/site/site-paths'
import type { Hono } from 'hono'
import type { AppContext } from '../app-context.js'
import { toHavenError } from '../http/error-response.js'
import type { HavenEnv } from '../http/hono-env.js'
import { atomFeed } from './atom-feed.js'
import { pathLocale, registerContentRoutes } from './content-routes.js'
import {
  encodeVariant,
  VARIANT_CONTENT_TYPES,
  VariantCache,
  type VariantFormat,
  variantWidths,
} from './image-variants.js'
import { NotFoundPage } from './pages/content-pages.js'
import { prepareResponse, sendPrepared } from './prepared-response.js'
import { publishedReader } from './published-db.js'
import {
  findMedia,
  findMediaVariant,
  findOpenData,
  findReportPdf,
  liveCampaigns,
  newsForFeed,
  openDataEntries,
  sitemapEntries,
} from './published-store.js'
import { registerSearchRoutes } from './search-routes.js'
import css from './site.css?raw'
import { siteCacheFor } from './site-cache.js'
import { accentStylesheet } from './site-identity-css.js'
import { everyLanguage, PUBLIC_CACHE, SiteRenderer } from './site-renderer.js'
import { sitemapXml } from './sitemap.js'

const cssHash = createHash('sha256').update(css).digest('hex').slice(0, 12)
export const SITE_STYLESHEET = `/assets/site.${cssHash}.css`
const IMMUTABLE = 'public, max-age=31536000, immutable'
const stylesheet = prepareResponse(css, {
  contentType: 'text/css; charset=utf-8',
  cacheControl: IMMUTABLE,
})

/**
 * The public website, registered on `site` (which carries the shared middleware). It reads the
 * published tables only, through a handle that refuses anything else. Modules may add public pages
 * (`site` in their HavenModule): the inbox's contact forms, whose one write seals a message and
 * cannot read one back.
 */
export function createSiteApp(app: AppContext, site: Hono<HavenEnv>): Hono<HavenEnv> {
  const reader = publishedReader(app.database)
  const r = new SiteRenderer(app, reader, siteCacheFor(app), SITE_STYLESHEET)
  const siteUrl = () => app.urls.public.replace(/\/$/, '')

  site.get(SITE_STYLESHEET, (c) => sendPrepared(c, stylesheet))
  // Search results are not disallowed here but carry noindex: a crawler has to fetch a page to
  // learn that it may not index it.
  site.get('/robots.txt', (c) =>
    c.text(
      `User-agent: *\nDisallow: /app/\nDisallow: /api/\n\nSitemap: ${siteUrl()}/sitemap.xml\n`,
    ),
  )
  site.get('/sitemap.xml', (c) =>
    r.cached(c, 'sitemap', async (updatedAt) =>
      prepareResponse(
        sitemapXml(
          siteUrl(),
          LOCALES,
          await sitemapEntries(reader.db),
          (await liveCampaigns(reader.db)).map((c) => ({
            path: campaignPath(c.slug),
            updatedAt: c.updated_at,
          })),
          await openDataEntries(reader.db),
        ),
        {
          contentType: 'application/xml; charset=utf-8',
          cacheControl: PUBLIC_CACHE,
          lastModified: updatedAt,
        },
      ),
    ),
  )
  // Open-data files (the IATI files of a fiscal year) at the stable addresses the sitemap lists.
  site.get('/open-data/*', (c) =>
    r.cached(c, `open-data:${c.req.path}`, async (updatedAt) => {
      const file = await findOpenData(reader.db, c.req.path)
      if (!file) return null
      return prepareResponse(file.data, {
        contentType: file.content_type,
        cacheControl: PUBLIC_CACHE,
        lastModified: updatedAt,
      })
    }),
  )
  site.get('/:lang{[a-z]{2}}/feed.xml', (c) => {
    const locale = pathLocale(c)
    if (!locale) return c.notFound()
    return r.cached(c, `feed:${locale}`, async (updatedAt) => {
      const t = translatorFor(locale)
      const xml = atomFeed(
        {
          title: t('site.feed.title', { name: app.config.orgName }),
          subtitle: t('site.news.lead'),
          locale,
          siteUrl: siteUrl(),
          authorName: app.config.orgName,
          updated: updatedAt,
        },
        await newsForFeed(reader.db, locale, 20),
      )
      return prepareResponse(xml, {
        contentType: 'application/atom+xml; charset=utf-8',
        cacheControl: PUBLIC_CACHE,
        lastModified: updatedAt,
      })
    })
  })
  // Images of published pages. They never change under an id, so they are cached for good.
  site.get('/media/:file{[0-9a-f-]{36}\\.(?:jpg|png)}', async (c) => {
    const [id = '', ext] = c.req.param('file').split('.')
    const media = await findMedia(reader.db, id)
    if (!media || (media.content_type === 'image/png') !== (ext === 'png')) return c.notFound()
    return sendPrepared(
      c,
      prepareResponse(media.data, {
        contentType: media.content_type,
        cacheControl: IMMUTABLE,
        compress: false,
      }),
    )
  })

  // An annual report's PDF as published: one per release and language, never changed under its
  // id (a correction adds another), so it is cached for good like an image.
  site.get('/media/:file{[0-9a-f-]{36}\\.pdf}', async (c) => {
    const pdf = await findReportPdf(reader.db, c.req.param('file').slice(0, 36))
    if (!pdf) return c.notFound()
    const response = prepareResponse(pdf.data, {
      contentType: 'application/pdf',
      cacheControl: IMMUTABLE,
      compress: false,
    })
    c.header('Content-Disposition', `inline; filename="${pdf.file_name}"`)
    c.header('Content-Language', pdf.locale)
    return sendPrepared(c, response)
  })

  // The editors' accent colour, named by its value (so it is immutable).
  site.get('/assets/:file{accent-[0-9a-f]{6}\\.css}', (c) => {
    const css = accentStylesheet(`#${c.req.param('file').slice(7, 13)}`)
    if (!css) return c.notFound()
    return sendPrepared(
      c,
      prepareResponse(css, { contentType: 'text/css; charset=utf-8', cacheControl: IMMUTABLE }),
    )
  })

  // Smaller and lighter versions of the same images (srcset): AVIF, WebP or JPEG at a few widths,
  // stored when the image was uploaded. Images published before variants were stored are encoded
  // from their master on first request and kept in memory.
  const variants = new VariantCache()
  site.get('/media/:file{[0-9a-f-]{36}-[0-9]{1,4}\\.(?:avif|webp|jpg)}', async (c) => {
    const match = /^([0-9a-f-]{36})-([0-9]+)\.(avif|webp|jpg)$/.exec(c.req.param('file'))
    if (!match) return c.notFound()
    const [, id = '', widthText = '', format = 'jpg'] = match
    const width = Number(widthText)
    let data = await findMediaVariant(reader.db, id, width, format)
    if (!data) {
      const media = await findMedia(reader.db, id)
      if (!media || !variantWidths(media.width).includes(width)) return c.notFound()
      data = await variants.get(`${id}-${width}.${format}`, () =>
        encodeVariant(media.data, width, format as VariantFormat),
      )
    }
    return sendPrepared(
      c,
      prepareResponse(data, {
        contentType: VARIANT_CONTENT_TYPES[format as VariantFormat],
        cacheControl: IMMUTABLE,
        compress: false,
      }),
    )
  })

  // The bare address sends a visitor to their language; Vary so caches keep one answer per language.
  site.get('/', (c) => {
    c.header('Vary', 'Accept-Language, Cookie')
    c.header('Cache-Control', 'no-cache')
    return c.redirect(`/${c.get('locale')}/`, 302)
  })

  registerSearchRoutes(site, r)
  // Modules' public pages (the contact forms), before the catch-all content routes.
  for (const m of app.modules) m.site?.(site, r)
  registerContentRoutes(site, r)

  site.notFound(async (c) => {
    const first = c.req.path.split('/')[1]
    const locale = isLocale(first) ? first : c.get('locale')
    // The address asked for, so no menu entry is marked as the current page.
    const path = isLocale(first) ? c.req.path.slice(first.length + 1) || '/' : c.req.path
    const t = translatorFor(locale)
    return r.send(
      c,
      locale,
      {
        title: t('site.not_found.title'),
        description: t('site.tagline'),
        path: path === '/' ? '/404' : path,
        alternates: everyLanguage('/'),
        noindex: true,
        searchInBody: true,
      },
      <NotFoundPage locale={locale} t={t} />,
      404,
    )
  })
  site.onError((error, c) => {
    toHavenError(c, error)
    const t = translatorFor(c.get('locale'))
    return c.text(t('error.internal_error', { requestId: c.get('requestId') }), 500)
  })
  return site
}
