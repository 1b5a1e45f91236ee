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

export type SessionStage = 'active' | 'mfa_pending' | 'enroll_required'

/** A signed-in browser. Only the SHA-256 of the cookie value is stored. */
export interface SessionsTable {
  id_hash: string
  user_id: string
  stage: SessionStage
  auth_method: 'password' | 'password+totp' | 'password+recovery' | 'passkey' | 'password+passkey'
  /** "Chrome on Linux": enough for a person to recognise a device, nothing more. */
  device: string
  created_at: string
  last_seen_at: string
  expires_at: string
  reauth_at: string | null
  /** 1 when the user's privileges changed: the next request gets a new session id. */
  rotate: number
}

export interface PasskeysTable {
  id: string
  user_id: string
  name: string
  public_key: string
  counter: number
  transports: string
  created_at: string
  last_used_at: string | null
}

export interface AuthChallengesTable {
  id: string
  purpose: 'passkey_register' | 'passkey_login' | 'passkey_reauth'
  user_id: string | null
  challenge: string
  expires_at: string
}

export interface TotpFactorsTable {
  user_id: string
  secret: string
  confirmed_at: string | null
  last_time_step: number | null
  created_at: string
}

export interface RecoveryCodesTable {
  code_hash: string
  user_id: string
  created_at: string
  used_at: string | null
}

/** Failed sign-ins per keyed hash of an account, a client, or both; never a name or an address. */
export interface LoginThrottleTable {
  key: string
  failures: number
  last_failure_at: string
  blocked_until: string
}

export interface SettingsTable {
  key: string
  value: string
  updated_at: string
}

export interface SessionTables {
  sessions: SessionsTable
  passkeys: PasskeysTable
  auth_challenges: AuthChallengesTable
  totp_factors: TotpFactorsTable
  recovery_codes: RecoveryCodesTable
  login_throttle: LoginThrottleTable
  settings: SettingsTable
}
