import { createHmac } from 'node:crypto'
import type { Context } from 'hono'
import type { AppContext } from '../app-context.js'
import { errors } from '../http/errors.js'
import { HavenError } from '../http/haven-error.js'
import { clientAddress } from './client-address.js'
import { throttleSecret } from './settings-store.js'
import { claimAttempt, clearCounters, type ThrottleLimit, uncount } from './throttle-store.js'

/**
 * Growing delays for guessed secrets, kept in the database so every server instance sees them.
 * Each attempt is counted *before* the secret is checked, in one statement that also decides
 * (see claimAttempt): a burst of simultaneous guesses is limited exactly like the same guesses
 * sent one after another. A success forgets the account's counters and takes the attempt back
 * from the client's. Nothing is ever locked for good.
 *
 * Three counters per secret: the account from this client (tight), the client across accounts
 * (tight), and the account from anywhere (capped, so someone spraying from many addresses cannot
 * lock a colleague out of signing in for long).
 */
export type GuessKind = 'sign-in' | 'second-factor' | 'reauth' | 'link'
export type ThrottleScope = 'account+client' | 'client' | 'account'

export interface ThrottleRule extends ThrottleLimit {
  scope: ThrottleScope
}

export const THROTTLE_RULES: Readonly<Record<GuessKind, readonly ThrottleRule[]>> = {
  // Passwords: the account-wide counter stops at a minute so nobody can lock a colleague out.
  'sign-in': [
    { scope: 'account+client', freeFailures: 5, maxDelayMs: 15 * 60_000 },
    { scope: 'client', freeFailures: 20, maxDelayMs: 15 * 60_000 },
    { scope: 'account', freeFailures: 10, maxDelayMs: 60_000 },
  ],
  // Codes: whoever is guessing already has the password, so there is no colleague to protect
  // from a lock-out; 3 of a million codes are valid at once, so the account-wide counter is as
  // tight as the others (about a hundred guesses a day at most, from any number of addresses).
  'second-factor': [
    { scope: 'account+client', freeFailures: 5, maxDelayMs: 15 * 60_000 },
    { scope: 'client', freeFailures: 20, maxDelayMs: 15 * 60_000 },
    { scope: 'account', freeFailures: 5, maxDelayMs: 15 * 60_000 },
  ],
  // Re-authentication and changing one's password: a stolen session cookie must not become a
  // fast password oracle. Only the session's owner can be locked out of sensitive actions here.
  reauth: [
    { scope: 'account+client', freeFailures: 5, maxDelayMs: 15 * 60_000 },
    { scope: 'client', freeFailures: 20, maxDelayMs: 15 * 60_000 },
    { scope: 'account', freeFailures: 5, maxDelayMs: 15 * 60_000 },
  ],
  // Setup and password links carry 256 random bits: the client counter only stops a scanner.
  link: [{ scope: 'client', freeFailures: 20, maxDelayMs: 15 * 60_000 }],
}

/**
 * Keys are keyed hashes: the table never holds a login name or an IP address in the clear. The
 * key comes from the organisation's settings (see throttleSecret).
 */
export function throttleKeys(
  secret: string,
  kind: GuessKind,
  account: string,
  client: string,
): Record<ThrottleScope, string> {
  const h = (value: string) =>
    createHmac('sha256', secret).update(`${kind}\0${value}`).digest('base64url').slice(0, 32)
  return {
    'account+client': h(`ac:${account}\0${client}`),
    client: h(`c:${client}`),
    account: h(`a:${account}`),
  }
}

/** What to do once the guessed secret was checked. A failure was already counted. */
export interface GuessAttempt {
  succeeded(): Promise<void>
}

/**
 * Counts a guess at a secret of `account` (a login name, `user:<id>`; '' for links) from this
 * request's client, or throws 429 `rate_limited` with the seconds to wait. Call it before
 * checking the secret, and `succeeded()` when it was right.
 */
export async function claimGuess(
  app: AppContext,
  c: Context,
  kind: GuessKind,
  account: string,
): Promise<GuessAttempt> {
  const db = app.database.db
  const now = app.now()
  const keys = throttleKeys(
    await throttleSecret(db, now.toISOString()),
    kind,
    account,
    clientAddress(c, app.config.trustProxy),
  )
  const rules = THROTTLE_RULES[kind]
  const claim = await claimAttempt(
    db,
    rules.map((rule) => ({ key: keys[rule.scope], limit: rule })),
    now,
  )
  if (!claim.allowed) throw errors.rateLimited(Math.max(1, Math.ceil(claim.waitMs / 1000)))
  const key = (scope: ThrottleScope) => (rules.some((r) => r.scope === scope) ? [keys[scope]] : [])
  return {
    async succeeded() {
      await clearCounters(db, [...key('account+client'), ...key('account')])
      await uncount(db, key('client'))
    },
  }
}

/**
 * Runs `work` as one counted guess at a link's token: it stays counted only when `work` fails
 * with one of `wrongCodes` (the token was wrong); any other outcome takes the attempt back.
 */
export async function asLinkGuess<T>(
  app: AppContext,
  c: Context,
  wrongCodes: readonly string[],
  work: () => Promise<T>,
): Promise<T> {
  const attempt = await claimGuess(app, c, 'link', '')
  try {
    const result = await work()
    await attempt.succeeded()
    return result
  } catch (error) {
    if (!(error instanceof HavenError && wrongCodes.includes(error.code))) await attempt.succeeded()
    throw error
  }
}
