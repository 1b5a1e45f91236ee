import type { AppContext } from '../../app-context.js'
import type { Db } from '../../db/db-handle.js'
import { encodeVariant, VARIANT_FORMATS, variantWidths } from '../../site/image-variants.js'
import {
  findImage,
  findImageVariants,
  imageIdsWithoutVariants,
  insertImageVariants,
} from './cms-store.js'
import type { CmsImageVariantsTable } from './cms-tables.js'
import {
  findSiteMediaMaster,
  publishMediaVariants,
  siteMediaIdsWithoutVariants,
} from './publication-store.js'

/** Every variant the site offers of a master `width` px wide, encoded by libvips. */
async function encodeAll(id: string, master: Uint8Array, width: number) {
  const rows: CmsImageVariantsTable[] = []
  for (const w of variantWidths(width))
    for (const format of VARIANT_FORMATS) {
      const data = await encodeVariant(master, w, format)
      rows.push({ media_id: id, width: w, format, byte_size: data.length, data })
    }
  return rows
}

export interface BackfillProgress {
  /** Images handled so far, of `total` (library uploads first, then images on the site). */
  done: number
  total: number
}

/**
 * Stores the variants of images uploaded or published before variants were made at upload, so
 * the site serves stored bytes for every image and never encodes one in memory on first request.
 * Library uploads first; then each image on the site is given its upload's variants, or, when the
 * upload has since left the library, variants encoded from the site's own copy. One image at a
 * time, each in its own short transaction (encoding happens outside it): safe to stop and run
 * again, and a second run finds nothing to do.
 */
export async function backfillImageVariants(
  db: Db,
  onProgress: (progress: BackfillProgress) => void = () => {},
): Promise<{ library: number; site: number }> {
  const library = await imageIdsWithoutVariants(db)
  const site = await siteMediaIdsWithoutVariants(db)
  const total = library.length + site.length
  let done = 0
  onProgress({ done, total })
  let madeInLibrary = 0
  for (const id of library) {
    const image = await findImage(db, id)
    if (image) {
      const rows = await encodeAll(id, image.data, image.width)
      await db.transaction().execute(async (trx) => {
        // Another server may have done it meanwhile; the image may have been deleted.
        if ((await findImageVariants(trx, [id])).length > 0 || !(await findImage(trx, id))) return
        await insertImageVariants(trx, rows)
        madeInLibrary += 1
      })
    }
    done += 1
    onProgress({ done, total })
  }
  let madeOnSite = 0
  for (const id of site) {
    const stored = await findImageVariants(db, [id])
    const master = stored.length > 0 ? undefined : await findSiteMediaMaster(db, id)
    const rows = master ? await encodeAll(id, master.data, master.width) : stored
    if (rows.length > 0)
      await db.transaction().execute(async (trx) => {
        await publishMediaVariants(trx, rows)
        madeOnSite += 1
      })
    done += 1
    onProgress({ done, total })
  }
  return { library: madeInLibrary, site: madeOnSite }
}

/**
 * At start-up: fills in missing variants in the background (the server answers meanwhile, encoding
 * any image still missing one in memory as before), with progress in the log every few images.
 */
export function startImageBackfill(app: AppContext): Promise<void> {
  let lastLogged = 0
  return backfillImageVariants(app.database.db, ({ done, total }) => {
    if (total === 0) return
    if (done === 0) app.logger.info({ total }, 'image variants: storing those still missing')
    else if (done === total || Date.now() - lastLogged > 5000) {
      lastLogged = Date.now()
      app.logger.info({ done, total }, 'image variants: progress')
    }
  }).then(
    () => {},
    (error: unknown) =>
      app.logger.warn({ err: error }, 'image variants: stopped; next start resumes'),
  )
}
