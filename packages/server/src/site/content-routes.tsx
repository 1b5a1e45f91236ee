import { isLocale, type Locale } from '@haven/core/i18n/locales'
import { translatorFor } from '@haven/core/i18n/translate'
import { FISCAL_YEAR_START_MONTH } from '@haven/core/site/fiscal-year'
import { documentPath } from '@haven/core/site/site-paths'
import { SPECIAL_PAGE_SLUGS } from '@haven/core/site/slug'
import type { Context, Hono } from 'hono'
import type { HavenEnv } from '../http/hono-env.js'
import { parseNames } from './faq-names.js'
import { articleLd, eventLd, type JsonLd, reportLd } from './json-ld.js'
import {
  ArticlePage,
  DocumentPage,
  FaqPage,
  type FaqSection,
  HomePage,
  NewsIndexPage,
  ReportPage,
  ReportsIndexPage,
} from './pages/content-pages.js'
import { pageNumber } from './pages/page-parts.js'
import {
  countPublished,
  findLatestReportPdf,
  findMediaSize,
  findPublished,
  listFaq,
  listFaqGroups,
  listNews,
  listReports,
  readImpactFigures,
  translationsOf,
} from './published-store.js'
import type { Alternate, PageMeta } from './site-frame.js'
import { everyLanguage, type SiteRenderer } from './site-renderer.js'
import type { SiteDocumentsTable } from './site-tables.js'

export const NEWS_PER_PAGE = 10
const LANG = ':lang{[a-z]{2}}'
const SLUG = ':slug{[a-z0-9]+(?:-[a-z0-9]+)*}'

/** The language of a request's path, or null (then the page is not found). */
export function pathLocale(c: Context<HavenEnv>): Locale | null {
  const lang = c.req.param('lang')
  return isLocale(lang) ? lang : null
}

