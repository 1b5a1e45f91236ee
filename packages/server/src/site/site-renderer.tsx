import { LOCALES, type Locale } from '@haven/core/i18n/locales'
import { translatorFor } from '@haven/core/i18n/translate'
import type { Context } from 'hono'
import type { VNode } from 'preact'
import type { AppContext } from '../app-context.js'
import type { HavenEnv } from '../http/hono-env.js'
import type { PreparedResponse } from './prepared-response.js'
import { prepareResponse, sendPrepared } from './prepared-response.js'
import type { SiteReader } from './published-db.js'
import { livePages, readIdentity, readNavigation } from './published-store.js'
import { renderPage } from './render-page.js'
import type { SiteCache } from './site-cache.js'
import type { Alternate, PageMeta, SiteFrame } from './site-frame.js'
import { accentStylesheetPath } from './site-identity-css.js'
import { SiteLayout } from './site-layout.js'
import { headerNavigation, navigationFor } from './site-nav.js'

/** Pages anyone may cache for a minute, then revalidate with their ETag. */
export const PUBLIC_CACHE = 'public, max-age=60, stale-while-revalidate=3600'
/** Forms, confirmations and search results: never kept (a shared or checked device). */
export const NO_STORE = 'no-store'
export const HTML = 'text/html; charset=utf-8'

/** Alternates for a built-in page: the same path in every language. */
export function everyLanguage(path: string): Alternate[] {
  return LOCALES.map((locale) => ({ locale, path }))
}

/** Renders site pages in a language, from the published content of the current version. */
export class SiteRenderer {
  constructor(
    readonly app: AppContext,
    readonly reader: SiteReader,
    readonly cache: SiteCache,
    readonly stylesheet: string,
  ) {}

  async frame(locale: Locale): Promise<SiteFrame> {
    const t = translatorFor(locale)
    const nav = await this.cache.derived(`nav:${locale}`, async () => {
      const [rows, pages] = await Promise.all([
        readNavigation(this.reader.db),
        livePages(this.reader.db),
      ])
      return headerNavigation(locale, t, navigationFor(locale, t, rows, pages), pages)
    })
    const identity = await this.cache.derived('identity', async () => {
      const row = await readIdentity(this.reader.db)
      return {
        accentStylesheet: row?.accent ? accentStylesheetPath(row.accent) : null,
        logo:
          row?.logo_media_id && row.logo
            ? {
                src: `/media/${row.logo_media_id}.${row.logo.content_type === 'image/png' ? 'png' : 'jpg'}`,
                width: row.logo.width,
                height: row.logo.height,
              }
            : null,
      }
    })
    return {
      ...identity,
      locale,
      t,
      org: {
        name: this.app.config.orgName,
        url: this.app.urls.public.replace(/\/$/, ''),
        description: t('site.tagline'),
      },
      stylesheet: this.stylesheet,
      nav: nav.primary,
      donate: nav.donate,
      more: nav.more,
    }
  }

  async html(locale: Locale, meta: PageMeta, body: VNode): Promise<string> {
    const frame = await this.frame(locale)
    return renderPage(
      <SiteLayout frame={frame} meta={meta}>
        {body}
      </SiteLayout>,
    )
  }

  /**
   * A page from the cache of the current content version, or rendered, cached and sent.
   * `render` answers null when there is nothing at this address.
   */
  async cached(
    c: Context<HavenEnv>,
    key: string,
    render: (updatedAt: string) => Promise<PreparedResponse | null>,
  ): Promise<Response> {
    const state = await this.cache.state(this.reader)
    const generation = this.cache.generation
    const hit = this.cache.page(key)
    if (hit) {
      this.rememberPath(c, key, generation)
      return sendPrepared(c, hit)
    }
    const page = await render(state.updatedAt)
    if (!page) return c.notFound()
    this.cache.storePage(key, page, generation)
    this.rememberPath(c, key, generation)
    return sendPrepared(c, page)
  }

  /** A plain GET of this address (no query, nothing percent-encoded) always answers this page. */
  private rememberPath(c: Context<HavenEnv>, key: string, generation: number): void {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return
    const url = c.req.url
    if (url.includes('?') || url.includes('%')) return
    this.cache.rememberPath(c.req.path, key, generation)
  }

  /** A cacheable HTML page. */
  async page(
    locale: Locale,
    meta: PageMeta,
    body: VNode,
    updatedAt: string,
  ): Promise<PreparedResponse> {
    return prepareResponse(await this.html(locale, meta, body), {
      contentType: HTML,
      cacheControl: PUBLIC_CACHE,
      lastModified: updatedAt,
    })
  }

  /** A page rendered for this request only (forms, search, errors). */
  async send(
    c: Context<HavenEnv>,
    locale: Locale,
    meta: PageMeta,
    body: VNode,
    status = 200,
  ): Promise<Response> {
    await this.cache.state(this.reader)
    const page = prepareResponse(await this.html(locale, meta, body), {
      status,
      contentType: HTML,
      cacheControl: NO_STORE,
    })
    return sendPrepared(c, page)
  }
}
