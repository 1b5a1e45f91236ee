import type { Locale } from '@haven/core/i18n/locales'
import type { Translator } from '@haven/core/i18n/translate'
import { documentPath, type SiteSection, sectionPath } from '@haven/core/site/site-paths'
import type { NavLink } from './site-frame.js'
import type { SiteNavigationTable } from './site-tables.js'

/** Navigation before editors arrange their own: the built-in sections. */
export const DEFAULT_NAVIGATION: readonly SiteSection[] = [
  'home',
  'news',
  'reports',
  'faq',
  'get_involved',
  'contact',
]

export interface LivePage {
  entry_id: string
  locale: string
  slug: string
  title: string
}

function sectionLink(locale: Locale, t: Translator, section: SiteSection): NavLink {
  const path = sectionPath(section)
  return {
    href: `/${locale}${path}`,
    label: t(`site.nav.${section}`),
    current: (p) => (path === '/' ? p === '/' : p === path || p.startsWith(path)),
  }
}

/**
 * The navigation in one language: the editors' order (or the default), where a page appears
 * only in the languages it is published in.
 */
export function navigationFor(
  locale: Locale,
  t: Translator,
  rows: readonly SiteNavigationTable[],
  pages: readonly LivePage[],
): NavLink[] {
  if (rows.length === 0) return DEFAULT_NAVIGATION.map((s) => sectionLink(locale, t, s))
  const links: NavLink[] = []
  for (const row of rows) {
    if (row.section) {
      links.push(sectionLink(locale, t, row.section))
      continue
    }
    const page = pages.find((p) => p.entry_id === row.entry_id && p.locale === locale)
    if (!page) continue
    const path = documentPath('page', page.slug)
    links.push({ href: `/${locale}${path}`, label: page.title, current: (p) => p === path })
  }
  return links
}
