import { randomBytes } from 'node:crypto'
import { generate } from 'otplib'
import { beforeEach, describe, expect, it } from 'vitest'
import type { AppContext } from '../src/app-context.js'
import { describeEachDialect } from './support/dialects.js'
import {
  buildUser,
  sessionFrom,
  sessionHeaders,
  signIn,
  TEST_PASSWORD,
} from './support/factories.js'
import { staffApi } from './support/staff-api.js'
import { testAppContext } from './support/test-app.js'

const BURSTS = [30, 60, 100] as const

/** A code in the right shape that is not one of the user's (80 random bits). */
function wrongRecoveryCode(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
  const chars = Array.from(randomBytes(16), (b) => alphabet[b % 32]).join('')
  return chars.match(/.{4}/g)?.join('-') ?? chars
}

/** Statuses of `n` requests sent at the same instant, counted: { 401: 6, 429: 24 }. */
async function burst(n: number, send: (i: number) => Response | Promise<Response>) {
  const answers = await Promise.all(Array.from({ length: n }, (_, i) => send(i)))
  const counts: Record<number, number> = {}
  for (const r of answers) counts[r.status] = (counts[r.status] ?? 0) + 1
  return counts
}

/**
 * Every guessed secret, attacked by bursts of simultaneous guesses: each is limited exactly as
 * the same guesses one after another would be (5 free, then one more that starts the delay;
 * 20 + 1 for links), on both databases. The clock is pinned, so "simultaneous" is exact.
 */
