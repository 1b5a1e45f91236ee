import { translatorFor } from '@haven/core/i18n/translate'
import { parseSearchQuery } from '@haven/core/site/search-query'
import { snippet } from '@haven/core/site/search-text'
import type { Hono } from 'hono'
import type { HavenEnv } from '../http/hono-env.js'
import { pathLocale } from './content-routes.js'
import { pageNumber } from './pages/page-parts.js'
import { SearchPage, type SearchResultItem } from './pages/search-page.js'
import { searchPublished } from './search-store.js'
import type { PageMeta } from './site-frame.js'
import { everyLanguage, type SiteRenderer } from './site-renderer.js'

export const RESULTS_PER_PAGE = 10
/** Deep paging costs more than it helps; refine the query instead. */
const MAX_PAGE = 50

/**
 * /{lang}/search?q=…[&only=1][&page=N]: full-text search without script. Every language by
 * default (a visitor types in the script they know, whichever site they are on), the page's own
 * language first; `only=1` keeps to the page's language.
 */
export function registerSearchRoutes(site: Hono<HavenEnv>, r: SiteRenderer): void {
  site.get('/:lang{[a-z]{2}}/search', async (c) => {
    const locale = pathLocale(c)
    if (!locale) return c.notFound()
    const t = translatorFor(locale)
    const query = parseSearchQuery(c.req.query('q') ?? '')
    const onlyThisLanguage = c.req.query('only') === '1'
    const page = Math.min(pageNumber(c.req.query('page')) ?? 1, MAX_PAGE)
    const result =
      query.terms.length > 0
        ? await searchPublished(r.reader, {
            terms: query.terms,
            locale: onlyThisLanguage ? locale : null,
            prefer: locale,
            limit: RESULTS_PER_PAGE,
            offset: (page - 1) * RESULTS_PER_PAGE,
          })
        : { total: 0, hits: [] }
    const results: SearchResultItem[] = result.hits.map((hit) => ({
      kind: hit.kind,
      locale: hit.locale,
      slug: hit.slug,
      title: snippet(hit.title, query.terms, 200),
      snippet: snippet(hit.bodyText, query.terms),
      publishedAt: hit.publishedAt,
    }))
    const meta: PageMeta = {
      title: query.text
        ? t('site.search.title_for', { query: query.text })
        : t('site.search.title'),
      description: t('site.search.description'),
      path: query.text ? `/search?q=${encodeURIComponent(query.text)}` : '/search',
      alternates: everyLanguage(
        query.text ? `/search?q=${encodeURIComponent(query.text)}` : '/search',
      ),
      noindex: true,
      section: 'search',
      searchInBody: true,
    }
    return r.send(
      c,
      locale,
      meta,
      <SearchPage
        locale={locale}
        t={t}
        query={query.text}
        onlyThisLanguage={onlyThisLanguage}
        tooShort={query.tooShort}
        total={result.total}
        page={page}
        pages={Math.min(MAX_PAGE, Math.ceil(result.total / RESULTS_PER_PAGE))}
        results={results}
      />,
    )
  })
}
