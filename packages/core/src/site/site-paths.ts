import { SPECIAL_PAGE_SLUGS } from './slug.js'

/** Kinds of documents editors write. FAQ entries have no page of their own. */
export const DOCUMENT_KINDS = ['page', 'news', 'report', 'faq'] as const
export type DocumentKind = (typeof DOCUMENT_KINDS)[number]

/**
 * Built-in parts of the site that navigation can point at. Their addresses are the same in every
 * language, so a new language needs content, not routes.
 */
export const SITE_SECTIONS = [
  'home',
  'news',
  'reports',
  'faq',
  'get_involved',
  'contact',
  'search',
  'campaigns',
] as const
export type SiteSection = (typeof SITE_SECTIONS)[number]

const SECTION_PATHS: Readonly<Record<SiteSection, string>> = Object.freeze({
  home: '/',
  news: '/news/',
  reports: '/reports/',
  faq: '/faq',
  get_involved: '/get-involved',
  contact: '/contact',
  search: '/search',
  campaigns: '/campaigns/',
})

/** Path of a section, without the language prefix. */
export function sectionPath(section: SiteSection): string {
  return SECTION_PATHS[section]
}

/**
 * Path of a published document, without the language prefix. Pages with a special slug are the
 * introduction of a built-in page and live at its address.
 */
export function documentPath(kind: DocumentKind, slug: string): string {
  switch (kind) {
    case 'news':
      return `/news/${slug}`
    case 'report':
      return `/reports/${slug}`
    case 'faq':
      return `/faq#${slug}`
    case 'page':
      if (slug === SPECIAL_PAGE_SLUGS.home) return '/'
      if (slug === SPECIAL_PAGE_SLUGS.contact) return '/contact'
      if (slug === SPECIAL_PAGE_SLUGS.getInvolved) return '/get-involved'
      return `/${slug}`
  }
}

/** Path of a detained aid worker's campaign page, without the language prefix. */
export function campaignPath(slug: string): string {
  return `${SECTION_PATHS.campaigns}${slug}`
}

/** `/{locale}{path}`, the one place that decides how a language prefixes an address. */
export function localePath(locale: string, path: string): string {
  return `/${locale}${path}`
}
