import type { Locale } from '@haven/core/i18n/locales'
import type { AppContext } from '../../app-context.js'
import type { Db } from '../../db/db-handle.js'
import { inTransaction } from '../../db/db-handle.js'
import { publishDocument } from './cms-publish.js'
import type { By } from './cms-service.js'
import { addTranslation, createEntry, moveDocument, saveDocument } from './cms-service.js'
import { documentsOfEntries, findDocument, findDocumentBySlug } from './cms-store.js'

/** One language of an event another module puts on the website. */
export interface SiteEventDocument {
  readonly locale: Locale
  readonly title: string
  readonly summary: string
  /** Markdown: rendered by the site's sanitising renderer like any other page. */
  readonly body: string
  /** Where it took place, in this language ("Geneva, Switzerland"). */
  readonly place: string | null
}

/**
 * Puts an event another module recorded (a hearing, a screening) on the website as a news page
 * with its dates and place, in every language given, through the editor's own steps (entry,
 * translations, review, publication). The site renders such a page with schema.org Event JSON-LD.
 * Runs in the caller's transaction when given one; a slug already used is refused (`slug_taken`).
 */
export async function publishSiteEvent(
  app: AppContext,
  db: Db,
  input: {
    readonly slug: string
    readonly startsOn: string
    readonly endsOn: string | null
    readonly documents: readonly SiteEventDocument[]
  },
  by: By,
): Promise<{ entryId: string }> {
  const [first, ...others] = input.documents
  if (!first) throw new Error('publishSiteEvent needs at least one language')
  return inTransaction(db, async (trx) => {
    const content = (d: SiteEventDocument) => ({
      slug: input.slug,
      title: d.title,
      summary: d.summary,
      body: d.body,
      eventStart: input.startsOn,
      eventEnd: input.endsOn,
      eventPlace: d.place,
    })
    const entry = await createEntry(
      app,
      trx,
      { kind: 'news', locale: first.locale, ...content(first) },
      by,
    )
    for (const d of others) await addTranslation(app, trx, entry, d.locale, content(d), by)
    for (const document of await documentsOfEntries(trx, [entry.id])) {
      await moveDocument(app, trx, document.id, 'submit', by)
      await publishDocument(app, trx, document.id, by)
    }
    return { entryId: entry.id }
  })
}

/**
 * After the event's record changed (its dates, city or country), its news pages say the same:
 * each language's working copy gets the new dates and place and, when it had no other change
 * waiting for the editors, is published again at once. A page an editor is still working on keeps
 * their text and waits for them. Runs in the caller's transaction when given one.
 */
export async function republishSiteEvent(
  app: AppContext,
  db: Db,
  input: {
    readonly slug: string
    readonly startsOn: string
    readonly endsOn: string | null
    readonly places: Readonly<Partial<Record<Locale, string | null>>>
  },
  by: By,
): Promise<{ republished: Locale[] }> {
  return inTransaction(db, async (trx) => {
    const republished: Locale[] = []
    for (const [locale, place] of Object.entries(input.places) as [Locale, string | null][]) {
      const found = await findDocumentBySlug(trx, 'news', locale, input.slug)
      const document = found ? await findDocument(trx, found.id) : undefined
      if (!document) continue
      const wasLive = document.status === 'published'
      const saved = await saveDocument(
        app,
        trx,
        document.id,
        {
          slug: document.slug,
          title: document.title,
          summary: document.summary,
          body: document.body_md,
          eventStart: input.startsOn,
          eventEnd: input.endsOn,
          eventPlace: place,
          date: document.display_date ?? undefined,
          heroImage: document.hero_image ?? undefined,
          heroAlt: document.hero_alt ?? undefined,
        },
        document.revision,
        by,
      )
      if (!wasLive || saved.revision === document.revision) continue
      await moveDocument(app, trx, document.id, 'submit', by)
      await publishDocument(app, trx, document.id, by)
      republished.push(locale)
    }
    return { republished }
  })
}
