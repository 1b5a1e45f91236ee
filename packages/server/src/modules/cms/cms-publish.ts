import type { ImageWeightView } from '@haven/core/cms/cms-views'
import { foldForSearch } from '@haven/core/site/search-text'
import type { AppContext } from '../../app-context.js'
import { audit } from '../../auth/auth-audit.js'
import type { Db } from '../../db/db-handle.js'
import { errors } from '../../http/errors.js'
import { imageBytesOnPhone, PAGE_IMAGE_BUDGET_BYTES } from '../../site/image-variants.js'
import { mediaExtension, mediaIdsIn } from './cms-content.js'
import type { By } from './cms-service.js'
import {
  findDocument,
  findEntry,
  findImageSizes,
  findImages,
  findImageVariants,
  imageVariantSizes,
  updateDocument,
} from './cms-store.js'
import type { CmsDocumentsTable } from './cms-tables.js'
import { type ImageInfo, renderHero, renderMarkdown } from './markdown-render.js'
import {
  deleteSearchEntry,
  deleteSiteDocument,
  findLiveSlug,
  publishMedia,
  publishMediaVariants,
  replaceSearchEntry,
  upsertSiteDocument,
} from './publication-store.js'
import { publishing } from './site-version.js'

/**
 * Publishes a reviewed document: renders its Markdown through the sanitising renderer and writes
 * the result, its search entry and its images into the published tables, which are all the
 * public site ever reads. Only a document in review can be published.
 */
export async function publishDocument(
  app: AppContext,
  db: Db,
  documentId: string,
  by: By,
): Promise<CmsDocumentsTable> {
  return publishing(app, db, async (trx) => {
    const document = await findDocument(trx, documentId)
    if (!document) throw errors.notFound()
    if (document.status !== 'in_review') throw errors.workflowState()
    const entry = await findEntry(trx, document.entry_id)
    if (!entry) throw errors.notFound()
    const taken = await findLiveSlug(trx, document.kind, document.locale, document.slug)
    if (taken && taken.id !== document.id) throw errors.slugTaken()

    const heroId = document.hero_image ? mediaIdsIn(document.hero_image)[0] : undefined
    const images = new Map(
      (await findImages(trx, [...(heroId ? [heroId] : []), ...mediaIdsIn(document.body_md)])).map(
        (i) => [i.id, i],
      ),
    )
    const rendered = renderMarkdown(document.body_md, {
      images: (id) => {
        const image = images.get(id)
        return image
          ? {
              width: image.width,
              height: image.height,
              src: `/media/${id}.${mediaExtension(image.content_type)}`,
            }
          : undefined
      },
    })
    // Every image needs a description in this language before the public sees it: a reader
    // who cannot see it, or whose connection did not load it, is told what it shows.
    if (rendered.imagesWithoutAlt.length > 0)
      throw errors.validationFailed([{ path: 'body', key: 'field.image_alt_missing', params: {} }])
    const hero = heroId ? images.get(heroId) : undefined
    if (heroId && !hero)
      throw errors.validationFailed([{ path: 'heroImage', key: 'field.media_missing', params: {} }])
    if (hero && !document.hero_alt?.trim())
      throw errors.validationFailed([
        { path: 'heroAlt', key: 'field.hero_alt_missing', params: {} },
      ])
    const heroHtml = hero
      ? renderHero(hero.id, mediaExtension(hero.content_type), hero, document.hero_alt ?? '')
      : null
    // The page's card and OpenGraph image: the hero, or else the first image of the text.
    const cardImage = hero ?? images.get(rendered.imageIds[0] ?? '')
    const pageImages = hero ? [hero.id, ...rendered.imageIds] : rendered.imageIds
    const weight = imageBytesOnPhone(await imageVariantSizes(trx, pageImages), pageImages)
    if (weight > PAGE_IMAGE_BUDGET_BYTES)
      throw errors.validationFailed([
        {
          path: 'body',
          key: 'field.image_budget',
          params: {
            kb: Math.ceil(weight / 1024),
            budget: PAGE_IMAGE_BUDGET_BYTES / 1024,
          },
        },
      ])
    const now = app.now().toISOString()
    for (const id of pageImages) {
      const image = images.get(id)
      if (!image) continue
      await publishMedia(trx, {
        id,
        content_type: image.content_type,
        width: image.width,
        height: image.height,
        byte_size: image.byte_size,
        sha256: image.sha256,
        data: image.data,
        published_at: now,
      })
      await publishMediaVariants(trx, await findImageVariants(trx, [id]))
    }

    const firstPublishedAt = document.first_published_at ?? now
    // An article dated by the editor sorts on that day; on its own day, by the moment it went out.
    const publishedAt =
      document.display_date && !firstPublishedAt.startsWith(document.display_date)
        ? `${document.display_date}T00:00:00.000Z`
        : firstPublishedAt
    await upsertSiteDocument(trx, {
      id: document.id,
      entry_id: entry.id,
      kind: entry.kind,
      locale: document.locale,
      slug: document.slug,
      title: document.title,
      summary: document.summary,
      html: rendered.html,
      fiscal_year: entry.fiscal_year,
      faq_group_id: entry.faq_group_id,
      position: entry.position,
      event_start: document.event_start,
      event_end: document.event_end,
      event_place: document.event_place,
      image_id: cardImage?.id ?? null,
      image_width: cardImage?.width ?? null,
      image_height: cardImage?.height ?? null,
      hero_html: heroHtml,
      published_at: publishedAt,
      updated_at: now,
    })
    const bodyText = [document.summary, rendered.text].filter(Boolean).join('\n')
    await replaceSearchEntry(trx, app.database.dialect, {
      documentId: document.id,
      locale: document.locale,
      kind: entry.kind,
      slug: document.slug,
      title: document.title,
      titleFolded: foldForSearch(document.title),
      bodyText,
      searchText: foldForSearch(`${document.title}\n${bodyText}`),
      publishedAt,
    })
    const changes = {
      status: 'published' as const,
      live_revision: document.revision,
      first_published_at: firstPublishedAt,
      last_published_at: now,
      updated_at: now,
      updated_by: by.actorId,
    }
    await updateDocument(trx, document.id, changes)
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'cms.document_published',
      entityType: 'SiteContent',
      entityId: entry.id,
      requestId: by.requestId,
      details: { documentId: document.id, locale: document.locale, revision: document.revision },
    })
    return { ...document, ...changes }
  })
}

