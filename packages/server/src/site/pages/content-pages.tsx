import { formatBytes, formatDate, formatNumber } from '@haven/core/i18n/format'
import type { Locale } from '@haven/core/i18n/locales'
import type { Translator } from '@haven/core/i18n/translate'
import { fiscalYearLabel } from '@haven/core/site/fiscal-year'
import type { ImpactShown } from '@haven/core/site/impact-shown'
import { documentPath } from '@haven/core/site/site-paths'
import type { Listing } from '../published-store.js'
import type { SiteDocumentsTable, SiteImpactFiguresTable } from '../site-tables.js'
import { CardImage, DateText, DocumentBody, EventFacts, Hero, Pager } from './page-parts.js'

interface Common {
  locale: Locale
  t: Translator
}

/** Home: the editors' introduction (or a default one), then the latest news. */
export function HomePage(
  props: Common & {
    intro: SiteDocumentsTable | undefined
    news: Listing[]
    latestReport: Listing | undefined
    figures: SiteImpactFiguresTable[]
  },
) {
  const { t, locale } = props
  return (
    <>
      <h1>{props.intro?.title ?? t('site.home.title')}</h1>
      {props.intro ? (
        <>
          {props.intro.summary && <p class="lead">{props.intro.summary}</p>}
          <Hero html={props.intro.hero_html} />
          <ImpactFigures locale={locale} t={t} figures={props.figures} />
          <DocumentBody html={props.intro.html} />
        </>
      ) : (
        <>
          <p class="lead">{t('site.home.lead')}</p>
          <ImpactFigures locale={locale} t={t} figures={props.figures} />
        </>
      )}
      {props.news.length > 0 && (
        <section aria-labelledby="latest-news">
          <h2 id="latest-news">{t('site.home.latest_news')}</h2>
          <CardGrid locale={locale} items={props.news} headingLevel={3} />
          <p>
            <a href={`/${locale}/news/`}>{t('site.home.all_news')}</a>
          </p>
        </section>
      )}
      {props.latestReport && (
        <section aria-labelledby="latest-report">
          <h2 id="latest-report">{t('site.home.latest_report')}</h2>
          <CardGrid
            locale={locale}
            items={[props.latestReport]}
            headingLevel={3}
            meta={(item) => reportYear(t, item)}
          />
        </section>
      )}
    </>
  )
}

/**
 * The published impact figures with the fiscal year they count: numbers, or the words the
 * disclosure engine gave for a small count. Nothing when none are published.
 */
function ImpactFigures(props: Common & { figures: SiteImpactFiguresTable[] }) {
  const { t, locale } = props
  const first = props.figures[0]
  if (!first) return null
  return (
    <section class="impact" aria-labelledby="impact">
      <h2 id="impact">{t('site.home.impact', { year: fiscalYearLabel(first.fiscal_year) })}</h2>
      <ul class="impact-figures">
        {props.figures.map((f) => {
          const shown = JSON.parse(f.shown) as ImpactShown
          return (
            <li key={f.id} class="impact-figure">
              <span class="figure">
                {shown.kind === 'number'
                  ? formatNumber(locale, shown.value)
                  : locale === 'ja'
                    ? shown.ja
                    : shown.en}
              </span>{' '}
              <span class="figure-label">{locale === 'ja' ? f.label_ja : f.label_en}</span>
            </li>
          )
        })}
      </ul>
    </section>
  )
}

/** A page written by editors (About, What we are doing, Donate…). */
export function DocumentPage({ doc }: { doc: SiteDocumentsTable }) {
  return (
    <article>
      <h1>{doc.title}</h1>
      {doc.summary && <p class="lead">{doc.summary}</p>}
      <Hero html={doc.hero_html} />
      <DocumentBody html={doc.html} />
    </article>
  )
}

/**
 * News as a grid of cards: the title as the link (the whole card answers to a click, through CSS),
 * the date, the page's image (its hero, or its first picture) when it has one, and the summary.
 * The title comes first so titles line up across a row whether or not a card has a picture.
 * One column on a phone, two or three on a wider screen.
 */
export function CardGrid(props: {
  locale: Locale
  items: Listing[]
  headingLevel: 2 | 3
  /** What the line under the title says; the publication date by default. */
  meta?: (item: Listing) => string | null
}) {
  const Heading = props.headingLevel === 2 ? 'h2' : 'h3'
  return (
    <ul class="cards">
      {props.items.map((item) => {
        const meta = props.meta?.(item)
        return (
          <li key={item.id} class="card">
            <div class="card-text">
              <Heading>
                <a href={`/${props.locale}${documentPath(item.kind, item.slug)}`}>{item.title}</a>
              </Heading>
              {!props.meta ? (
                <p class="meta">
                  <DateText locale={props.locale} iso={item.published_at} />
                </p>
              ) : (
                meta && <p class="meta">{meta}</p>
              )}
              {item.image_id && item.image_width && item.image_height ? (
                <CardImage id={item.image_id} width={item.image_width} height={item.image_height} />
              ) : null}
              {item.summary && <p>{item.summary}</p>}
            </div>
          </li>
        )
      })}
    </ul>
  )
}

