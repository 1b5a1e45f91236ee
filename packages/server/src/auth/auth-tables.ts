import type { Generated, Insertable, Selectable } from 'kysely'

export interface UsersTable {
  id: string
  login_name: string
  display_name: string
  locale: string
  status: 'active' | 'suspended'
  password_hash: string | null
  created_at: string
  updated_at: string
}

/** A role held by a user, organisation-wide (compartment_id null) or within one compartment. */
export interface GrantsTable {
  id: string
  user_id: string
  compartment_id: string | null
  role: string
  created_at: string
  created_by: string | null
}

/** Single-use links (first-admin setup, password reset). Only the SHA-256 of the token is kept. */
export interface OneTimeTokensTable {
  token_hash: string
  purpose: 'setup' | 'password_reset'
  user_id: string | null
  created_at: string
  expires_at: string
  used_at: string | null
}

export interface AuthTables {
  users: UsersTable
  grants: GrantsTable
  one_time_tokens: OneTimeTokensTable
}

export type UserRow = Selectable<UsersTable>
export type NewUserRow = Insertable<UsersTable>
export type OneTimeTokenRow = Selectable<OneTimeTokensTable>
// Generated is re-exported for tables that add database-assigned columns later.
export type { Generated }
