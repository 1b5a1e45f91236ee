import type { AppContext } from '../../app-context.js'
import { deleteOpenData, openDataUnder, upsertOpenData } from './open-data-store.js'
import { publishing } from './site-version.js'

/** A file another module publishes as open data: its address under /open-data/ and its bytes. */
export interface OpenDataFile {
  readonly path: string
  readonly contentType: string
  readonly data: Uint8Array
}

const OPEN_DATA = /^\/open-data\/[a-z0-9-]+(?:\/[a-z0-9-]+)*\/[a-z0-9.-]+\.(?:xml|csv|json)$/

function checkPath(path: string): void {
  if (!OPEN_DATA.test(path)) throw new Error(`not an open-data address: ${path}`)
}

/**
 * Publishes files at stable addresses of the public site (listed in its sitemap), replacing what
 * was at those addresses, in one publication (the site's pages refresh once, after it).
 */
export async function publishOpenData(
  app: AppContext,
  files: readonly OpenDataFile[],
): Promise<void> {
  for (const file of files) checkPath(file.path)
  const now = app.now().toISOString()
  await publishing(app, app.database.db, async (trx) => {
    for (const file of files)
      await upsertOpenData(trx, {
        path: file.path,
        content_type: file.contentType,
        byte_size: file.data.byteLength,
        data: file.data,
        updated_at: now,
      })
  })
}

/** Takes files off the site; says how many of them were published. */
export async function withdrawOpenData(app: AppContext, paths: readonly string[]): Promise<number> {
  for (const path of paths) checkPath(path)
  return publishing(app, app.database.db, (trx) => deleteOpenData(trx, paths))
}

/** What is published under a prefix (`/open-data/iati/`), for the module that published it. */
export async function publishedOpenData(app: AppContext, prefix: string) {
  return openDataUnder(app.database.db, prefix)
}
