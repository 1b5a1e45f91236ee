import type { GrantView } from '@haven/core/auth/auth-views'
import { isRole } from '@haven/core/auth/roles'
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../db/schema.js'
import type { GrantsTable, NewUserRow, UserRow, UsersTable } from './auth-tables.js'

type Db = Kysely<Database> | Transaction<Database>

export async function countUsers(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function insertUser(db: Db, user: NewUserRow): Promise<void> {
  await db.insertInto('users').values(user).execute()
}

export async function findUserByLoginName(db: Db, loginName: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('login_name', '=', loginName).executeTakeFirst()
}

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function insertGrant(
  db: Db,
  grant: {
    id: string
    userId: string
    compartmentId: string | null
    role: string
    createdAt: string
    createdBy: string | null
  },
): Promise<void> {
  await db
    .insertInto('grants')
    .values({
      id: grant.id,
      user_id: grant.userId,
      compartment_id: grant.compartmentId,
      role: grant.role,
      created_at: grant.createdAt,
      created_by: grant.createdBy,
    })
    .execute()
}

export async function findGrant(db: Db, id: string): Promise<GrantsTable | undefined> {
  return db.selectFrom('grants').selectAll().where('id', '=', id).executeTakeFirst()
}

/** A user's display name and language, as they set them on their account. */
export async function updateUserProfile(
  db: Db,
  id: string,
  profile: Partial<Pick<UsersTable, 'display_name' | 'locale'>>,
  now: string,
): Promise<void> {
  await db
    .updateTable('users')
    .set({ ...profile, updated_at: now })
    .where('id', '=', id)
    .execute()
}

export async function setPasswordHash(
  db: Db,
  id: string,
  hash: string,
  now: string,
): Promise<void> {
  await db
    .updateTable('users')
    .set({ password_hash: hash, updated_at: now })
    .where('id', '=', id)
    .execute()
}

/** The roles a user holds, in any compartment. */
export async function grantRoles(db: Db, userId: string): Promise<string[]> {
  const rows = await db.selectFrom('grants').select('role').where('user_id', '=', userId).execute()
  return rows.map((g) => g.role)
}

export async function grantsWithCodes(db: Db, userId: string): Promise<GrantView[]> {
  const rows = await db
    .selectFrom('grants')
    .leftJoin('compartments', 'compartments.id', 'grants.compartment_id')
    .select(['grants.id', 'grants.role', 'grants.compartment_id', 'compartments.code'])
    .where('grants.user_id', '=', userId)
    .orderBy('grants.created_at')
    .execute()
  return rows.flatMap((g) =>
    isRole(g.role)
      ? [
          {
            id: g.id,
            role: g.role,
            compartmentId: g.compartment_id,
            compartmentCode: g.code ?? null,
          },
        ]
      : [],
  )
}

/** The login names of these users (none asked, none returned). */
export async function loginNames(
  db: Db,
  ids: readonly string[],
): Promise<{ id: string; login_name: string }[]> {
  if (ids.length === 0) return []
  return db.selectFrom('users').select(['id', 'login_name']).where('id', 'in', ids).execute()
}
