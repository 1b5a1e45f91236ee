import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { checkFormToken, issueFormToken, MAX_FORM_AGE_MS, MIN_FILL_MS } from './form-token.js'
import { clientBucket } from './intake-rate-limit.js'

const key = randomBytes(32)
const t0 = new Date('2026-11-26T10:00:00Z')
const later = (ms: number) => new Date(t0.getTime() + ms)

describe('form fill time', () => {
  it('accepts a form sent after a human pause, refuses one sent at once or days later', () => {
    const token = issueFormToken(key, t0)
    expect(checkFormToken(key, token, later(MIN_FILL_MS - 1))).toBe('too_fast')
    expect(checkFormToken(key, token, later(MIN_FILL_MS))).toBe('ok')
    expect(checkFormToken(key, token, later(MAX_FORM_AGE_MS + 1))).toBe('expired')
  })

  it('refuses a token that was forged, moved back in time, or signed with another key', () => {
    const token = issueFormToken(key, t0)
    const [, mac] = token.split('.')
    expect(checkFormToken(key, `${t0.getTime() - 60_000}.${mac}`, later(10_000))).toBe('invalid')
    expect(checkFormToken(randomBytes(32), token, later(10_000))).toBe('invalid')
    for (const bad of [undefined, '', 'x', `${'9'.repeat(100)}.abc`, ['a'], 12])
      expect(checkFormToken(key, bad, later(10_000))).toBe('invalid')
  })
})

describe('rate-limit buckets', () => {
  it('never hold the address, and change every day', () => {
    const a = clientBucket(key, '203.0.113.7', t0)
    expect(a).not.toContain('203')
    expect(a).toBe(clientBucket(key, '203.0.113.7', later(60_000)))
    expect(a).not.toBe(clientBucket(key, '203.0.113.7', later(24 * 3600_000)))
    expect(a).not.toBe(clientBucket(key, '203.0.113.8', t0))
    expect(a).not.toBe(clientBucket(randomBytes(32), '203.0.113.7', t0))
  })
})
