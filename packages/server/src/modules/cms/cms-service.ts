import type { CreateEntry, DocumentContent } from '@haven/core/cms/cms-schemas'
import type { DocumentKind } from '@haven/core/site/site-paths'
import { slugProblem } from '@haven/core/site/slug'
import type { AppContext } from '../../app-context.js'
import { audit } from '../../auth/auth-audit.js'
import { type Db, inTransaction } from '../../db/db-handle.js'
import { newId } from '../../db/ids.js'
import { errors } from '../../http/errors.js'
import { type ContentColumns, columnsOf, contentColumns, sameContent } from './cms-content.js'
import {
  deleteEntry,
  documentsOfEntries,
  findDocument,
  findDocumentBySlug,
  findEntry,
  findRevision,
  insertDocument,
  insertEntry,
  insertRevision,
  updateDocument,
  updateEntry,
} from './cms-store.js'
import type { CmsDocumentsTable, CmsEntriesTable } from './cms-tables.js'
import { findFaqGroup, findLiveSlug, updateSiteDocumentsOfEntry } from './publication-store.js'
import { publishing } from './site-version.js'

/** Who is acting, for created_by columns and audit entries. */
export interface By {
  actorId: string | null
  requestId: string | null
}

/** Refuses a slug that is malformed, reserved, or used by another document of the same kind. */
async function checkSlug(
  db: Db,
  kind: DocumentKind,
  locale: string,
  slug: string,
  exceptDocumentId: string | null,
): Promise<void> {
  const problem = slugProblem(slug, kind)
  if (problem) {
    throw errors.validationFailed([
      {
        path: 'slug',
        key: problem === 'reserved' ? 'field.slug_reserved' : 'field.slug_format',
        params: {},
      },
    ])
  }
  const draft = await findDocumentBySlug(db, kind, locale, slug)
  const live = await findLiveSlug(db, kind, locale, slug)
  if ((draft && draft.id !== exceptDocumentId) || (live && live.id !== exceptDocumentId))
    throw errors.slugTaken()
}

async function checkEntryOptions(db: Db, kind: DocumentKind, input: Partial<CreateEntry>) {
  if (kind === 'report' && input.fiscalYear == null)
    throw errors.validationFailed([{ path: 'fiscalYear', key: 'field.required', params: {} }])
  if (kind === 'faq') {
    if (!input.faqGroupId)
      throw errors.validationFailed([{ path: 'faqGroupId', key: 'field.required', params: {} }])
    if (!(await findFaqGroup(db, input.faqGroupId)))
      throw errors.validationFailed([{ path: 'faqGroupId', key: 'field.invalid', params: {} }])
  }
}

function newDocumentRow(
  app: AppContext,
  entry: CmsEntriesTable,
  locale: string,
  content: ContentColumns,
  by: By,
): CmsDocumentsTable {
  const now = app.now().toISOString()
  return {
    id: newId(),
    entry_id: entry.id,
    kind: entry.kind,
    locale,
    ...content,
    status: 'draft',
    revision: 1,
    live_revision: null,
    first_published_at: null,
    last_published_at: null,
    updated_at: now,
    updated_by: by.actorId,
  }
}

async function recordRevision(
  app: AppContext,
  db: Db,
  document: Pick<CmsDocumentsTable, 'id' | 'revision'>,
  content: ContentColumns,
  reason: 'created' | 'saved' | 'restored',
  by: By,
): Promise<void> {
  await insertRevision(db, {
    id: newId(),
    document_id: document.id,
    number: document.revision,
    ...content,
    reason,
    created_at: app.now().toISOString(),
    created_by: by.actorId,
  })
}

