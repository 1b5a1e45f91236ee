import { generate } from 'otplib'
import { beforeEach, expect, it } from 'vitest'
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

/** A person's own credentials: changing the password, confirming it is them, and resets. */
describeEachDialect('account security', (ctx) => {
  let now: Date
  let app: AppContext
  beforeEach(async () => {
    await ctx.reset()
    now = new Date('2026-12-06T09:00:00Z')
    app = testAppContext(ctx.database(), { now: () => now })
  })

  const { post, get } = staffApi(() => app)
  const session = (headers: Record<string, string>) => get('/auth/session', headers)

  it('changes the password only with the current one; the old one stops working, other sessions end, this one gets a new id', async () => {
    const user = await buildUser(app, { loginName: 'changer' })
    const here = await signIn(app, user)
    const there = await signIn(app, user)
    const wrong = await post(
      '/account/password',
      { currentPassword: 'not the current one', newPassword: 'a brand new passphrase' },
      here.headers,
    )
    expect(wrong.status).toBe(401)
    const changed = await post(
      '/account/password',
      { currentPassword: TEST_PASSWORD, newPassword: 'a brand new passphrase' },
      here.headers,
    )
    expect(changed.status).toBe(200)
    const renewed = sessionFrom(changed)
    expect(renewed).toBeDefined()
    expect(renewed).not.toBe(here.token)
    expect((await session(sessionHeaders(renewed ?? ''))).status).toBe(200)
    expect((await session(here.headers)).status).toBe(401)
    expect((await session(there.headers)).status).toBe(401)
    const old = await post('/auth/login', { loginName: 'changer', password: TEST_PASSWORD })
    expect(old.status).toBe(401)
    const fresh = await post('/auth/login', {
      loginName: 'changer',
      password: 'a brand new passphrase',
    })
    expect(fresh.status).toBe(200)
  })

  it('gives the session a new id when its owner confirms it is them, and ends the old id', async () => {
    const user = await buildUser(app)
    const before = await signIn(app, user, { reauth: false })
    const confirmed = await post('/account/reauth', { password: TEST_PASSWORD }, before.headers)
    expect(confirmed.status).toBe(200)
    const after = sessionFrom(confirmed)
    expect(after).toBeDefined()
    expect(after).not.toBe(before.token)
    expect((await session(before.headers)).status).toBe(401)
    expect((await session(sessionHeaders(after ?? ''))).status).toBe(200)
  })

  it('a password chosen through a reset link does not skip the second factor', async () => {
    const admin = await buildUser(app, { grants: [{ role: 'administrator', compartmentId: null }] })
    const adminSession = await signIn(app, admin)
    const user = await buildUser(app, {
      loginName: 'forgetful',
      grants: [{ role: 'auditor', compartmentId: null }],
    })
    const first = await post('/auth/login', { loginName: 'forgetful', password: TEST_PASSWORD })
    const own = sessionHeaders(sessionFrom(first) ?? '')
    const setup = await (await post('/account/totp/setup', undefined, own)).json()
    const code = await generate({ secret: setup.secret, epoch: now.getTime() / 1000 })
    expect((await post('/account/totp/confirm', { code }, own)).status).toBe(200)

    const link = await (
      await post(`/users/${user.id}/password-link`, undefined, adminSession.headers)
    ).json()
    const token = link.url.split('#token=')[1]
    expect(
      (await post('/auth/password-link', { token, password: 'remembered this time' })).status,
    ).toBe(200)
    const login = await post('/auth/login', {
      loginName: 'forgetful',
      password: 'remembered this time',
    })
    expect(await login.json()).toEqual({ stage: 'mfa_pending', methods: ['totp', 'recovery'] })
  })
})
