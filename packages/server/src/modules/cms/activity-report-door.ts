import type { Locale } from '@haven/core/i18n/locales'
import type { AppContext } from '../../app-context.js'
import type { Db } from '../../db/db-handle.js'
import { inTransaction } from '../../db/db-handle.js'
import { publishDocument } from './cms-publish.js'
import type { By } from './cms-service.js'
import { addTranslation, createEntry, moveDocument } from './cms-service.js'
import { documentsOfEntries } from './cms-store.js'

/** One language of a compiled activity report, already safe to publish. */
export interface ActivityReportDocument {
  readonly locale: Locale
  readonly title: string
  readonly summary: string
  /** Markdown: rendered by the site's sanitising renderer like any other page. */
  readonly body: string
}

/**
 * Puts a report another module compiled (the annual report) on the website's Activity Reports,
 * in every language given, through the editor's own steps (entry, translations, review,
 * publication) so it is rendered, indexed and versioned like any report an editor writes. It
 * runs in the caller's transaction when given one: the report and its page are published
 * together or not at all. A slug already used by another report is refused (`slug_taken`).
 */
export async function publishActivityReport(
  app: AppContext,
  db: Db,
  input: {
    readonly fiscalYear: number
    readonly slug: string
    readonly documents: readonly ActivityReportDocument[]
  },
  by: By,
): Promise<{ entryId: string }> {
  const [first, ...others] = input.documents
  if (!first) throw new Error('publishActivityReport needs at least one language')
  return inTransaction(db, async (trx) => {
    const content = (d: ActivityReportDocument) => ({
      slug: input.slug,
      title: d.title,
      summary: d.summary,
      body: d.body,
    })
    const entry = await createEntry(
      app,
      trx,
      { kind: 'report', locale: first.locale, fiscalYear: input.fiscalYear, ...content(first) },
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