/** A new entry with its first language version, as a draft. */
export async function createEntry(
  app: AppContext,
  db: Db,
  input: CreateEntry,
  by: By,
): Promise<CmsEntriesTable> {
  return inTransaction(db, async (trx) => {
    await checkEntryOptions(trx, input.kind, input)
    await checkSlug(trx, input.kind, input.locale, input.slug, null)
    const now = app.now().toISOString()
    const entry: CmsEntriesTable = {
      id: newId(),
      kind: input.kind,
      fiscal_year: input.kind === 'report' ? (input.fiscalYear ?? null) : null,
      faq_group_id: input.kind === 'faq' ? (input.faqGroupId ?? null) : null,
      position: input.position ?? 0,
      created_at: now,
      created_by: by.actorId,
      updated_at: now,
    }
    await insertEntry(trx, entry)
    const content = contentColumns(input)
    const document = newDocumentRow(app, entry, input.locale, content, by)
    await insertDocument(trx, document)
    await recordRevision(app, trx, document, content, 'created', by)
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'cms.entry_created',
      entityType: 'SiteContent',
      entityId: entry.id,
      requestId: by.requestId,
      details: { kind: entry.kind, locale: input.locale, documentId: document.id },
    })
    return entry
  })
}

/** Another language version of an entry, linked to it as its translation. */
export async function addTranslation(
  app: AppContext,
  db: Db,
  entry: CmsEntriesTable,
  locale: string,
  content: DocumentContent,
  by: By,
): Promise<CmsDocumentsTable> {
  return inTransaction(db, async (trx) => {
    const existing = await documentsOfEntries(trx, [entry.id])
    if (existing.some((d) => d.locale === locale)) throw errors.translationExists()
    await checkSlug(trx, entry.kind, locale, content.slug, null)
    const columns = contentColumns(content)
    const document = newDocumentRow(app, entry, locale, columns, by)
    await insertDocument(trx, document)
    await recordRevision(app, trx, document, columns, 'created', by)
    await touchEntry(app, trx, entry.id)
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'cms.translation_added',
      entityType: 'SiteContent',
      entityId: entry.id,
      requestId: by.requestId,
      details: { locale, documentId: document.id },
    })
    return document
  })
}

async function touchEntry(app: AppContext, db: Db, entryId: string): Promise<void> {
  await updateEntry(db, entryId, { updated_at: app.now().toISOString() })
}

/**
 * Saves the working copy as a new revision. A save that changes something sends the document
 * back to draft (a reviewed text that changed must be reviewed again); the public site keeps
 * showing the live revision until the next publication.
 */
export async function saveDocument(
  app: AppContext,
  db: Db,
  documentId: string,
  content: DocumentContent,
  baseRevision: number,
  by: By,
): Promise<CmsDocumentsTable> {
  return inTransaction(db, async (trx) => {
    const document = await findDocument(trx, documentId)
    if (!document) throw errors.notFound()
    if (document.revision !== baseRevision) throw errors.conflict()
    const columns = contentColumns(content)
    if (sameContent(columns, columnsOf(document))) return document
    if (columns.slug !== document.slug)
      await checkSlug(trx, document.kind, document.locale, columns.slug, document.id)
    return writeNewRevision(app, trx, document, columns, 'saved', by)
  })
}

async function writeNewRevision(
  app: AppContext,
  trx: Db,
  document: CmsDocumentsTable,
  columns: ContentColumns,
  reason: 'saved' | 'restored',
  by: By,
): Promise<CmsDocumentsTable> {
  const next: CmsDocumentsTable = {
    ...document,
    ...columns,
    revision: document.revision + 1,
    status: 'draft',
    updated_at: app.now().toISOString(),
    updated_by: by.actorId,
  }
  await updateDocument(trx, document.id, {
    ...columns,
    revision: next.revision,
    status: next.status,
    updated_at: next.updated_at,
    updated_by: next.updated_by,
  })
  await recordRevision(app, trx, next, columns, reason, by)
  await touchEntry(app, trx, document.entry_id)
  await audit(app, trx, {
    actorId: by.actorId,
    action: reason === 'saved' ? 'cms.document_saved' : 'cms.revision_restored',
    entityType: 'SiteContent',
    entityId: document.entry_id,
    requestId: by.requestId,
    details: { documentId: document.id, revision: next.revision },
  })
  return next
}

