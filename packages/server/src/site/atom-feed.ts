import { documentPath } from '@haven/core/site/site-paths'
import type { SiteDocumentsTable } from './site-tables.js'
import { xmlText } from './xml-text.js'

export interface FeedInfo {
  title: string
  subtitle: string
  locale: string
  /** Public address of the site, without a trailing slash. */
  siteUrl: string
  authorName: string
  /** When anything on the site was last published. */
  updated: string
}

/**
 * An Atom 1.0 feed of the newest news in one language. Entries carry the same sanitised HTML
 * the pages show (escaped as text, as Atom's type="html" requires).
 */
export function atomFeed(info: FeedInfo, items: readonly SiteDocumentsTable[]): string {
  const self = `${info.siteUrl}/${info.locale}/feed.xml`
  const home = `${info.siteUrl}/${info.locale}/news/`
  // ISO timestamps compare as text; the newest entry (or the last publication) is the feed's date.
  const updated = [info.updated, ...items.map((i) => i.updated_at)].sort().at(-1) ?? info.updated
  const entries = items.map((item) => {
    const url = `${info.siteUrl}/${item.locale}${documentPath('news', item.slug)}`
    return [
      '  <entry>',
      `    <id>${xmlText(url)}</id>`,
      `    <title>${xmlText(item.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${xmlText(url)}"/>`,
      `    <published>${xmlText(item.published_at)}</published>`,
      `    <updated>${xmlText(item.updated_at)}</updated>`,
      item.summary ? `    <summary>${xmlText(item.summary)}</summary>` : '',
      `    <content type="html">${xmlText(item.html)}</content>`,
      '  </entry>',
    ]
      .filter(Boolean)
      .join('\n')
  })
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xmlText(info.locale)}">`,
    `  <id>${xmlText(self)}</id>`,
    `  <title>${xmlText(info.title)}</title>`,
    `  <subtitle>${xmlText(info.subtitle)}</subtitle>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlText(self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlText(home)}"/>`,
    `  <updated>${xmlText(updated)}</updated>`,
    `  <author><name>${xmlText(info.authorName)}</name></author>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n')
}
