import type { Db } from '../../db/db-handle.js'
import type { Paging } from './network-store.js'
import type { NetworkInteractionsTable } from './network-tables.js'

export async function insertInteraction(db: Db, row: NetworkInteractionsTable): Promise<void> {
  await db.insertInto('network_interactions').values(row).execute()
}

/** A partner's interactions, newest first (same day: the one recorded last first). */
export async function listInteractions(
  db: Db,
  organisationId: string,
  kind: string | undefined,
  paging: Paging,
): Promise<{ total: number; rows: NetworkInteractionsTable[] }> {
  let query = db.selectFrom('network_interactions').where('organisation_id', '=', organisationId)
  if (kind) query = query.where('kind', '=', kind)
  const counted = await query
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirstOrThrow()
  const rows = await query
    .selectAll()
    .orderBy('on_date', 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(paging.pageSize)
    .offset((paging.page - 1) * paging.pageSize)
    .execute()
  return { total: Number(counted.n), rows }
}
