import { createHash } from 'node:crypto'
import { isLocale, LOCALES, type Locale } from '@haven/core/i18n/locales'
import { translatorFor } from '@haven/core/i18n/translate'
import type { Hono } from 'hono'
import { etag } from 'hono/etag'
import type { VNode } from 'preact'
import type { AppContext } from '../app-context.js'
import { toHavenError } from '../http/error-response.js'
import type { HavenEnv } from '../http/hono-env.js'
import { renderPage } from './render-page.js'
import css from './site.css?raw'
import { SiteLayout } from './site-layout.js'
import { HomePage, NotFoundPage } from './site-pages.js'

const cssHash = createHash('sha256').update(css).digest('hex').slice(0, 12)
export const SITE_STYLESHEET = `/assets/site.${cssHash}.css`

/**
 * The public website, registered on `site` (which carries the shared middleware). It reads only
 * published content, never protected tables.
 */
export function createSiteApp(app: AppContext, site: Hono<HavenEnv>): Hono<HavenEnv> {
  site.use('*', etag())

  site.get(SITE_STYLESHEET, (c) => {
    c.header('Cache-Control', 'public, max-age=31536000, immutable')
    return c.body(css, 200, { 'Content-Type': 'text/css; charset=utf-8' })
  })
  site.get('/robots.txt', (c) => c.text(`User-agent: *\nDisallow: /app/\nDisallow: /api/\n`))

  // The bare address sends a visitor to their language; Vary so caches keep one answer per language.
  site.get('/', (c) => {
    c.header('Vary', 'Accept-Language, Cookie')
    c.header('Cache-Control', 'no-cache')
    return c.redirect(`/${c.get('locale')}/`, 302)
  })

  const page = (locale: Locale, title: string, path: string, body: VNode) =>
    renderPage(
      <SiteLayout
        locale={locale}
        t={translatorFor(locale)}
        title={title}
        path={path}
        availableIn={LOCALES}
        stylesheet={SITE_STYLESHEET}
        publicUrl={app.urls.public}
      >
        {body}
      </SiteLayout>,
    )

  site.get('/:lang{[a-z]{2}}/', (c) => {
    const lang = c.req.param('lang')
    if (!isLocale(lang)) return c.notFound()
    const t = translatorFor(lang)
    c.header('Cache-Control', 'public, max-age=300')
    return c.html(page(lang, t('site.home.title'), '/', <HomePage t={t} />))
  })
  site.get('/:lang{[a-z]{2}}', (c) => c.redirect(`/${c.req.param('lang')}/`, 301))

  site.notFound((c) => {
    const first = c.req.path.split('/')[1]
    const locale = isLocale(first) ? first : c.get('locale')
    const t = translatorFor(locale)
    return c.html(
      page(locale, t('site.not_found.title'), '/', <NotFoundPage t={t} homeHref={`/${locale}/`} />),
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
