import { generate } from 'otplib'
import { beforeEach, expect, it } from 'vitest'
import type { AppContext } from '../src/app-context.js'
import { verifyAuditLog } from '../src/audit/audit-verify.js'
import { describeEachDialect } from './support/dialects.js'
import {
  buildCompartment,
  buildUser,
  sessionFrom,
  sessionHeaders,
  signIn,
  TEST_PASSWORD,
} from './support/factories.js'
import { testAppContext, testApps } from './support/test-app.js'

const ORIGIN = { Origin: 'http://localhost:3000', 'Sec-Fetch-Site': 'same-origin' }

describeEachDialect('sign-in, sessions and second factors', (ctx) => {
  let now: Date
  let app: AppContext
  beforeEach(async () => {
    await ctx.reset()
    now = new Date('2026-11-26T09:00:00Z')
    app = testAppContext(ctx.database(), { now: () => now })
  })

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    testApps(app).staff.request(`/api/v1${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...ORIGIN, ...headers },
      body: JSON.stringify(body),
    })
  const get = (path: string, headers: Record<string, string>) =>
    testApps(app).staff.request(`/api/v1${path}`, { headers: { ...ORIGIN, ...headers } })
  const login = (
    loginName: string,
    password = TEST_PASSWORD,
    headers: Record<string, string> = {},
  ) => post('/auth/login', { loginName, password }, headers)

  it('gives the same answer for an unknown account, a wrong password and a suspended account', async () => {
    await buildUser(app, { loginName: 'kenji' })
    await buildUser(app, { loginName: 'suspended-one', status: 'suspended' })
    const answers = []
    for (const [name, password] of [
      ['nobody-here', TEST_PASSWORD],
      ['kenji', 'wrong password!!'],
      ['suspended-one', TEST_PASSWORD],
    ] as const) {
      const res = await login(name, password)
      const body = await res.json()
      answers.push([
        res.status,
        body.error.code,
        body.error.message,
        res.headers.getSetCookie().length,
      ])
    }
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1)
    expect(answers[0]).toEqual([
      401,
      'invalid_credentials',
      'The login name or password is not correct.',
      0,
    ])
  })

  it('takes similar time for an unknown account as for a wrong password', async () => {
    await buildUser(app, { loginName: 'timing' })
    const time = async (name: string) => {
      const started = performance.now()
      await login(name, 'a wrong password here')
      return performance.now() - started
    }
    await time('timing') // warm up the decoy hash
    // Numeric sort: the default one compares as text ("108" < "77").
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[1] ?? 0
    const known = median([await time('timing'), await time('timing'), await time('timing')])
    const unknown = median([await time('nobody-1'), await time('nobody-2'), await time('nobody-3')])
    // Both verify an argon2id hash; the median differs by far less than the hash itself takes.
    expect(Math.abs(known - unknown)).toBeLessThan(Math.max(known, unknown) * 0.5)
  })

  it('signs in with a password, sets an HttpOnly SameSite=Strict cookie and reports the session', async () => {
    await buildUser(app, { loginName: 'amina' })
    const res = await login('amina')
    expect(await res.json()).toEqual({ stage: 'active', methods: [] })
    const cookie = res.headers.getSetCookie()[0] ?? ''
    expect(cookie).toMatch(
      /^haven_session=[\w-]{43}; Max-Age=43200; Path=\/; HttpOnly; SameSite=Strict$/,
    )
    const session = await get('/auth/session', sessionHeaders(sessionFrom(res) ?? ''))
    expect((await session.json()).user.loginName).toBe('amina')
  })

  it('uses a __Host- Secure cookie when Haven is served over HTTPS', async () => {
    app = testAppContext(ctx.database(), { env: { PUBLIC_URL: 'https://haven.example.org' } })
    await buildUser(app, { loginName: 'secure' })
    const res = await testApps(app).staff.request('https://haven.example.org/api/v1/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'https://haven.example.org' },
      body: JSON.stringify({ loginName: 'secure', password: TEST_PASSWORD }),
    })
    expect(res.headers.getSetCookie()[0]).toMatch(
      /^__Host-haven_session=[\w-]{43}; .*Path=\/; HttpOnly; Secure; SameSite=Strict$/,
    )
  })

  it('replaces a session id planted before sign-in (fixation)', async () => {
    const user = await buildUser(app, { loginName: 'fixed' })
    const planted = await signIn(app, user, { stage: 'mfa_pending' })
    const res = await login('fixed', TEST_PASSWORD, { Cookie: `haven_session=${planted.token}` })
    const fresh = sessionFrom(res)
    expect(fresh).toBeDefined()
    expect(fresh).not.toBe(planted.token)
    expect((await get('/auth/session', sessionHeaders(planted.token))).status).toBe(401)
  })

  it('requires the second step when a factor exists, and refuses a replayed TOTP code', async () => {
    const user = await buildUser(app, {
      loginName: 'totp-user',
      grants: [{ role: 'caseworker', compartmentId: (await buildCompartment(app)).id }],
    })
    // Enrol: password sign-in finds no factor and a role that requires one.
    const first = await login('totp-user')
    expect(await first.json()).toEqual({ stage: 'enroll_required', methods: [] })
    const pending = sessionHeaders(sessionFrom(first) ?? '')
    expect((await get('/users', pending)).status).toBe(403)
    const setup = await (await post('/account/totp/setup', undefined, pending)).json()
    expect(setup.uri).toMatch(/^otpauth:\/\/totp\//)
    const confirm = await post(
      '/account/totp/confirm',
      { code: await generate({ secret: setup.secret, epoch: now.getTime() / 1000 }) },
      pending,
    )
    expect(confirm.status).toBe(200)
    const { recoveryCodes } = await confirm.json()
    expect(recoveryCodes).toHaveLength(10)

    // Next sign-in: password, then a code. The same code is refused the second time.
    now = new Date(now.getTime() + 60_000)
    const second = await login('totp-user')
    expect(await second.json()).toEqual({ stage: 'mfa_pending', methods: ['totp', 'recovery'] })
    const halfway = sessionHeaders(sessionFrom(second) ?? '')
    expect((await get('/account', halfway)).status).toBe(403)
    const code = await generate({ secret: setup.secret, epoch: now.getTime() / 1000 })
    const done = await post('/auth/login/totp', { code }, halfway)
    expect(done.status).toBe(200)
    const active = sessionFrom(done)
    expect(active).not.toBe(sessionFrom(second))
    expect((await get('/account', sessionHeaders(active ?? ''))).status).toBe(200)

    const third = await login('totp-user')
    const replay = await post(
      '/auth/login/totp',
      { code },
      sessionHeaders(sessionFrom(third) ?? ''),
    )
    expect(replay.status).toBe(401)
    expect((await replay.json()).error.code).toBe('invalid_second_factor')

    // A recovery code works once.
    const recovery = recoveryCodes[0]
    expect(
      (
        await post(
          '/auth/login/recovery',
          { code: recovery },
          sessionHeaders(sessionFrom(third) ?? ''),
        )
      ).status,
    ).toBe(200)
    const fourth = await login('totp-user')
    expect(
      (
        await post(
          '/auth/login/recovery',
          { code: recovery },
          sessionHeaders(sessionFrom(fourth) ?? ''),
        )
      ).status,
    ).toBe(401)
    expect(user.id).toBeTruthy()
  })

  it('slows down guessing with growing delays, without locking the account for good', async () => {
    await buildUser(app, { loginName: 'target' })
    for (let i = 0; i < 5; i++) expect((await login('target', 'guess number one')).status).toBe(401)
    const sixth = await login('target', 'guess number six')
    expect(sixth.status).toBe(401)
    const blocked = await login('target')
    expect(blocked.status).toBe(429)
    expect(blocked.headers.get('Retry-After')).toBe('1')
    expect((await blocked.json()).error.code).toBe('rate_limited')
    now = new Date(now.getTime() + 1500)
    expect((await login('target')).status).toBe(200)
  })

  it('ends a session after 15 idle minutes and after 12 hours however active', async () => {
    const user = await buildUser(app)
    const idle = await signIn(app, user)
    now = new Date(now.getTime() + 16 * 60_000)
    expect((await get('/auth/session', idle.headers)).status).toBe(401)

    const busy = await signIn(app, user)
    for (let minutes = 10; minutes <= 12 * 60; minutes += 10) {
      now = new Date(now.getTime() + 10 * 60_000)
      const res = await get('/auth/session', busy.headers)
      if (minutes < 12 * 60) expect(res.status, `after ${minutes} min`).toBe(200)
      else expect(res.status).toBe(401)
    }
  })

  it('ends every session of a suspended user at their next request', async () => {
    const admin = await buildUser(app, { grants: [{ role: 'administrator', compartmentId: null }] })
    const worker = await buildUser(app)
    const adminSession = await signIn(app, admin)
    const phone = await signIn(app, worker)
    const laptop = await signIn(app, worker)
    const res = await testApps(app).staff.request(`/api/v1/users/${worker.id}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', ...adminSession.headers },
      body: JSON.stringify({ status: 'suspended' }),
    })
    expect(res.status).toBe(200)
    expect((await get('/auth/session', phone.headers)).status).toBe(401)
    expect((await get('/auth/session', laptop.headers)).status).toBe(401)
  })

  it('gives a session a new id at its next request after its privileges change', async () => {
    const admin = await buildUser(app, { grants: [{ role: 'administrator', compartmentId: null }] })
    const worker = await buildUser(app)
    const adminSession = await signIn(app, admin)
    const workerSession = await signIn(app, worker)
    const compartment = await buildCompartment(app)
    const granted = await post(
      '/grants',
      { userId: worker.id, role: 'field_worker', compartmentId: compartment.id },
      adminSession.headers,
    )
    expect(granted.status).toBe(201)
    const next = await get('/auth/session', workerSession.headers)
    expect(next.status).toBe(200)
    const rotated = sessionFrom(next)
    expect(rotated).toBeDefined()
    expect(rotated).not.toBe(workerSession.token)
    expect((await next.json()).grants.map((g: { role: string }) => g.role)).toEqual([
      'field_worker',
    ])
    expect((await get('/auth/session', workerSession.headers)).status).toBe(401)
  })

  it('lets a person see and end their other sessions, and signs out with Clear-Site-Data', async () => {
    const user = await buildUser(app)
    const here = await signIn(app, user)
    const there = await signIn(app, user)
    const list = await (await get('/account/sessions', here.headers)).json()
    expect(list).toHaveLength(2)
    const other = list.find((s: { current: boolean }) => !s.current)
    const ended = await testApps(app).staff.request(`/api/v1/account/sessions/${other.id}`, {
      method: 'DELETE',
      headers: here.headers,
    })
    expect(ended.status).toBe(200)
    expect((await get('/auth/session', there.headers)).status).toBe(401)
    const out = await post('/auth/logout', undefined, here.headers)
    expect(out.headers.get('Clear-Site-Data')).toBe('"cache", "cookies", "storage"')
    expect((await get('/auth/session', here.headers)).status).toBe(401)
  })

  it('refuses state-changing requests from another site', async () => {
    const user = await buildUser(app)
    const session = await signIn(app, user)
    const cross = await testApps(app).staff.request('/api/v1/account', {
      method: 'PATCH',
      headers: {
        'Content-Type': 'application/json',
        Cookie: `haven_session=${session.token}`,
        Origin: 'https://evil.example',
        'Sec-Fetch-Site': 'cross-site',
      },
      body: JSON.stringify({ locale: 'ja' }),
    })
    expect(cross.status).toBe(403)
    expect((await cross.json()).error.code).toBe('cross_site_request')
    const noOrigin = await testApps(app).staff.request('/api/v1/account', {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', Cookie: `haven_session=${session.token}` },
      body: JSON.stringify({ locale: 'ja' }),
    })
    expect(noOrigin.status).toBe(403)
  })

  it('sets a password only through a single-use link, never by an administrator', async () => {
    const admin = await buildUser(app, { grants: [{ role: 'administrator', compartmentId: null }] })
    const adminSession = await signIn(app, admin)
    const created = await (
      await post('/users', { loginName: 'newcomer', displayName: 'Newcomer' }, adminSession.headers)
    ).json()
    expect(created.user.hasPassword).toBe(false)
    expect(Object.keys(created.user)).not.toContain('password')
    const token = created.link.url.split('#token=')[1]
    expect((await post('/auth/password-link', { token, password: 'password1234' })).status).toBe(
      422,
    )
    expect(
      (await post('/auth/password-link', { token, password: 'a brand new passphrase' })).status,
    ).toBe(200)
    expect(
      (await post('/auth/password-link', { token, password: 'another new passphrase' })).status,
    ).toBe(410)
    expect((await login('newcomer', 'a brand new passphrase')).status).toBe(200)
  })

  it('writes an audit entry for each of these, without names or secrets, in one valid chain', async () => {
    await buildUser(app, { loginName: 'audited' })
    await login('audited', 'wrong password!!')
    const ok = await login('audited')
    await post('/auth/logout', undefined, sessionHeaders(sessionFrom(ok) ?? ''))
    const rows = await ctx
      .database()
      .db.selectFrom('audit_log')
      .selectAll()
      .orderBy('seq')
      .execute()
    expect(rows.map((r) => [r.action, r.outcome])).toEqual([
      ['auth.login', 'failure'],
      ['auth.login', 'success'],
      ['auth.logout', 'success'],
    ])
    const text = JSON.stringify(rows)
    expect(text).not.toContain('audited')
    expect(text).not.toContain(TEST_PASSWORD)
    expect(await verifyAuditLog(ctx.database().db)).toMatchObject({ ok: true, count: 3 })
  })
})
