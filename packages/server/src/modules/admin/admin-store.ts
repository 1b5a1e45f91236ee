import type { UsersTable } from '../../auth/auth-tables.js'
import type { Db } from '../../db/db-handle.js'

/** The administration screens' SQL over the platform's users and grants. */

/** Active users holding an organisation-wide administrator grant. */
export async function activeAdministrators(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('grants')
    .innerJoin('users', 'users.id', 'grants.user_id')
    .select('users.id')
    .where('grants.role', '=', 'administrator')
    .where('grants.compartment_id', 'is', null)
    .where('users.status', '=', 'active')
    .execute()
  return [...new Set(rows.map((r) => r.id))]
}

export async function listUsers(db: Db) {
  return db.selectFrom('users').selectAll().orderBy('login_name').execute()
}

/** What an administrator may change of a user: their display name and status. */
export async function updateUser(
  db: Db,
  id: string,
  changes: Partial<Pick<UsersTable, 'display_name' | 'status'>>,
  now: string,
): Promise<void> {
  await db
    .updateTable('users')
    .set({ ...changes, updated_at: now })
    .where('id', '=', id)
    .execute()
}

/** Whether the user already holds this role here (organisation-wide when compartmentId is null). */
export async function hasGrant(
  db: Db,
  userId: string,
  role: string,
  compartmentId: string | null,
): Promise<boolean> {
  let existing = db
    .selectFrom('grants')
    .select('id')
    .where('user_id', '=', userId)
    .where('role', '=', role)
  existing =
    compartmentId === null
      ? existing.where('compartment_id', 'is', null)
      : existing.where('compartment_id', '=', compartmentId)
  return (await existing.executeTakeFirst()) !== undefined
}

export async function deleteGrant(db: Db, id: string): Promise<void> {
  await db.deleteFrom('grants').where('id', '=', id).execute()
}
