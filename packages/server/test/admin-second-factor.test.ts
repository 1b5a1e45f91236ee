import { generate } from 'otplib'
import { beforeEach, expect, it } from 'vitest'
import type { AppContext } from '../src/app-context.js'
import { writeSetting } from '../src/auth/settings-store.js'
import { createSetupLink } from '../src/auth/setup-service.js'
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

/** The most powerful account is the best protected: administrators always use a second factor. */
describeEachDialect('administrators and their second factor', (ctx) => {
  let now: Date
  let app: AppContext
  beforeEach(async () => {
    await ctx.reset()
    now = new Date('2026-12-06T09:00:00Z')
    app = testAppContext(ctx.database(), { now: () => now })
  })

  const { send, post, get } = staffApi(() => app)

  it('makes the first administrator enrol a second factor before doing anything else', async () => {
    const link = await createSetupLink(app)
    const token = link?.url.split('#token=')[1] ?? ''
    const created = await post('/setup', {
      token,
      loginName: 'first-admin',
      displayName: 'First Admin',
      password: 'a long and private passphrase',
      locale: 'en',
    })
    expect(created.status).toBe(201)

    const login = await post('/auth/login', {
      loginName: 'first-admin',
      password: 'a long and private passphrase',
    })
    expect(await login.json()).toEqual({ stage: 'enroll_required', methods: [] })
    const pending = sessionHeaders(sessionFrom(login) ?? '')
    for (const [method, path, body] of [
      ['GET', '/users', undefined],
      ['POST', '/users', { loginName: 'someone', displayName: 'Someone', locale: 'en' }],
      ['GET', '/settings/security', undefined],
      ['PUT', '/settings/security', { mfaRequiredRoles: ['administrator'] }],
      ['GET', '/keys', undefined],
      ['GET', '/compartments', undefined],
    ] as const) {
      const refused = await send(method, path, body, pending)
      expect(refused.status, `${method} ${path}`).toBe(403)
      expect((await refused.json()).error.code).toBe('second_factor_enrollment_required')
    }
    const account = await get('/account', pending)
    expect(account.status).toBe(200)
    expect((await account.json()).secondFactorRequired).toBe(true)

    const setup = await (await post('/account/totp/setup', undefined, pending)).json()
    const code = await generate({ secret: setup.secret, epoch: now.getTime() / 1000 })
    const confirmed = await post('/account/totp/confirm', { code }, pending)
    expect(confirmed.status).toBe(200)
    const active = sessionHeaders(sessionFrom(confirmed) ?? '')
    expect((await get('/users', active)).status).toBe(200)

    // From now on a password alone is not enough.
    now = new Date(now.getTime() + 60_000)
    const again = await post('/auth/login', {
      loginName: 'first-admin',
      password: 'a long and private passphrase',
    })
    expect(await again.json()).toEqual({ stage: 'mfa_pending', methods: ['totp', 'recovery'] })
  })

  it('refuses settings that would let administrators sign in without a second factor', async () => {
    const admin = await buildUser(app, { grants: [{ role: 'administrator', compartmentId: null }] })
    const session = await signIn(app, admin)
    const refused = await send(
      'PUT',
      '/settings/security',
      { mfaRequiredRoles: [] },
      session.headers,
    )
    expect(refused.status).toBe(422)
    expect((await refused.json()).error.fields).toEqual({
      mfaRequiredRoles:
        'Administrators always need a second factor: they manage users, grants and keys.',
    })
    const settings = await (await get('/settings/security', session.headers)).json()
    expect(settings.mfaRequiredRoles).toEqual(['administrator', 'coordinator', 'caseworker'])
    const roles = await (await get('/roles', session.headers)).json()
    expect(
      roles.find((r: { role: string }) => r.role === 'administrator').secondFactorRequired,
    ).toBe(true)
  })

  it('requires it also where an older install stored a choice without administrators', async () => {
    await writeSetting(
      ctx.database().db,
      'security.mfa_required_roles',
      JSON.stringify(['caseworker']),
      now.toISOString(),
    )
    await buildUser(app, {
      loginName: 'older-admin',
      grants: [{ role: 'administrator', compartmentId: null }],
    })
    const login = await post('/auth/login', { loginName: 'older-admin', password: TEST_PASSWORD })
    expect(await login.json()).toEqual({ stage: 'enroll_required', methods: [] })
  })
})
