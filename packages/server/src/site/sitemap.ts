import type { Locale } from '@haven/core/i18n/locales'
import {
  type DocumentKind,
  documentPath,
  SITE_SECTIONS,
  sectionPath,
} from '@haven/core/site/site-paths'
import { xmlText } from './xml-text.js'

export interface SitemapDocument {
  entry_id: string
  kind: DocumentKind
  locale: string
  slug: string
  updated_at: string
}

/**
 * sitemap.xml: every built-in section and every published document, in each language, with
 * its translations as xhtml:link alternates (how search engines learn about hreflang here), and
 * every open-data file published at a stable address (the IATI files).
 */
export function sitemapXml(
  siteUrl: string,
  locales: readonly Locale[],
  documents: readonly SitemapDocument[],
  /** Pages at the same address in every language (campaign pages), without the language prefix. */
  pages: readonly { path: string; updatedAt: string }[] = [],
  openData: readonly { path: string; updated_at: string }[] = [],
): string {
  const urls: string[] = []
  const entry = (loc: string, alternates: { locale: string; href: string }[], lastmod?: string) =>
    [
      '  <url>',
      `    <loc>${xmlText(loc)}</loc>`,
      lastmod ? `    <lastmod>${xmlText(lastmod.slice(0, 10))}</lastmod>` : '',
      ...alternates.map(
        (a) =>
          `    <xhtml:link rel="alternate" hreflang="${xmlText(a.locale)}" href="${xmlText(a.href)}"/>`,
      ),
      '  </url>',
    ]
      .filter(Boolean)
      .join('\n')

  for (const section of SITE_SECTIONS.filter((s) => s !== 'search')) {
    const path = sectionPath(section)
    const alternates = locales.map((l) => ({ locale: l, href: `${siteUrl}/${l}${path}` }))
    for (const l of locales) urls.push(entry(`${siteUrl}/${l}${path}`, alternates))
  }
  const byEntry = new Map<string, SitemapDocument[]>()
  for (const d of documents) byEntry.set(d.entry_id, [...(byEntry.get(d.entry_id) ?? []), d])
  for (const group of byEntry.values()) {
    const alternates = group.map((d) => ({
      locale: d.locale,
      href: `${siteUrl}/${d.locale}${documentPath(d.kind, d.slug)}`,
    }))
    for (const d of group) {
      const path = documentPath(d.kind, d.slug)
      // Intro pages of built-in sections are already listed above.
      if (d.kind === 'page' && !/^\/[a-z0-9-]+$/.test(path)) continue
      if (path === '/contact' || path === '/get-involved') continue
      urls.push(entry(`${siteUrl}/${d.locale}${path}`, alternates, d.updated_at))
    }
  }
  for (const page of pages) {
    const alternates = locales.map((l) => ({ locale: l, href: `${siteUrl}/${l}${page.path}` }))
    for (const l of locales)
      urls.push(entry(`${siteUrl}/${l}${page.path}`, alternates, page.updatedAt))
  }
  // Open-data files (IATI) have one address for every language.
  for (const file of openData) urls.push(entry(`${siteUrl}${file.path}`, [], file.updated_at))
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ...urls,
    '</urlset>',
    '',
  ].join('\n')
}
