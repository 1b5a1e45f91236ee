import { createHash } from 'node:crypto'
import type { Locale } from '@haven/core/i18n/locales'
import type { AppContext } from '../../app-context.js'
import type { Db } from '../../db/db-handle.js'
import { inTransaction } from '../../db/db-handle.js'
import { newId } from '../../db/ids.js'
import { publishDocument } from './cms-publish.js'
import type { By } from './cms-service.js'
import { addTranslation, createEntry, moveDocument, saveDocument } from './cms-service.js'
import { documentsOfEntries, findDocument, findDocumentBySlug, findEntry } from './cms-store.js'
import { insertReportPdf } from './publication-store.js'
import { publishing } from './site-version.js'

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

/**
 * Replaces an activity report already on the website (a corrected annual report): each
 * language's page gets the new text as a new revision, reviewed and published through the
 * editor's own steps, so the earlier text stays in the page's history. A language not yet on
 * the site is added. In the caller's transaction when given one.
 */
export async function republishActivityReport(
  app: AppContext,
  db: Db,
  input: {
    readonly fiscalYear: number
    readonly slug: string
    readonly documents: readonly ActivityReportDocument[]
  },
  by: By,
): Promise<void> {
  await inTransaction(db, async (trx) => {
    const found = await Promise.all(
      input.documents.map((d) => findDocumentBySlug(trx, 'report', d.locale, input.slug)),
    )
    const entryId = found.find((f) => f)?.entry_id
    if (!entryId) {
      await publishActivityReport(app, trx, input, by)
      return
    }
    for (const [i, d] of input.documents.entries()) {
      const content = { slug: input.slug, title: d.title, summary: d.summary, body: d.body }
      const at = found[i]
      const document = at ? await findDocument(trx, at.id) : undefined
      if (!document) {
        const entry = await findEntry(trx, entryId)
        if (entry) await addTranslation(app, trx, entry, d.locale, content, by)
        continue
      }
      const saved = await saveDocument(app, trx, document.id, content, document.revision, by)
      if (saved.status === 'draft') await moveDocument(app, trx, document.id, 'submit', by)
    }
    for (const document of await documentsOfEntries(trx, [entryId]))
      if (document.status === 'in_review') await publishDocument(app, trx, document.id, by)
  })
}

/** One language of a published report's PDF, made by the module that compiled the report. */
export interface ActivityReportPdf {
  readonly locale: Locale
  readonly fileName: string
  readonly bytes: Uint8Array
}

/**
 * Puts a release's PDFs on the website beside its Activity Report page. Each release adds its
 * own rows (an earlier release's PDF stays where its link points); the page links the newest.
 * In the caller's transaction when given one.
 */
export async function publishActivityReportPdfs(
  app: AppContext,
  db: Db,
  input: {
    readonly fiscalYear: number
    readonly release: string
    readonly files: readonly ActivityReportPdf[]
  },
): Promise<void> {
  const at = app.now().toISOString()
  await publishing(app, db, async (trx) => {
    for (const file of input.files)
      await insertReportPdf(trx, {
        id: newId(),
        fiscal_year: input.fiscalYear,
        locale: file.locale,
        release: input.release,
        file_name: file.fileName,
        byte_size: file.bytes.byteLength,
        sha256: createHash('sha256').update(file.bytes).digest('hex'),
        data: file.bytes,
        published_at: at,
      })
  })
}