/** Makes an earlier revision the working copy again (as a new revision; nothing is lost). */
export async function restoreRevision(
  app: AppContext,
  db: Db,
  documentId: string,
  revisionId: string,
  by: By,
): Promise<CmsDocumentsTable> {
  return inTransaction(db, async (trx) => {
    const document = await findDocument(trx, documentId)
    if (!document) throw errors.notFound()
    const revision = await findRevision(trx, documentId, revisionId)
    if (!revision) throw errors.notFound()
    const columns = columnsOf(revision)
    if (columns.slug !== document.slug)
      await checkSlug(trx, document.kind, document.locale, columns.slug, document.id)
    return writeNewRevision(app, trx, document, columns, 'restored', by)
  })
}

type Transition = 'submit' | 'return'

/** Draft → in review (submit), in review → draft (return for more work). */
export async function moveDocument(
  app: AppContext,
  db: Db,
  documentId: string,
  transition: Transition,
  by: By,
): Promise<CmsDocumentsTable> {
  return inTransaction(db, async (trx) => {
    const document = await findDocument(trx, documentId)
    if (!document) throw errors.notFound()
    const from = transition === 'submit' ? 'draft' : 'in_review'
    const to = transition === 'submit' ? 'in_review' : 'draft'
    if (document.status !== from) throw errors.workflowState()
    const now = app.now().toISOString()
    await updateDocument(trx, document.id, { status: to, updated_at: now, updated_by: by.actorId })
    await audit(app, trx, {
      actorId: by.actorId,
      action: transition === 'submit' ? 'cms.document_submitted' : 'cms.document_returned',
      entityType: 'SiteContent',
      entityId: document.entry_id,
      requestId: by.requestId,
      details: { documentId: document.id, revision: document.revision },
    })
    return { ...document, status: to, updated_at: now, updated_by: by.actorId }
  })
}

/** Entry-level facts: fiscal year of a report, topic and order of an FAQ answer. */
export async function updateEntryOptions(
  app: AppContext,
  db: Db,
  entryId: string,
  input: { fiscalYear?: number | null; faqGroupId?: string | null; position?: number },
  by: By,
): Promise<CmsEntriesTable> {
  return publishing(app, db, async (trx) => {
    const entry = await findEntry(trx, entryId)
    if (!entry) throw errors.notFound()
    const next: CmsEntriesTable = {
      ...entry,
      fiscal_year:
        entry.kind === 'report' && input.fiscalYear !== undefined
          ? input.fiscalYear
          : entry.fiscal_year,
      faq_group_id:
        entry.kind === 'faq' && input.faqGroupId !== undefined
          ? input.faqGroupId
          : entry.faq_group_id,
      position: input.position ?? entry.position,
      updated_at: app.now().toISOString(),
    }
    await checkEntryOptions(trx, entry.kind, {
      fiscalYear: next.fiscal_year,
      faqGroupId: next.faq_group_id,
    })
    await updateEntry(trx, entry.id, {
      fiscal_year: next.fiscal_year,
      faq_group_id: next.faq_group_id,
      position: next.position,
      updated_at: next.updated_at,
    })
    // These facts are public (they order the FAQ and the reports): the site follows at once.
    await updateSiteDocumentsOfEntry(trx, entry.id, {
      fiscal_year: next.fiscal_year,
      faq_group_id: next.faq_group_id,
      position: next.position,
    })
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'cms.entry_updated',
      entityType: 'SiteContent',
      entityId: entry.id,
      requestId: by.requestId,
    })
    return next
  })
}

/** Deletes an entry and all its drafts and revisions; refused while any language is live. */
export async function removeEntry(app: AppContext, db: Db, entryId: string, by: By): Promise<void> {
  await inTransaction(db, async (trx) => {
    const entry = await findEntry(trx, entryId)
    if (!entry) throw errors.notFound()
    const documents = await documentsOfEntries(trx, [entry.id])
    if (documents.some((d) => d.live_revision !== null)) throw errors.entryLive()
    await deleteEntry(trx, entry.id)
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'cms.entry_deleted',
      entityType: 'SiteContent',
      entityId: entry.id,
      requestId: by.requestId,
      details: { kind: entry.kind, documents: documents.length },
    })
  })
}
