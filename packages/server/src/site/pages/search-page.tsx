import { isLocale, LOCALE_NAMES, type Locale } from '@haven/core/i18n/locales'
import type { Translator } from '@haven/core/i18n/translate'
import type { SnippetPart } from '@haven/core/site/search-text'
import { type DocumentKind, documentPath } from '@haven/core/site/site-paths'
import { DateText, Pager } from './page-parts.js'

export interface SearchResultItem {
  kind: DocumentKind
  locale: string
  slug: string
  title: SnippetPart[]
  snippet: SnippetPart[]
  publishedAt: string
}

export interface SearchPageProps {
  locale: Locale
  t: Translator
  query: string
  onlyThisLanguage: boolean
  tooShort: boolean
  total: number
  page: number
  pages: number
  results: SearchResultItem[]
}

/**
 * Text with the matched stretches in <mark>; every part is escaped like any other text. Line
 * breaks between the page's paragraphs and headings are shown as a dot, not run together.
 */
function Highlighted({ parts }: { parts: SnippetPart[] }) {
  return (
    <>
      {parts.map((p, i) => {
        const text = p.text.replace(/\s*\n+\s*/g, ' · ')
        return p.hit ? <mark key={i}>{text}</mark> : text
      })}
    </>
  )
}

/**
 * Site search without script: a GET form, results in every language each labelled with its
 * language, highlighted sentence snippets, plain paging.
 */
export function SearchPage(props: SearchPageProps) {
  const { t, locale } = props
  const href = (page: number) => {
    const params = new URLSearchParams({ q: props.query })
    if (props.onlyThisLanguage) params.set('only', '1')
    if (page > 1) params.set('page', String(page))
    return `/${locale}/search?${params.toString()}`
  }
  return (
    <>
      <h1>{t('site.search.title')}</h1>
      {/* biome-ignore lint/a11y/useSemanticElements: role="search" on the form is understood by every screen reader; <search> is too new */}
      <form role="search" action={`/${locale}/search`} method="get" class="search-form">
        <label for="q">{t('site.search.label')}</label>
        <div class="search-row">
          <input id="q" type="search" name="q" value={props.query} maxLength={200} />
          <button type="submit">{t('site.search.submit')}</button>
        </div>
        <label class="check">
          <input type="checkbox" name="only" value="1" checked={props.onlyThisLanguage} />{' '}
          {t('site.search.only_this_language', { language: LOCALE_NAMES[locale] })}
        </label>
      </form>
      {props.tooShort && <p role="status">{t('site.search.too_short')}</p>}
      {props.query && !props.tooShort && (
        <p role="status">
          {props.total === 0
            ? t('site.search.none', { query: props.query })
            : t('site.search.count', { count: props.total, query: props.query })}
        </p>
      )}
      {props.results.length > 0 && (
        <ol class="results">
          {props.results.map((r) => {
            const lang = isLocale(r.locale) ? r.locale : locale
            return (
              <li key={`${r.locale}-${r.kind}-${r.slug}`}>
                <h2 lang={lang === locale ? undefined : lang}>
                  <a href={`/${r.locale}${documentPath(r.kind, r.slug)}`} hreflang={r.locale}>
                    <Highlighted parts={r.title} />
                  </a>
                </h2>
                <p class="meta">
                  <span class="lang-tag" lang={lang}>
                    {LOCALE_NAMES[lang]}
                  </span>{' '}
                  {t(`site.kind.${r.kind}`)}
                  {r.kind === 'news' && (
                    <>
                      {' · '}
                      <DateText locale={locale} iso={r.publishedAt} />
                    </>
                  )}
                </p>
                <p lang={lang === locale ? undefined : lang}>
                  <Highlighted parts={r.snippet} />
                </p>
              </li>
            )
          })}
        </ol>
      )}
      <Pager t={t} page={props.page} pages={props.pages} href={href} />
    </>
  )
}
