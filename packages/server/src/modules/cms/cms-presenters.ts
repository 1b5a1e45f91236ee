import type {
  DocumentSummaryView,
  DocumentView,
  EntrySummaryView,
  EntryView,
  ImageView,
  RevisionView,
} from '@haven/core/cms/cms-views'
import { documentPath } from '@haven/core/site/site-paths'
import type { Db } from '../../db/db-handle.js'
import { mediaExtension } from './cms-content.js'
import { documentsOfEntries, type ImageListing } from './cms-store.js'
import type { CmsDocumentsTable, CmsEntriesTable, CmsRevisionsTable } from './cms-tables.js'
import { liveSlugs } from './publication-store.js'

function summary(
  d: CmsDocumentsTable,
  liveSlug: string | undefined,
  publicUrl: string,
): DocumentSummaryView {
  const live = d.live_revision !== null
  const publicPath = live && liveSlug ? `/${d.locale}${documentPath(d.kind, liveSlug)}` : null
  return {
    id: d.id,
    locale: d.locale,
    slug: d.slug,
    title: d.title,
    status: d.status,
    live,
    changedSinceLive: live && d.live_revision !== d.revision,
    revision: d.revision,
    updatedAt: d.updated_at,
    publicPath,
    publicUrl: publicPath ? `${publicUrl.replace(/\/$/, '')}${publicPath}` : null,
  }
}

export function documentView(
  d: CmsDocumentsTable,
  liveSlug: string | undefined,
  publicUrl: string,
): DocumentView {
  return {
    ...summary(d, liveSlug, publicUrl),
    summary: d.summary,
    body: d.body_md,
    eventStart: d.event_start,
    eventEnd: d.event_end,
    eventPlace: d.event_place,
    date: d.display_date,
    heroImage: d.hero_image,
    heroAlt: d.hero_alt,
    firstPublishedAt: d.first_published_at,
    lastPublishedAt: d.last_published_at,
  }
}

/** A document as the API shows it, with its live address looked up. */
export async function presentDocument(
  db: Db,
  d: CmsDocumentsTable,
  publicUrl: string,
): Promise<DocumentView> {
  const slugs = await liveSlugs(db, [d.id])
  return documentView(d, slugs.get(d.id), publicUrl)
}

function entryFields(e: CmsEntriesTable) {
  return {
    id: e.id,
    kind: e.kind,
    fiscalYear: e.fiscal_year,
    faqGroupId: e.faq_group_id,
    position: e.position,
    createdAt: e.created_at,
  }
}

export async function presentEntry(
  db: Db,
  e: CmsEntriesTable,
  publicUrl: string,
): Promise<EntryView> {
  const documents = await documentsOfEntries(db, [e.id])
  const slugs = await liveSlugs(
    db,
    documents.map((d) => d.id),
  )
  return {
    ...entryFields(e),
    documents: documents.map((d) => documentView(d, slugs.get(d.id), publicUrl)),
  }
}

export async function presentEntries(
  db: Db,
  entries: readonly CmsEntriesTable[],
  publicUrl: string,
): Promise<EntrySummaryView[]> {
  const documents = await documentsOfEntries(
    db,
    entries.map((e) => e.id),
  )
  const slugs = await liveSlugs(
    db,
    documents.map((d) => d.id),
  )
  return entries.map((e) => ({
    ...entryFields(e),
    documents: documents
      .filter((d) => d.entry_id === e.id)
      .map((d) => summary(d, slugs.get(d.id), publicUrl)),
  }))
}

export function revisionView(r: CmsRevisionsTable, liveRevision: number | null): RevisionView {
  return {
    id: r.id,
    number: r.number,
    title: r.title,
    slug: r.slug,
    reason: r.reason,
    createdAt: r.created_at,
    createdBy: r.created_by,
    live: r.number === liveRevision,
  }
}

export function imageView(i: ImageListing): ImageView {
  return {
    id: i.id,
    label: i.label,
    contentType: i.content_type,
    width: i.width,
    height: i.height,
    byteSize: i.byte_size,
    createdAt: i.created_at,
    path: `/media/${i.id}.${mediaExtension(i.content_type)}`,
    thumbnail: `data:image/jpeg;base64,${Buffer.from(i.thumbnail).toString('base64')}`,
  }
}
