import { compiledShape } from '../db/compiled-shapes.js'
import type { Db } from '../db/db-handle.js'
import type { SessionsTable } from './auth-tables.js'

export async function insertSession(db: Db, row: SessionsTable): Promise<void> {
  await db.insertInto('sessions').values(row).execute()
}

/**
 * The session with its user's status and grants, in two small queries. Every signed-in request
 * sends both, so they are compiled once (db/compiled-shapes.ts).
 */
/**
 * The session by its hash, with its user's status and locale and every grant the user holds: one
 * statement (a row per grant), since every signed-in request asks it.
 */
export async function findSessionWithUser(db: Db, idHash: string) {
  const rows = (
    await db.executeQuery(
      compiledShape(db, 'session.find-with-grants', [idHash], ([hash]) =>
        db
          .selectFrom('sessions')
          .innerJoin('users', 'users.id', 'sessions.user_id')
          .leftJoin('grants', 'grants.user_id', 'sessions.user_id')
          .selectAll('sessions')
          .select([
            'users.status as user_status',
            'users.locale as user_locale',
            'grants.id as grant_id',
            'grants.role as grant_role',
            'grants.compartment_id as grant_compartment_id',
          ])
          .where('sessions.id_hash', '=', String(hash)),
      ),
    )
  ).rows
  const first = rows[0]
  if (!first) return undefined
  const { grant_id: _id, grant_role: _role, grant_compartment_id: _compartment, ...session } = first
  const grants = rows.flatMap((r) =>
    r.grant_id !== null && r.grant_role !== null
      ? [{ id: r.grant_id, role: r.grant_role, compartment_id: r.grant_compartment_id }]
      : [],
  )
  return { session, grants }
}

export async function touchSession(db: Db, idHash: string, lastSeenAt: string): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: lastSeenAt })
    .where('id_hash', '=', idHash)
    .execute()
}

export async function updateSession(
  db: Db,
  idHash: string,
  changes: Partial<SessionsTable>,
): Promise<void> {
  await db.updateTable('sessions').set(changes).where('id_hash', '=', idHash).execute()
}

export async function deleteSession(db: Db, idHash: string): Promise<number> {
  const result = await db.deleteFrom('sessions').where('id_hash', '=', idHash).executeTakeFirst()
  return Number(result.numDeletedRows)
}

export async function deleteUserSessions(
  db: Db,
  userId: string,
  exceptIdHash?: string,
): Promise<number> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId)
  if (exceptIdHash) query = query.where('id_hash', '!=', exceptIdHash)
  const result = await query.executeTakeFirst()
  return Number(result.numDeletedRows)
}

export async function listUserSessions(db: Db, userId: string) {
  return db
    .selectFrom('sessions')
    .selectAll()
    .where('user_id', '=', userId)
    .where('stage', '=', 'active')
    .orderBy('last_seen_at', 'desc')
    .execute()
}

/** Marks every session of a user for a new id at its next request (after a privilege change). */
export async function markUserSessionsForRotation(db: Db, userId: string): Promise<void> {
  await db.updateTable('sessions').set({ rotate: 1 }).where('user_id', '=', userId).execute()
}

export async function deleteExpiredSessions(
  db: Db,
  now: string,
  idleCutoff: string,
): Promise<number> {
  const result = await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', idleCutoff)]))
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}
