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
  // Campaign pages for detained aid workers (the detained module's): after the header's five, so
  // the footer links them on every page.
  'campaigns',
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

/** The page editors publish as the site's donation page; the header's Donate button opens it. */
export const DONATE_PAGE_SLUG = 'donate'
/** Links in the header besides the mark and the Donate button: one line on a desktop. */
export const MAX_PRIMARY_LINKS = 5

/** The navigation as the header and footer show it. */
export interface HeaderNavigation {
  /** At most MAX_PRIMARY_LINKS, in the editors' order; the home page is the mark. */
  primary: NavLink[]
  /** The Donate button, when a donation page is published in this language. */
  donate: NavLink | null
  /** What did not fit in the header, shown in the footer. */
  more: NavLink[]
}

/**
 * Splits the editors' navigation for the header: the mark already leads home, the donation page
 * becomes the Donate button, the first MAX_PRIMARY_LINKS others stay in the header and the rest
 * go to the footer — so the header is one line on a desktop and short on a phone.
 */
export function headerNavigation(
  locale: Locale,
  t: Translator,
  links: readonly NavLink[],
  pages: readonly LivePage[],
): HeaderNavigation {
  const entry = pages.find((p) => p.slug === DONATE_PAGE_SLUG)?.entry_id
  const page = entry && pages.find((p) => p.entry_id === entry && p.locale === locale)
  const donatePath = page ? documentPath('page', page.slug) : null
  const donate: NavLink | null = donatePath
    ? {
        href: `/${locale}${donatePath}`,
        label: t('site.donate.button'),
        current: (p) => p === donatePath,
      }
    : null
  const rest = links.filter((l) => l.href !== `/${locale}/` && l.href !== donate?.href)
  return {
    primary: rest.slice(0, MAX_PRIMARY_LINKS),
    donate,
    more: rest.slice(MAX_PRIMARY_LINKS),
  }
}
