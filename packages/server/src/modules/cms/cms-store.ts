import type { DocumentKind } from '@haven/core/site/site-paths'
import type { Db } from '../../db/db-handle.js'
import type {
  CmsDocumentsTable,
  CmsEntriesTable,
  CmsImagesTable,
  CmsImageVariantsTable,
  CmsRevisionsTable,
} from './cms-tables.js'

// Entries (translation groups)

export async function insertEntry(db: Db, row: CmsEntriesTable): Promise<void> {
  await db.insertInto('cms_entries').values(row).execute()
}

export async function findEntry(db: Db, id: string): Promise<CmsEntriesTable | undefined> {
  return db.selectFrom('cms_entries').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function listEntries(db: Db, kind?: DocumentKind): Promise<CmsEntriesTable[]> {
  let query = db.selectFrom('cms_entries').selectAll()
  if (kind) query = query.where('kind', '=', kind)
  return query.orderBy('updated_at', 'desc').orderBy('id').limit(1000).execute()
}

export async function updateEntry(
  db: Db,
  id: string,
  changes: Partial<Omit<CmsEntriesTable, 'id' | 'kind'>>,
): Promise<void> {
  await db.updateTable('cms_entries').set(changes).where('id', '=', id).execute()
}

export async function deleteEntry(db: Db, id: string): Promise<void> {
  const documents = db.selectFrom('cms_documents').select('id').where('entry_id', '=', id)
  await db.deleteFrom('cms_revisions').where('document_id', 'in', documents).execute()
  await db.deleteFrom('cms_documents').where('entry_id', '=', id).execute()
  await db.deleteFrom('cms_entries').where('id', '=', id).execute()
}

export async function countEntriesInFaqGroup(db: Db, groupId: string): Promise<number> {
  const row = await db
    .selectFrom('cms_entries')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('faq_group_id', '=', groupId)
    .executeTakeFirst()
  return Number(row?.n ?? 0)
}

export async function faqEntryCounts(db: Db): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('cms_entries')
    .select(['faq_group_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('faq_group_id', 'is not', null)
    .groupBy('faq_group_id')
    .execute()
  return new Map(rows.map((r) => [r.faq_group_id ?? '', Number(r.n)]))
}

// Documents (one language of an entry)

export async function insertDocument(db: Db, row: CmsDocumentsTable): Promise<void> {
  await db.insertInto('cms_documents').values(row).execute()
}

export async function findDocument(db: Db, id: string): Promise<CmsDocumentsTable | undefined> {
  return db.selectFrom('cms_documents').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function documentsOfEntries(
  db: Db,
  entryIds: readonly string[],
): Promise<CmsDocumentsTable[]> {
  if (entryIds.length === 0) return []
  return db
    .selectFrom('cms_documents')
    .selectAll()
    .where('entry_id', 'in', entryIds)
    .orderBy('locale')
    .execute()
}

export async function findDocumentBySlug(
  db: Db,
  kind: DocumentKind,
  locale: string,
  slug: string,
): Promise<Pick<CmsDocumentsTable, 'id' | 'entry_id'> | undefined> {
  return db
    .selectFrom('cms_documents')
    .select(['id', 'entry_id'])
    .where('kind', '=', kind)
    .where('locale', '=', locale)
    .where('slug', '=', slug)
    .executeTakeFirst()
}

export async function updateDocument(
  db: Db,
  id: string,
  changes: Partial<Omit<CmsDocumentsTable, 'id' | 'entry_id' | 'kind' | 'locale'>>,
): Promise<void> {
  await db.updateTable('cms_documents').set(changes).where('id', '=', id).execute()
}

export async function updateDocumentsOfEntry(
  db: Db,
  entryId: string,
  changes: Partial<Pick<CmsDocumentsTable, 'updated_at'>>,
): Promise<void> {
  await db.updateTable('cms_documents').set(changes).where('entry_id', '=', entryId).execute()
}

// Revisions

export async function insertRevision(db: Db, row: CmsRevisionsTable): Promise<void> {
  await db.insertInto('cms_revisions').values(row).execute()
}

export async function listRevisions(db: Db, documentId: string): Promise<CmsRevisionsTable[]> {
  return db
    .selectFrom('cms_revisions')
    .selectAll()
    .where('document_id', '=', documentId)
    .orderBy('number', 'desc')
    .limit(500)
    .execute()
}

export async function findRevision(
  db: Db,
  documentId: string,
  id: string,
): Promise<CmsRevisionsTable | undefined> {
  return db
    .selectFrom('cms_revisions')
    .selectAll()
    .where('document_id', '=', documentId)
    .where('id', '=', id)
    .executeTakeFirst()
}

export async function findRevisionByNumber(
  db: Db,
  documentId: string,
  number: number,
): Promise<CmsRevisionsTable | undefined> {
  return db
    .selectFrom('cms_revisions')
    .selectAll()
    .where('document_id', '=', documentId)
    .where('number', '=', number)
    .executeTakeFirst()
}

// Images

export async function insertImage(db: Db, row: CmsImagesTable): Promise<void> {
  await db.insertInto('cms_images').values(row).execute()
}

export async function findImage(db: Db, id: string): Promise<CmsImagesTable | undefined> {
  return db.selectFrom('cms_images').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function findImages(db: Db, ids: readonly string[]): Promise<CmsImagesTable[]> {
  if (ids.length === 0) return []
  return db.selectFrom('cms_images').selectAll().where('id', 'in', ids).execute()
}

/** Sizes only (no bytes): which of these ids are in the library, and how large each is. */
export async function findImageSizes(
  db: Db,
  ids: readonly string[],
): Promise<Pick<CmsImagesTable, 'id' | 'width' | 'height'>[]> {
  if (ids.length === 0) return []
  return db
    .selectFrom('cms_images')
    .select(['id', 'width', 'height'])
    .where('id', 'in', ids)
    .execute()
}

export type ImageListing = Omit<CmsImagesTable, 'data'>

export async function listImages(db: Db): Promise<ImageListing[]> {
  return db
    .selectFrom('cms_images')
    .select([
      'id',
      'label',
      'content_type',
      'width',
      'height',
      'byte_size',
      'sha256',
      'thumbnail',
      'created_at',
      'created_by',
    ])
    .orderBy('created_at', 'desc')
    .limit(500)
    .execute()
}

export async function insertImageVariants(
  db: Db,
  rows: readonly CmsImageVariantsTable[],
): Promise<void> {
  if (rows.length > 0)
    await db
      .insertInto('cms_image_variants')
      .values([...rows])
      .execute()
}

export async function findImageVariants(
  db: Db,
  ids: readonly string[],
): Promise<CmsImageVariantsTable[]> {
  if (ids.length === 0) return []
  return db.selectFrom('cms_image_variants').selectAll().where('media_id', 'in', ids).execute()
}

/** Sizes only: what a page's images weigh, for the image budget. */
export async function imageVariantSizes(
  db: Db,
  ids: readonly string[],
): Promise<Omit<CmsImageVariantsTable, 'data'>[]> {
  if (ids.length === 0) return []
  return db
    .selectFrom('cms_image_variants')
    .select(['media_id', 'width', 'format', 'byte_size'])
    .where('media_id', 'in', ids)
    .execute()
}

/** Uploads that have no stored variants (made before variants were kept at upload). */
export async function imageIdsWithoutVariants(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('cms_images')
    .select('id')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('cms_image_variants')
            .select('media_id')
            .whereRef('cms_image_variants.media_id', '=', 'cms_images.id'),
        ),
      ),
    )
    .orderBy('created_at')
    .execute()
  return rows.map((r) => r.id)
}

export async function deleteImage(db: Db, id: string): Promise<void> {
  await db.deleteFrom('cms_image_variants').where('media_id', '=', id).execute()
  await db.deleteFrom('cms_images').where('id', '=', id).execute()
}
