import type { Db } from '../db/db-handle.js'
import { newId } from '../db/ids.js'
import type { NotificationsTable } from './notification-tables.js'

/** One notification per user, all at the same moment (inside the caller's transaction). */
export async function notifyUsers(
  db: Db,
  userIds: readonly string[],
  notice: { kind: string; subjectId: string; subjectCode: string; at: string },
): Promise<number> {
  const unique = [...new Set(userIds)]
  if (unique.length === 0) return 0
  await db
    .insertInto('notifications')
    .values(
      unique.map((user_id) => ({
        id: newId(),
        user_id,
        kind: notice.kind,
        subject_id: notice.subjectId,
        subject_code: notice.subjectCode,
        created_at: notice.at,
        read_at: null,
      })),
    )
    .execute()
  return unique.length
}

export async function notificationsOf(
  db: Db,
  userId: string,
  limit = 50,
): Promise<NotificationsTable[]> {
  return db
    .selectFrom('notifications')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
}

export async function countUnread(db: Db, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst()
  return Number(row?.n ?? 0)
}

/** Marks a user's notification read (or all of them with `id` undefined); someone else's: none. */
export async function markRead(db: Db, userId: string, at: string, id?: string): Promise<number> {
  let query = db
    .updateTable('notifications')
    .set({ read_at: at })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
  if (id) query = query.where('id', '=', id)
  const result = await query.executeTakeFirst()
  return Number(result.numUpdatedRows)
}

export async function findNotification(
  db: Db,
  userId: string,
  id: string,
): Promise<NotificationsTable | undefined> {
  return db
    .selectFrom('notifications')
    .selectAll()
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst()
}
