import type { DocumentContent } from '@haven/core/cms/cms-schemas'
import type { CmsDocumentsTable, CmsRevisionsTable } from './cms-tables.js'

/** The content columns shared by a document and each of its revisions. */
export type ContentColumns = Pick<
  CmsDocumentsTable,
  | 'slug'
  | 'title'
  | 'summary'
  | 'body_md'
  | 'event_start'
  | 'event_end'
  | 'event_place'
  | 'display_date'
  | 'hero_image'
  | 'hero_alt'
>

export function contentColumns(content: DocumentContent): ContentColumns {
  return {
    slug: content.slug,
    title: content.title,
    summary: content.summary,
    body_md: content.body,
    event_start: content.eventStart ?? null,
    event_end: content.eventEnd ?? null,
    event_place: content.eventPlace || null,
    display_date: content.date || null,
    hero_image: content.heroImage || null,
    hero_alt: content.heroAlt || null,
  }
}

export function columnsOf(row: ContentColumns | CmsRevisionsTable): ContentColumns {
  return {
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    body_md: row.body_md,
    event_start: row.event_start,
    event_end: row.event_end,
    event_place: row.event_place,
    display_date: row.display_date,
    hero_image: row.hero_image,
    hero_alt: row.hero_alt,
  }
}

export function sameContent(a: ContentColumns, b: ContentColumns): boolean {
  return (Object.keys(a) as (keyof ContentColumns)[]).every((k) => a[k] === b[k])
}

const MEDIA_REFERENCE = /\/media\/([0-9a-f-]{36})\.(?:jpg|png)/g

/** Ids of uploaded images a Markdown text refers to. */
export function mediaIdsIn(markdown: string): string[] {
  return [...new Set([...markdown.matchAll(MEDIA_REFERENCE)].map((m) => m[1] ?? ''))].filter(
    Boolean,
  )
}

export function mediaExtension(contentType: string): 'jpg' | 'png' {
  return contentType === 'image/png' ? 'png' : 'jpg'
}
