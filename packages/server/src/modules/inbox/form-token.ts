import { createHmac, timingSafeEqual } from 'node:crypto'

/** A person needs a few seconds to write anything; robots post at once. */
export const MIN_FILL_MS = 3000
/** A form left open longer than this is sent back to be confirmed (nothing typed is lost). */
export const MAX_FORM_AGE_MS = 24 * 60 * 60_000

export type TokenCheck = 'ok' | 'too_fast' | 'expired' | 'invalid'

function sign(key: Buffer, issuedAt: number): string {
  return createHmac('sha256', key).update(`form:${issuedAt}`).digest('base64url').slice(0, 22)
}

/** The time the form was served, signed so it cannot be forged or moved back. */
export function issueFormToken(key: Buffer, now: Date): string {
  const issuedAt = now.getTime()
  return `${issuedAt}.${sign(key, issuedAt)}`
}

/** Whether a submission took a human amount of time since its form was served. */
export function checkFormToken(key: Buffer, token: unknown, now: Date): TokenCheck {
  if (typeof token !== 'string' || token.length > 64) return 'invalid'
  const match = /^(\d{10,16})\.([A-Za-z0-9_-]{22})$/.exec(token)
  if (!match?.[1] || !match[2]) return 'invalid'
  const issuedAt = Number(match[1])
  const expected = Buffer.from(sign(key, issuedAt))
  const given = Buffer.from(match[2])
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'invalid'
  const age = now.getTime() - issuedAt
  if (age < MIN_FILL_MS) return 'too_fast'
  if (age > MAX_FORM_AGE_MS) return 'expired'
  return 'ok'
}
