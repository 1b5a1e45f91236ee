import type { AppContext } from '../../app-context.js'
import { audit } from '../../auth/auth-audit.js'
import type { Db } from '../../db/db-handle.js'
import { newId } from '../../db/ids.js'
import { errors } from '../../http/errors.js'
import { encodeVariant, VARIANT_FORMATS, variantWidths } from '../../site/image-variants.js'
import type { By } from './cms-service.js'
import { deleteImage, findImage, insertImage, insertImageVariants } from './cms-store.js'
import type { CmsImagesTable, CmsImageVariantsTable } from './cms-tables.js'
import { ImageRejected, processImage } from './image-process.js'

/**
 * Stores an uploaded image after re-encoding it (no metadata survives). The original bytes are
 * never stored, and neither is the file's name (it may say who or where).
 */
export async function uploadImage(
  app: AppContext,
  db: Db,
  input: { label: string; data: string },
  by: By,
): Promise<CmsImagesTable> {
  const bytes = Buffer.from(input.data, 'base64')
  let processed: ReturnType<typeof processImage>
  try {
    processed = processImage(bytes)
  } catch (error) {
    if (error instanceof ImageRejected)
      throw errors.validationFailed([{ path: 'data', key: `field.${error.problem}`, params: {} }])
    throw error
  }
  // Every variant the site will offer, encoded once here (outside the transaction: it takes
  // seconds) and stored, so no server encodes them again after a start.
  const id = newId()
  const variants: CmsImageVariantsTable[] = []
  for (const width of variantWidths(processed.width))
    for (const format of VARIANT_FORMATS) {
      const data = await encodeVariant(processed.data, width, format)
      variants.push({ media_id: id, width, format, byte_size: data.length, data })
    }
  const row: CmsImagesTable = {
    id,
    label: input.label,
    content_type: processed.contentType,
    width: processed.width,
    height: processed.height,
    byte_size: processed.data.length,
    sha256: processed.sha256,
    data: processed.data,
    thumbnail: processed.thumbnail,
    created_at: app.now().toISOString(),
    created_by: by.actorId,
  }
  await db.transaction().execute(async (trx) => {
    await insertImage(trx, row)
    await insertImageVariants(trx, variants)
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'cms.image_uploaded',
      entityType: 'SiteContent',
      entityId: row.id,
      requestId: by.requestId,
      details: { bytes: row.byte_size, width: row.width, height: row.height },
    })
  })
  return row
}

/** Removes an upload from the editors' library; pages already published keep their copy. */
export async function removeImage(app: AppContext, db: Db, id: string, by: By): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (!(await findImage(trx, id))) throw errors.notFound()
    await deleteImage(trx, id)
    await audit(app, trx, {
      actorId: by.actorId,
      action: 'cms.image_deleted',
      entityType: 'SiteContent',
      entityId: id,
      requestId: by.requestId,
    })
  })
}
