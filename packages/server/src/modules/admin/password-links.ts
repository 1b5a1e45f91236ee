import type { AppContext } from '../../app-context.js'
import { insertToken, revokeUserTokens } from '../../auth/token-store.js'
import { newToken } from '../../auth/tokens.js'
import type { Db } from '../../db/db-handle.js'

export const PASSWORD_LINK_TTL_MS = 24 * 60 * 60_000

/**
 * A single-use link with which a user chooses their own password: for new accounts and resets.
 * An administrator hands it over; nobody ever sets another person's password. Earlier unused
 * links for the same user stop working.
 */
export async function issuePasswordLink(app: AppContext, db: Db, userId: string) {
  const now = app.now()
  await revokeUserTokens(db, userId, 'password_reset', now.toISOString())
  const { token, hash } = newToken()
  const expiresAt = new Date(now.getTime() + PASSWORD_LINK_TTL_MS).toISOString()
  await insertToken(db, {
    hash,
    purpose: 'password_reset',
    userId,
    createdAt: now.toISOString(),
    expiresAt,
  })
  return { url: `${app.urls.staff}/app/password#token=${token}`, expiresAt }
}