/** The published pages of the site: home, pages, news, reports, FAQ. */
export function registerContentRoutes(site: Hono<HavenEnv>, r: SiteRenderer): void {
  const db = r.reader.db
  const siteUrl = () => r.app.urls.public.replace(/\/$/, '')
  const abs = (locale: string, path: string) => `${siteUrl()}/${locale}${path}`

  async function alternatesOf(doc: SiteDocumentsTable): Promise<Alternate[]> {
    const translations = await translationsOf(db, doc.entry_id)
    return translations
      .filter((tr) => isLocale(tr.locale))
      .map((tr) => ({ locale: tr.locale as Locale, path: documentPath(tr.kind, tr.slug) }))
  }

  async function imageOf(doc: SiteDocumentsTable): Promise<PageMeta['image']> {
    if (!doc.image_id) return null
    const media = await findMediaSize(db, doc.image_id)
    if (!media) return null
    const ext = media.content_type === 'image/png' ? 'png' : 'jpg'
    return {
      url: `${siteUrl()}/media/${doc.image_id}.${ext}`,
      width: media.width,
      height: media.height,
    }
  }

  site.get(`/${LANG}/`, (c) => {
    const locale = pathLocale(c)
    if (!locale) return c.notFound()
    return r.cached(c, `home:${locale}`, async (updatedAt) => {
      const t = translatorFor(locale)
      const [intro, news, reports, figures] = await Promise.all([
        findPublished(db, 'page', locale, SPECIAL_PAGE_SLUGS.home),
        listNews(db, locale, 3, 0),
        listReports(db, locale),
        readImpactFigures(db),
      ])
      const meta: PageMeta = {
        title: intro?.title ?? t('site.home.title'),
        home: true,
        description: intro?.summary || t('site.tagline'),
        path: '/',
        alternates: everyLanguage('/'),
        section: 'home',
        image: intro ? await imageOf(intro) : null,
      }
      const body = (
        <HomePage
          locale={locale}
          t={t}
          intro={intro}
          news={news}
          latestReport={reports[0]}
          figures={figures}
        />
      )
      return r.page(locale, meta, body, updatedAt)
    })
  })
  site.get(`/${LANG}`, (c) => c.redirect(`/${c.req.param('lang')}/`, 301))

  site.get(`/${LANG}/news/`, (c) => {
    const locale = pathLocale(c)
    const page = pageNumber(c.req.query('page'))
    if (!locale || page === null) return c.notFound()
    return r.cached(c, `news:${locale}:${page}`, async (updatedAt) => {
      const t = translatorFor(locale)
      const total = await countPublished(db, 'news', locale)
      const pages = Math.max(1, Math.ceil(total / NEWS_PER_PAGE))
      if (page > pages) return null
      const items = await listNews(db, locale, NEWS_PER_PAGE, (page - 1) * NEWS_PER_PAGE)
      const meta: PageMeta = {
        title: page > 1 ? t('site.news.title_page', { page }) : t('site.news.title'),
        description: t('site.news.lead'),
        path: page > 1 ? `/news/?page=${page}` : '/news/',
        alternates: everyLanguage('/news/'),
        section: 'news',
      }
      return r.page(
        locale,
        meta,
        <NewsIndexPage locale={locale} t={t} items={items} page={page} pages={pages} />,
        updatedAt,
      )
    })
  })
  site.get(`/${LANG}/news`, (c) => c.redirect(`/${c.req.param('lang')}/news/`, 301))

  site.get(`/${LANG}/news/${SLUG}`, (c) => {
    const locale = pathLocale(c)
    const slug = c.req.param('slug')
    if (!locale) return c.notFound()
    return r.cached(c, `news:${locale}/${slug}`, async (updatedAt) => {
      const doc = await findPublished(db, 'news', locale, slug)
      if (!doc) return null
      const t = translatorFor(locale)
      const url = abs(locale, documentPath('news', slug))
      const image = await imageOf(doc)
      const jsonLd: JsonLd[] = [
        articleLd(org(r, locale), {
          url,
          title: doc.title,
          summary: doc.summary,
          locale,
          publishedAt: doc.published_at,
          updatedAt: doc.updated_at,
          image: image?.url ?? null,
        }),
      ]
      if (doc.event_start)
        jsonLd.push(
          eventLd(org(r, locale), {
            url,
            name: doc.title,
            start: doc.event_start,
            end: doc.event_end,
            place: doc.event_place,
          }),
        )
      const meta: PageMeta = {
        title: doc.title,
        description: doc.summary || t('site.news.lead'),
        path: documentPath('news', slug),
        alternates: await alternatesOf(doc),
        ogType: 'article',
        image,
        jsonLd,
        section: 'news',
      }
      return r.page(locale, meta, <ArticlePage locale={locale} t={t} doc={doc} />, updatedAt)
    })
  })

  site.get(`/${LANG}/reports/`, (c) => {
    const locale = pathLocale(c)
    if (!locale) return c.notFound()
    return r.cached(c, `reports:${locale}`, async (updatedAt) => {
      const t = translatorFor(locale)
      const items = await listReports(db, locale)
      const meta: PageMeta = {
        title: t('site.reports.title'),
        description: t('site.reports.lead'),
        path: '/reports/',
        alternates: everyLanguage('/reports/'),
        section: 'reports',
      }
      return r.page(
        locale,
        meta,
        <ReportsIndexPage locale={locale} t={t} items={items} />,
        updatedAt,
      )
    })
  })
  site.get(`/${LANG}/reports`, (c) => c.redirect(`/${c.req.param('lang')}/reports/`, 301))

  site.get(`/${LANG}/reports/${SLUG}`, (c) => {
    const locale = pathLocale(c)
    const slug = c.req.param('slug')
    if (!locale) return c.notFound()
    return r.cached(c, `report:${locale}/${slug}`, async (updatedAt) => {
      const doc = await findPublished(db, 'report', locale, slug)
      if (!doc) return null
      const t = translatorFor(locale)
      const meta: PageMeta = {
        title: doc.title,
        description: doc.summary || t('site.reports.lead'),
        path: documentPath('report', slug),
        alternates: await alternatesOf(doc),
        ogType: 'article',
        image: await imageOf(doc),
        jsonLd: [
          reportLd(org(r, locale), {
            url: abs(locale, documentPath('report', slug)),
            title: doc.title,
            summary: doc.summary,
            locale,
            publishedAt: doc.published_at,
            fiscalYear: doc.fiscal_year,
            fiscalYearStartMonth: FISCAL_YEAR_START_MONTH,
          }),
        ],
        section: 'reports',
      }
      const pdf =
        doc.fiscal_year === null
          ? undefined
          : await findLatestReportPdf(db, doc.fiscal_year, locale)
      return r.page(
        locale,
        meta,
        <ReportPage
          locale={locale}
          t={t}
          doc={doc}
          pdf={pdf && { href: `/media/${pdf.id}.pdf`, bytes: pdf.byte_size }}
        />,
        updatedAt,
      )
    })
  })

  site.get(`/${LANG}/faq`, (c) => {
    const locale = pathLocale(c)
    if (!locale) return c.notFound()
    return r.cached(c, `faq:${locale}`, async (updatedAt) => {
      const t = translatorFor(locale)
      const [groups, entries] = await Promise.all([listFaqGroups(db), listFaq(db, locale)])
      const sections: FaqSection[] = []
      for (const group of groups) {
        const names = parseNames(group.names)
        const inGroup = entries.filter((e) => e.faq_group_id === group.id)
        if (inGroup.length === 0) continue
        sections.push({
          id: group.id,
          name: names[locale] || t('site.faq.other'),
          entries: inGroup,
        })
      }
      const orphans = entries.filter((e) => !groups.some((g) => g.id === e.faq_group_id))
      if (orphans.length > 0)
        sections.push({ id: 'other', name: t('site.faq.other'), entries: orphans })
      const meta: PageMeta = {
        title: t('site.faq.title'),
        description: t('site.faq.lead'),
        path: '/faq',
        alternates: everyLanguage('/faq'),
        section: 'faq',
      }
      return r.page(locale, meta, <FaqPage locale={locale} t={t} sections={sections} />, updatedAt)
    })
  })

  // Pages written by editors, at /{lang}/{slug}. Registered last: the built-in addresses win.
  site.get(`/${LANG}/${SLUG}`, (c) => {
    const locale = pathLocale(c)
    const slug = c.req.param('slug')
    if (!locale) return c.notFound()
    const builtIn = documentPath('page', slug)
    if (builtIn !== `/${slug}`) return c.redirect(`/${locale}${builtIn}`, 301)
    return r.cached(c, `page:${locale}/${slug}`, async (updatedAt) => {
      const doc = await findPublished(db, 'page', locale, slug)
      if (!doc) return null
      const t = translatorFor(locale)
      const meta: PageMeta = {
        title: doc.title,
        description: doc.summary || t('site.tagline'),
        path: builtIn,
        alternates: await alternatesOf(doc),
        image: await imageOf(doc),
      }
      return r.page(locale, meta, <DocumentPage doc={doc} />, updatedAt)
    })
  })
}

function org(r: SiteRenderer, locale: Locale) {
  return {
    name: r.app.config.orgName,
    url: r.app.urls.public.replace(/\/$/, ''),
    description: translatorFor(locale)('site.tagline'),
  }
}
