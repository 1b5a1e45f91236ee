import type { MessageStatus } from '@haven/core/inbox/inbox-views'
import type { Db } from '../../db/db-handle.js'
import type { ContactMessagesTable } from './inbox-tables.js'

export async function insertContactMessage(db: Db, row: ContactMessagesTable): Promise<void> {
  await db.insertInto('contact_messages').values(row).execute()
}

export type MessageListing = Pick<
  ContactMessagesTable,
  'id' | 'compartment_id' | 'kind' | 'site_locale' | 'status' | 'received_at'
> & { compartment_code: string }

/** Messages in the given compartments (never widened here: the caller passes what it may see). */
export async function listContactMessages(
  db: Db,
  compartmentIds: readonly string[] | 'all',
  status: MessageStatus,
): Promise<MessageListing[]> {
  if (compartmentIds !== 'all' && compartmentIds.length === 0) return []
  let query = db
    .selectFrom('contact_messages as m')
    .innerJoin('compartments as c', 'c.id', 'm.compartment_id')
    .select([
      'm.id',
      'm.compartment_id',
      'm.kind',
      'm.site_locale',
      'm.status',
      'm.received_at',
      'c.code as compartment_code',
    ])
    .where('m.status', '=', status)
  if (compartmentIds !== 'all') query = query.where('m.compartment_id', 'in', compartmentIds)
  return query.orderBy('m.received_at', 'desc').limit(500).execute()
}

export async function findContactMessage(
  db: Db,
  id: string,
): Promise<(ContactMessagesTable & { compartment_code: string }) | undefined> {
  return db
    .selectFrom('contact_messages as m')
    .innerJoin('compartments as c', 'c.id', 'm.compartment_id')
    .selectAll('m')
    .select('c.code as compartment_code')
    .where('m.id', '=', id)
    .executeTakeFirst()
}

export async function updateContactMessageStatus(
  db: Db,
  id: string,
  status: MessageStatus,
  by: string,
  now: string,
): Promise<void> {
  await db
    .updateTable('contact_messages')
    .set({ status, updated_by: by, updated_at: now })
    .where('id', '=', id)
    .execute()
}

// Intake rate limits (the rules are in intake-rate-limit.ts)

export async function deleteExpiredRateLimits(db: Db, nowIso: string): Promise<void> {
  await db.deleteFrom('intake_rate_limits').where('expires_at', '<=', nowIso).execute()
}

export async function findRateLimit(db: Db, key: string) {
  return db.selectFrom('intake_rate_limits').selectAll().where('key', '=', key).executeTakeFirst()
}

/** One more submission in the bucket; the first one opens its window, which ends at `expires`. */
export async function countRateLimit(
  db: Db,
  key: string,
  nowIso: string,
  expires: string,
): Promise<void> {
  await db
    .insertInto('intake_rate_limits')
    .values({ key, count: 1, window_start: nowIso, expires_at: expires })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => ({ count: eb('intake_rate_limits.count', '+', 1) })),
    )
    .execute()
}
