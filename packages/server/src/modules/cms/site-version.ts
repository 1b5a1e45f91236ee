import type { Transaction } from 'kysely'
import type { AppContext } from '../../app-context.js'
import { type Db, inTransaction } from '../../db/db-handle.js'
import type { Database } from '../../db/schema.js'
import { invalidateSiteCache } from '../../site/site-cache.js'
import { bumpSiteVersion } from './publication-store.js'

/**
 * Runs a change to published content in a transaction that also bumps the site's version row,
 * then, once committed, drops this instance's page cache. Other instances see the new version
 * within a second (they check it at most that often).
 */
export async function publishing<T>(
  app: AppContext,
  db: Db,
  work: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  const result = await inTransaction(db, async (trx) => {
    const value = await work(trx)
    await bumpSiteVersion(trx, app.now().toISOString())
    return value
  })
  invalidateSiteCache(app)
  return result
}