/** Takes a document off the public site; its drafts and revisions stay. */
export async function unpublishDocument(
  app: AppContext,
  db: Db,
  documentId: string,
  by: By,
): Promise<CmsDocumentsTable> {
  return publishing(app, db, async (trx) => {
    const document = await findDocument(trx, documentId)
    if (!document) throw errors.notFound()
    if (document.live_revision === null) throw errors.workflowState()
    await deleteSiteDocument(trx, document.id)
    await deleteSearchEntry(trx, app.database.dialect, document.id)
    const now = app.now().toISOString()
    const changes = {
      status: 'draft' as const,
      live_revision: null,
      updated_at: now,
      updated_by: by.actorId,
    }
    await updateDocument(trx, document.id, changes)
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'cms.document_unpublished',
      entityType: 'SiteContent',
      entityId: document.entry_id,
      requestId: by.requestId,
      details: { documentId: document.id, locale: document.locale },
    })
    return { ...document, ...changes }
  })
}

/**
 * What a page's images would weigh on a 390 px phone, weighed as publishing weighs them (the
 * hero and each image the text shows, once each), so the editor sees it before publishing.
 * Addresses that are not in the library weigh nothing (publishing refuses them anyway).
 */
export async function pageImageWeight(
  db: Db,
  content: { heroImage: string | null; body: string },
): Promise<ImageWeightView> {
  const heroId = content.heroImage ? mediaIdsIn(content.heroImage)[0] : undefined
  const known = new Map(
    (await findImageSizes(db, [...(heroId ? [heroId] : []), ...mediaIdsIn(content.body)])).map(
      (i) => [i.id, i],
    ),
  )
  const rendered = renderMarkdown(content.body, {
    images: (id) => {
      const image = known.get(id)
      return image ? { width: image.width, height: image.height, src: '' } : undefined
    },
  })
  const ids = [...new Set([...(heroId && known.has(heroId) ? [heroId] : []), ...rendered.imageIds])]
  return {
    bytes: imageBytesOnPhone(await imageVariantSizes(db, ids), ids),
    budgetBytes: PAGE_IMAGE_BUDGET_BYTES,
    images: ids.length,
  }
}

/** Largest total of images inlined into one preview. */
const PREVIEW_IMAGE_BUDGET = 12 * 1024 * 1024

/**
 * The same renderer as publishing, for the editor's preview. Uploaded images are inlined as data:
 * URLs, because the public site only serves images of published pages.
 */
export async function previewMarkdown(db: Db, body: string): Promise<string> {
  let budget = PREVIEW_IMAGE_BUDGET
  const inline = new Map<string, ImageInfo>()
  for (const image of await findImages(db, mediaIdsIn(body).slice(0, 20))) {
    budget -= image.byte_size
    if (budget < 0) break
    const base64 = Buffer.from(image.data).toString('base64')
    inline.set(image.id, {
      width: image.width,
      height: image.height,
      src: `data:${image.content_type};base64,${base64}`,
    })
  }
  return renderMarkdown(body, { images: (id) => inline.get(id) }).html
}
