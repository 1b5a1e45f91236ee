import type { AppContext } from '../app-context.js'
import { SYSTEM_OWNER } from '../crypto/keyring.js'
import type { Db } from '../db/db-handle.js'

/** Authenticator seeds are sealed with Haven's system key: a database copy alone cannot mint codes. */
const address = (userId: string) => ({
  table: 'totp_factors',
  column: 'secret',
  recordId: userId,
  compartmentId: SYSTEM_OWNER,
})

export function sealTotpSecret(
  app: AppContext,
  db: Db,
  userId: string,
  secret: string,
): Promise<string> {
  return app.crypto.fields.seal(db, address(userId), secret)
}

export function openTotpSecret(
  app: AppContext,
  db: Db,
  userId: string,
  sealed: string,
): Promise<string> {
  return app.crypto.fields.open(db, address(userId), sealed)
}
