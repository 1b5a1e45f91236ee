import {
  type AuthenticatorTransport,
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server'
import type { Urls } from '../config/load-config.js'
import type { Db } from '../db/db-handle.js'
import { newId } from '../db/ids.js'
import type { AuthChallengesTable } from './auth-tables.js'
import {
  deleteChallenge,
  findChallenge,
  findPasskey,
  insertChallenge,
  passkeyCredentials,
  recordPasskeyUse,
} from './factor-store.js'

const CHALLENGE_TTL_MS = 5 * 60_000

/** The relying party is the staff app's origin: a passkey made here works only here. */
function relyingParty(urls: Urls) {
  const origin = new URL(urls.staff).origin
  return { origin, rpID: new URL(urls.staff).hostname }
}

async function storeChallenge(
  db: Db,
  purpose: AuthChallengesTable['purpose'],
  userId: string | null,
  challenge: string,
  now: Date,
) {
  const id = newId()
  await insertChallenge(db, {
    id,
    purpose,
    userId,
    challenge,
    expiresAt: new Date(now.getTime() + CHALLENGE_TTL_MS).toISOString(),
  })
  return id
}

/** Takes a challenge out (single use) if it is unexpired and for this purpose. */
async function takeChallenge(
  db: Db,
  id: string,
  purpose: AuthChallengesTable['purpose'],
  now: Date,
) {
  const row = await findChallenge(db, id, purpose)
  if (!row) return null
  const deleted = await deleteChallenge(db, id)
  if (!deleted || Date.parse(row.expires_at) <= now.getTime()) return null
  return row
}

export async function registrationOptions(
  db: Db,
  urls: Urls,
  user: { id: string; login_name: string; display_name: string },
  orgName: string,
  now: Date,
) {
  const existing = await passkeyCredentials(db, user.id)
  const options = await generateRegistrationOptions({
    rpName: orgName,
    rpID: relyingParty(urls).rpID,
    userName: user.login_name,
    userDisplayName: user.display_name,
    userID: new TextEncoder().encode(user.id),
    attestationType: 'none',
    excludeCredentials: existing.map((p) => ({
      id: p.id,
      transports: JSON.parse(p.transports) as AuthenticatorTransport[],
    })),
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
  })
  const challengeId = await storeChallenge(db, 'passkey_register', user.id, options.challenge, now)
  return { challengeId, options }
}

export async function verifyRegistration(
  db: Db,
  urls: Urls,
  userId: string,
  challengeId: string,
  response: unknown,
  now: Date,
) {
  const challenge = await takeChallenge(db, challengeId, 'passkey_register', now)
  if (!challenge || challenge.user_id !== userId) return null
  const { origin, rpID } = relyingParty(urls)
  try {
    const result = await verifyRegistrationResponse({
      // Shape-checked by the route schema; the library verifies every signed part.
      response: response as Parameters<typeof verifyRegistrationResponse>[0]['response'],
      expectedChallenge: challenge.challenge,
      expectedOrigin: origin,
      expectedRPID: rpID,
      requireUserVerification: true,
    })
    if (!result.verified) return null
    const { credential } = result.registrationInfo
    return {
      id: credential.id,
      publicKey: Buffer.from(credential.publicKey).toString('base64url'),
      counter: credential.counter,
      transports: credential.transports ?? [],
    }
  } catch {
    return null
  }
}

/** Options for signing in (discoverable: no user named) or re-authenticating (this user's keys). */
export async function authenticationOptions(
  db: Db,
  urls: Urls,
  purpose: 'passkey_login' | 'passkey_reauth',
  userId: string | null,
  now: Date,
) {
  const allow = userId ? await passkeyCredentials(db, userId) : []
  const options = await generateAuthenticationOptions({
    rpID: relyingParty(urls).rpID,
    userVerification: 'required',
    allowCredentials: allow.map((p) => ({
      id: p.id,
      transports: JSON.parse(p.transports) as AuthenticatorTransport[],
    })),
  })
  const challengeId = await storeChallenge(db, purpose, userId, options.challenge, now)
  return { challengeId, options }
}

/** The user the passkey belongs to, if the assertion verifies; updates its counter. */
export async function verifyAuthentication(
  db: Db,
  urls: Urls,
  purpose: 'passkey_login' | 'passkey_reauth',
  challengeId: string,
  response: { id: string },
  now: Date,
): Promise<{ userId: string; passkeyId: string } | null> {
  const challenge = await takeChallenge(db, challengeId, purpose, now)
  if (!challenge) return null
  const passkey = await findPasskey(db, response.id)
  if (!passkey || (challenge.user_id && passkey.user_id !== challenge.user_id)) return null
  const { origin, rpID } = relyingParty(urls)
  try {
    const result = await verifyAuthenticationResponse({
      response: response as Parameters<typeof verifyAuthenticationResponse>[0]['response'],
      expectedChallenge: challenge.challenge,
      expectedOrigin: origin,
      expectedRPID: rpID,
      requireUserVerification: true,
      credential: {
        id: passkey.id,
        publicKey: new Uint8Array(Buffer.from(passkey.public_key, 'base64url')),
        counter: Number(passkey.counter),
        transports: JSON.parse(passkey.transports) as AuthenticatorTransport[],
      },
    })
    if (!result.verified) return null
    await recordPasskeyUse(db, passkey.id, result.authenticationInfo.newCounter, now.toISOString())
    return { userId: passkey.user_id, passkeyId: passkey.id }
  } catch {
    return null
  }
}