/** Current situation: news and articles, newest first, ten to a page. */
export function NewsIndexPage(props: Common & { items: Listing[]; page: number; pages: number }) {
  const { t, locale } = props
  return (
    <>
      <h1>{t('site.news.title')}</h1>
      <p class="lead">{t('site.news.lead')}</p>
      {props.items.length === 0 ? (
        <p>{t('site.news.empty')}</p>
      ) : (
        <CardGrid locale={locale} items={props.items} headingLevel={2} />
      )}
      <Pager
        t={t}
        page={props.page}
        pages={props.pages}
        href={(p) => `/${locale}/news/${p > 1 ? `?page=${p}` : ''}`}
      />
    </>
  )
}

export function ArticlePage(props: Common & { doc: SiteDocumentsTable }) {
  const { doc, t, locale } = props
  return (
    <article>
      <h1>{doc.title}</h1>
      <p class="meta">
        <DateText locale={locale} iso={doc.published_at} />
      </p>
      {doc.event_start && (
        <EventFacts
          locale={locale}
          t={t}
          start={doc.event_start}
          end={doc.event_end}
          place={doc.event_place}
        />
      )}
      {doc.summary && <p class="lead">{doc.summary}</p>}
      <Hero html={doc.hero_html} />
      <DocumentBody html={doc.html} />
      <p class="back">
        <a href={`/${locale}/news/`}>{t('site.news.back')}</a>
      </p>
    </article>
  )
}

/** "Fiscal year 2005–2006" under a report's title on its card. */
function reportYear(t: Translator, item: Listing): string | null {
  return item.fiscal_year === null
    ? null
    : t('site.reports.fiscal_year', { years: fiscalYearLabel(item.fiscal_year) })
}

/** Activity reports: one per fiscal year, latest first. */
export function ReportsIndexPage(props: Common & { items: Listing[] }) {
  const { t, locale } = props
  return (
    <>
      <h1>{t('site.reports.title')}</h1>
      <p class="lead">{t('site.reports.lead')}</p>
      {props.items.length === 0 ? (
        <p>{t('site.reports.empty')}</p>
      ) : (
        <CardGrid
          locale={locale}
          items={props.items}
          headingLevel={2}
          meta={(item) => reportYear(t, item)}
        />
      )}
    </>
  )
}

/** A published report's PDF in the page's language: where it is served and how big it is. */
export interface ReportPdfLink {
  readonly href: string
  readonly bytes: number
}

export function ReportPage(
  props: Common & { doc: SiteDocumentsTable; pdf?: ReportPdfLink | undefined },
) {
  const { doc, t, locale, pdf } = props
  return (
    <article class="report">
      <h1>{doc.title}</h1>
      <p class="meta">
        {doc.fiscal_year !== null &&
          `${t('site.reports.fiscal_year', { years: fiscalYearLabel(doc.fiscal_year) })} · `}
        {t('site.reports.published', { date: formatDate(locale, doc.published_at) })}
      </p>
      <p class="print-hint">{t('site.reports.print_hint')}</p>
      {pdf && (
        <p class="report-pdf">
          <a href={pdf.href} type="application/pdf" hreflang={locale}>
            {t('site.reports.pdf', { size: formatBytes(locale, pdf.bytes) })}
          </a>
        </p>
      )}
      {doc.summary && <p class="lead">{doc.summary}</p>}
      <Hero html={doc.hero_html} />
      <DocumentBody html={doc.html} />
      <p class="back">
        <a href={`/${locale}/reports/`}>{t('site.reports.back')}</a>
      </p>
    </article>
  )
}

export interface FaqSection {
  id: string
  name: string
  entries: SiteDocumentsTable[]
}

/** Questions grouped by topic, each answer on the page (no script needed to open them). */
export function FaqPage(props: Common & { sections: FaqSection[] }) {
  const { t, locale } = props
  return (
    <>
      <h1>{t('site.faq.title')}</h1>
      {props.sections.length === 0 ? (
        <p>{t('site.faq.empty')}</p>
      ) : (
        <>
          <nav aria-label={t('site.faq.topics')} class="toc">
            <ul>
              {props.sections.map((s) => (
                <li key={s.id}>
                  <a href={`#topic-${s.id}`}>{s.name}</a>
                </li>
              ))}
            </ul>
          </nav>
          {props.sections.map((s) => (
            <section key={s.id} aria-labelledby={`topic-${s.id}`}>
              <h2 id={`topic-${s.id}`}>{s.name}</h2>
              {s.entries.map((e) => (
                <div key={e.id} class="faq-item">
                  <h3 id={e.slug}>{e.title}</h3>
                  <DocumentBody html={e.html} />
                </div>
              ))}
            </section>
          ))}
          <p>
            {t('site.faq.more')} <a href={`/${locale}/contact`}>{t('site.nav.contact')}</a>
          </p>
        </>
      )}
    </>
  )
}

export function NotFoundPage({ t, locale }: Common) {
  return (
    <>
      <h1>{t('site.not_found.title')}</h1>
      <p>{t('site.not_found.body')}</p>
      <p>
        <a href={`/${locale}/`}>{t('site.not_found.home')}</a>
      </p>
      {/* biome-ignore lint/a11y/useSemanticElements: role="search" on the form is understood by every screen reader; <search> is too new */}
      <form role="search" action={`/${locale}/search`} method="get" class="search-form">
        <label for="nf-q">{t('site.search.label')}</label>
        <div class="search-row">
          <input id="nf-q" type="search" name="q" maxLength={200} />
          <button type="submit">{t('site.search.submit')}</button>
        </div>
      </form>
    </>
  )
}
