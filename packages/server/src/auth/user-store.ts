import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../db/schema.js'
import type { GrantsTable, NewUserRow, UserRow } from './auth-tables.js'

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
