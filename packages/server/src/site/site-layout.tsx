import { LOCALE_NAMES, LOCALES, type Locale } from '@haven/core/i18n/locales'
import { translatorFor } from '@haven/core/i18n/translate'
import type { ComponentChildren } from 'preact'
import { ngoLd, serializeJsonLd } from './json-ld.js'
import type { PageMeta, SiteFrame } from './site-frame.js'

const OG_LOCALES: Readonly<Record<string, string>> = {
  en: 'en_US',
  ja: 'ja_JP',
  ko: 'ko_KR',
  zh: 'zh_CN',
}

/** A tiny icon inlined as a data: URL, so browsers do not ask for /favicon.ico on every visit. */
const FAVICON =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Crect width='16' height='16' rx='3' fill='%230b5e7a'/%3E%3Cpath d='M4 12V4h2v3h4V4h2v8h-2V9H6v3z' fill='%23fff'/%3E%3C/svg%3E"

/** The organisation's mark, drawn in the accent colour (no request, scales with the text). */
function Mark() {
  return (
    <svg
      class="mark"
      viewBox="0 0 32 32"
      width="32"
      height="32"
      aria-hidden="true"
      focusable="false"
    >
      <rect width="32" height="32" rx="7" fill="currentColor" />
      <path d="M16 6 5 15h3v11h6v-7h4v7h6V15h3z" fill="var(--paper)" />
    </svg>
  )
}

export interface LayoutProps {
  frame: SiteFrame
  meta: PageMeta
  children: ComponentChildren
}

/**
 * The frame of every public page: one stylesheet, no script, system fonts, the language switch
 * (to this page in the other language when it exists, otherwise to that language's home, saying
 * so), hreflang alternates, canonical, OpenGraph and schema.org data.
 */
export function SiteLayout({ frame, meta, children }: LayoutProps) {
  const { locale, t, org } = frame
  const url = (l: Locale, path: string) => `${org.url}/${l}${path}`
  const canonical = url(locale, meta.path)
  const title = meta.home ? `${org.name} — ${meta.title}` : `${meta.title} · ${org.name}`
  const others = LOCALES.filter((l) => l !== locale)
  const alternateOf = (l: Locale) => meta.alternates.find((a) => a.locale === l)
  const jsonLd = [ngoLd(org, locale), ...(meta.jsonLd ?? [])]
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <meta name="description" content={meta.description} />
        {meta.noindex && <meta name="robots" content="noindex" />}
        <link rel="canonical" href={canonical} />
        {meta.alternates.map((a) => (
          <link key={a.locale} rel="alternate" hreflang={a.locale} href={url(a.locale, a.path)} />
        ))}
        <link
          rel="alternate"
          type="application/atom+xml"
          href={`/${locale}/feed.xml`}
          title={t('site.feed.title', { name: org.name })}
        />
        <link rel="icon" href={FAVICON} />
        <link rel="stylesheet" href={frame.stylesheet} />
        {frame.accentStylesheet && <link rel="stylesheet" href={frame.accentStylesheet} />}
        <meta property="og:site_name" content={org.name} />
        <meta property="og:title" content={meta.title} />
        <meta property="og:description" content={meta.description} />
        <meta property="og:type" content={meta.ogType ?? 'website'} />
        <meta property="og:url" content={canonical} />
        <meta property="og:locale" content={OG_LOCALES[locale] ?? locale} />
        {meta.alternates
          .filter((a) => a.locale !== locale)
          .map((a) => (
            <meta
              key={a.locale}
              property="og:locale:alternate"
              content={OG_LOCALES[a.locale] ?? a.locale}
            />
          ))}
        {meta.image && <meta property="og:image" content={meta.image.url} />}
        {meta.image && <meta property="og:image:width" content={String(meta.image.width)} />}
        {meta.image && <meta property="og:image:height" content={String(meta.image.height)} />}
        {jsonLd.map((data, i) => (
          <script
            key={i}
            type="application/ld+json"
            // A data block, never executed: serializeJsonLd escapes <, > and & so nothing in it
            // can end the element. Preact would HTML-escape the JSON and break it otherwise.
            dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }}
          />
        ))}
      </head>
      <body>
        <a class="skip" href="#main">
          {t('common.skip_to_content')}
        </a>
        <header class="site-header">
          <div class="wrap bar">
            <a class="brand" href={`/${locale}/`}>
              {frame.logo ? (
                <img
                  class="logo"
                  src={frame.logo.src}
                  alt=""
                  width={frame.logo.width}
                  height={frame.logo.height}
                />
              ) : (
                <Mark />
              )}
              <span class="brand-name">{org.name}</span>
            </a>
            <div class="bar-actions">
              {frame.donate && (
                <a
                  class="donate"
                  href={frame.donate.href}
                  aria-current={frame.donate.current(meta.path) ? 'page' : undefined}
                >
                  {frame.donate.label}
                </a>
              )}
              <ul class="lang-switch" aria-label={t('common.language')}>
                {others.map((l) => {
                  const there = alternateOf(l)
                  const tl = translatorFor(l)
                  return (
                    <li key={l}>
                      <a href={`/${l}${there?.path ?? '/'}`} hreflang={l} lang={l}>
                        {LOCALE_NAMES[l]}
                      </a>
                      {!there && (
                        <span class="lang-missing" lang={l}>
                          {tl('site.lang_switch.missing')}
                        </span>
                      )}
                    </li>
                  )
                })}
              </ul>
            </div>
          </div>
          <div class="wrap nav-row">
            <nav aria-label={t('site.nav_label')}>
              <ul class="nav">
                {frame.nav.map((link) => (
                  <li key={link.href}>
                    <a href={link.href} aria-current={link.current(meta.path) ? 'page' : undefined}>
                      {link.label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
            {!meta.searchInBody && (
              <>
                {/* biome-ignore lint/a11y/useSemanticElements: role="search" on the form is understood by every screen reader; <search> is too new */}
                <form class="site-search" role="search" action={`/${locale}/search`} method="get">
                  <label for="site-q">{t('site.search.header_label')}</label>
                  <input id="site-q" type="search" name="q" maxLength={200} autoComplete="off" />
                  <button type="submit">{t('site.search.go')}</button>
                </form>
              </>
            )}
          </div>
        </header>
        <main id="main" class="wrap">
          {children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            {frame.more.length > 0 && (
              <nav aria-label={t('site.footer.more')}>
                <ul class="footer-nav">
                  {frame.more.map((link) => (
                    <li key={link.href}>
                      <a
                        href={link.href}
                        aria-current={link.current(meta.path) ? 'page' : undefined}
                      >
                        {link.label}
                      </a>
                    </li>
                  ))}
                </ul>
              </nav>
            )}
            <p>{t('site.footer.privacy')}</p>
            <p class="footer-links">
              {!frame.more.some((l) => l.href === `/${locale}/contact`) && (
                <a href={`/${locale}/contact`}>{t('site.nav.contact')}</a>
              )}
              <a href={`/${locale}/feed.xml`}>{t('site.feed.link')}</a>
              {LOCALES.map((l) => (
                <a
                  key={l}
                  href={`/${l}${alternateOf(l)?.path ?? '/'}`}
                  hreflang={l}
                  lang={l}
                  aria-current={l === locale ? 'true' : undefined}
                >
                  {LOCALE_NAMES[l]}
                </a>
              ))}
            </p>
            <p class="copyright">© {org.name}</p>
          </div>
        </footer>
      </body>
    </html>
  )
}
