import { LOCALE_NAMES, LOCALES, type Locale } from '@haven/core/i18n/locales'
import type { Translator } from '@haven/core/i18n/translate'
import type { ComponentChildren } from 'preact'

export interface LayoutProps {
  locale: Locale
  t: Translator
  title: string
  /** Path of this page without the locale prefix, e.g. `/about`; used for the language switch. */
  path: string
  /** Locales this page exists in (all, for built-in pages). */
  availableIn: readonly Locale[]
  stylesheet: string
  publicUrl: string
  children: ComponentChildren
}

const NAV = [
  ['/', 'site.nav.home'],
  ['/about', 'site.nav.about'],
  ['/activities', 'site.nav.activities'],
  ['/situation', 'site.nav.situation'],
  ['/reports', 'site.nav.reports'],
  ['/faq', 'site.nav.faq'],
  ['/contact', 'site.nav.contact'],
] as const

/** The frame of every public page: no script, one stylesheet, a language switch, alternates. */
export function SiteLayout(props: LayoutProps) {
  const { locale, t, path } = props
  const href = (l: Locale) => `/${l}${path === '/' ? '/' : path}`
  const others = props.availableIn.filter((l) => l !== locale)
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · ${t('site.name')}`}</title>
        <meta name="description" content={t('site.tagline')} />
        <link rel="stylesheet" href={props.stylesheet} />
        <link rel="canonical" href={`${props.publicUrl}${href(locale)}`} />
        {props.availableIn.map((l) => (
          <link key={l} rel="alternate" hreflang={l} href={`${props.publicUrl}${href(l)}`} />
        ))}
      </head>
      <body>
        <a class="skip" href="#main">
          {t('common.skip_to_content')}
        </a>
        <header class="site-header">
          <div class="wrap">
            <a class="brand" href={`/${locale}/`}>
              {t('site.name')}
            </a>
            <p class="tagline">{t('site.tagline')}</p>
            {others.length > 0 && (
              <ul class="lang-switch" aria-label={t('common.language')}>
                {others.map((l) => (
                  <li key={l}>
                    <a href={href(l)} hreflang={l} lang={l}>
                      {LOCALE_NAMES[l]}
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </div>
          <nav aria-label={t('site.nav_label')}>
            <ul class="wrap nav">
              {NAV.map(([to, key]) => (
                <li key={to}>
                  <a
                    href={href(locale).replace(/\/$/, '') + (to === '/' ? '/' : to)}
                    aria-current={to === path ? 'page' : undefined}
                  >
                    {t(key)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="main" class="wrap">
          {props.children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <p>{t('site.footer.privacy')}</p>
            <p class="langs">
              {LOCALES.map((l) => (
                <a
                  key={l}
                  href={href(l)}
                  hreflang={l}
                  lang={l}
                  aria-current={l === locale ? 'true' : undefined}
                >
                  {LOCALE_NAMES[l]}
                </a>
              ))}
            </p>
          </div>
        </footer>
      </body>
    </html>
  )
}
