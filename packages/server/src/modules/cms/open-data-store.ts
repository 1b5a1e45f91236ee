import type { Db } from '../../db/db-handle.js'
import type { SiteOpenDataTable } from '../../site/site-tables.js'

/** Puts a file at its address, replacing what was there. */
export async function upsertOpenData(db: Db, row: SiteOpenDataTable): Promise<void> {
  await db.deleteFrom('site_open_data').where('path', '=', row.path).execute()
  await db.insertInto('site_open_data').values(row).execute()
}

/** Takes the files at these addresses off the site; says how many were there. */
export async function deleteOpenData(db: Db, paths: readonly string[]): Promise<number> {
  if (paths.length === 0) return 0
  const result = await db.deleteFrom('site_open_data').where('path', 'in', paths).executeTakeFirst()
  return Number(result.numDeletedRows)
}

/** The addresses published under a prefix (`/open-data/iati/`), with when each was updated. */
export async function openDataUnder(
  db: Db,
  prefix: string,
): Promise<Pick<SiteOpenDataTable, 'path' | 'updated_at'>[]> {
  return db
    .selectFrom('site_open_data')
    .select(['path', 'updated_at'])
    .where('path', 'like', `${prefix.replace(/[\\%_]/g, '\\$&')}%`)
    .orderBy('path')
    .execute()
}
