import type { Locale } from '@haven/core/i18n/locales'
import type { Translator } from '@haven/core/i18n/translate'
import type { SiteSection } from '@haven/core/site/site-paths'
import type { JsonLd, Organisation } from './json-ld.js'

/** A link in the site's main navigation, already in the page's language. */
export interface NavLink {
  href: string
  label: string
  /** The link is the current section when the page's path starts with this (or equals it). */
  current: (path: string) => boolean
}

/** What every page of one language shares: who we are, the stylesheet, the navigation. */
export interface SiteFrame {
  locale: Locale
  t: Translator
  org: Organisation
  stylesheet: string
  /** The header's links (at most MAX_PRIMARY_LINKS). */
  nav: NavLink[]
  /** The header's Donate button, when a donation page is published in this language. */
  donate: NavLink | null
  /** The rest of the editors' navigation, in the footer. */
  more: NavLink[]
  /** The editors' accent colour as a small stylesheet after the main one, when they set one. */
  accentStylesheet: string | null
  /** The editors' logo, shown instead of the built-in mark. */
  logo: { src: string; width: number; height: number } | null
}

/** A version of this page in some language (for hreflang and the language switch). */
export interface Alternate {
  locale: Locale
  path: string
}

/** What a page says about itself, for the head: title, description, links, structured data. */
export interface PageMeta {
  title: string
  /** The page is the home page: the title is the organisation's name. */
  home?: boolean
  description: string
  /** Path without the language prefix. */
  path: string
  /** Versions of this page, this one included. */
  alternates: Alternate[]
  ogType?: 'website' | 'article'
  image?: { url: string; width: number; height: number } | null
  jsonLd?: JsonLd[]
  /** Search results and confirmations: not for search engines. */
  noindex?: boolean
  /** The page has its own search form, so the header leaves its one out. */
  searchInBody?: boolean
  /** Part of the site this page belongs to, for marking the navigation. */
  section?: SiteSection | null
}