describeEachDialect('guessing limits under concurrency', (ctx) => {
  let now: Date
  let app: AppContext
  beforeEach(async () => {
    await ctx.reset()
    now = new Date('2026-12-06T09:00:00Z')
    app = testAppContext(ctx.database(), { now: () => now, env: { TRUST_PROXY: 'true' } })
  })

  const { post } = staffApi(() => app)
  const from = (address: string, headers: Record<string, string> = {}) => ({
    ...headers,
    'X-Forwarded-For': address,
  })

  /** A user who enrolled an authenticator app through the API; returns its secret. */
  async function userWithTotp(loginName: string): Promise<string> {
    const user = await buildUser(app, {
      loginName,
      grants: [{ role: 'administrator', compartmentId: null }],
    })
    const enrol = await post('/auth/login', { loginName, password: TEST_PASSWORD })
    expect(await enrol.json()).toEqual({ stage: 'enroll_required', methods: [] })
    const pending = sessionHeaders(sessionFrom(enrol) ?? '')
    const setup = await (await post('/account/totp/setup', undefined, pending)).json()
    const code = await generate({ secret: setup.secret, epoch: now.getTime() / 1000 })
    expect((await post('/account/totp/confirm', { code }, pending)).status).toBe(200)
    expect(user.id).toBeTruthy()
    return setup.secret
  }

  /** A half-finished sign-in waiting for its second factor, from `address`. */
  async function pendingSignIn(loginName: string, address: string) {
    const res = await post('/auth/login', { loginName, password: TEST_PASSWORD }, from(address))
    expect((await res.json()).stage).toBe('mfa_pending')
    return sessionHeaders(sessionFrom(res) ?? '')
  }

  for (const n of BURSTS) {
    describe(`${n} at once`, () => {
      it('sign-in: evaluates 6 wrong passwords for one account and refuses the rest', async () => {
        await buildUser(app, { loginName: 'target' })
        const counts = await burst(n, (i) =>
          post('/auth/login', { loginName: 'target', password: `wrong guess ${i}!!` }),
        )
        expect(counts).toEqual({ 401: 6, 429: n - 6 })
        const failures = await ctx
          .database()
          .db.selectFrom('audit_log')
          .select('seq')
          .where('action', '=', 'auth.login')
          .where('outcome', '=', 'failure')
          .execute()
        expect(failures).toHaveLength(6)
      })

      it('sign-in: evaluates 21 guesses from one client spread over many accounts', async () => {
        const counts = await burst(n, (i) =>
          post('/auth/login', { loginName: `someone-${i}`, password: 'wrong guess here' }),
        )
        expect(counts).toEqual({ 401: 21, 429: n - 21 })
      })

      it('authenticator codes: evaluates 6, and a second burst from another address 1', async () => {
        await userWithTotp('coded')
        const pending = await pendingSignIn('coded', '198.51.100.7')
        const wrong = (i: number) => String((123456 + i * 7919) % 1_000_000).padStart(6, '0')
        const first = await burst(n, (i) =>
          post('/auth/login/totp', { code: wrong(i) }, from('198.51.100.7', pending)),
        )
        expect(first[401]).toBe(6)
        expect(first[429]).toBe(n - 6)
        // 61 s later, from elsewhere: the account's own counter still holds.
        now = new Date(now.getTime() + 61_000)
        const elsewhere = await pendingSignIn('coded', '203.0.113.50')
        const second = await burst(n, (i) =>
          post('/auth/login/totp', { code: wrong(n + i) }, from('203.0.113.50', elsewhere)),
        )
        expect(second).toEqual({ 401: 1, 429: n - 1 })
      })

      it('recovery codes: evaluates 6 wrong ones', async () => {
        await userWithTotp('recovering')
        const pending = await pendingSignIn('recovering', '198.51.100.8')
        const counts = await burst(n, () =>
          post(
            '/auth/login/recovery',
            { code: wrongRecoveryCode() },
            from('198.51.100.8', pending),
          ),
        )
        expect(counts).toEqual({ 401: 6, 429: n - 6 })
      })

      it('re-authentication: evaluates 6 wrong passwords from a signed-in session', async () => {
        const user = await buildUser(app)
        const session = await signIn(app, user, { reauth: false })
        const counts = await burst(n, (i) =>
          post('/account/reauth', { password: `not my password ${i}` }, session.headers),
        )
        expect(counts).toEqual({ 401: 6, 429: n - 6 })
      })

      it('changing one’s password: the current password is guessed under the same limit', async () => {
        const user = await buildUser(app)
        const session = await signIn(app, user)
        const counts = await burst(n, (i) =>
          post(
            '/account/password',
            { currentPassword: `not my password ${i}`, newPassword: 'a brand new passphrase' },
            session.headers,
          ),
        )
        expect(counts).toEqual({ 401: 6, 429: n - 6 })
      })

      it('password and setup links: evaluates 21 wrong tokens from one client', async () => {
        const token = () => randomBytes(32).toString('base64url')
        const setup = await burst(n, () => post('/setup/check', { token: token() }))
        expect(setup).toEqual({ 410: 21, 429: n - 21 })
        const other = from('192.0.2.99')
        const reset = await burst(n, () =>
          post('/auth/password-link/check', { token: token() }, other),
        )
        expect(reset).toEqual({ 410: 21, 429: n - 21 })
      })
    })
  }

  it('waits the growing delay, then evaluates one more; a right password clears the account', async () => {
    await buildUser(app, { loginName: 'patient' })
    const wrong = () => post('/auth/login', { loginName: 'patient', password: 'not it at all' })
    expect(await burst(10, wrong)).toEqual({ 401: 6, 429: 4 })
    const refused = await wrong()
    expect(refused.headers.get('Retry-After')).toBe('1')
    now = new Date(now.getTime() + 1000)
    expect(await burst(10, wrong)).toEqual({ 401: 1, 429: 9 })
    now = new Date(now.getTime() + 2000)
    const right = await post('/auth/login', { loginName: 'patient', password: TEST_PASSWORD })
    expect(right.status).toBe(200)
    expect(await burst(10, wrong)).toEqual({ 401: 6, 429: 4 })
  })

  it('does not count colleagues’ successful sign-ins from one office address against it', async () => {
    for (let i = 0; i < 30; i++) await buildUser(app, { loginName: `colleague-${i}` })
    const counts = await burst(30, (i) =>
      post('/auth/login', { loginName: `colleague-${i}`, password: TEST_PASSWORD }),
    )
    // Counted before the password is checked, each success is taken back afterwards: a burst of
    // 30 may briefly exceed the client's 20, later sign-ins from the office are never held up.
    expect((counts[200] ?? 0) + (counts[429] ?? 0)).toBe(30)
    expect(counts[200]).toBeGreaterThanOrEqual(21)
    now = new Date(now.getTime() + 2000)
    for (let i = 0; i < 30; i++)
      expect(
        (await post('/auth/login', { loginName: `colleague-${i}`, password: TEST_PASSWORD }))
          .status,
      ).toBe(200)
  })
})
