import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { generate } from 'otplib'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyAuditLog } from '../src/audit/audit-verify.js'
import { openDatabase } from '../src/db/database.js'
import { type RunningServer, startServer } from './support/cli.js'
import { buildCompartment, buildUser, signIn, TEST_PASSWORD } from './support/factories.js'
import { MIGRATIONS } from './support/migrations.js'
import { testAppContext } from './support/test-app.js'

const PG_URL = process.env.HAVEN_TEST_PG_URL
const BURSTS = [30, 60, 100] as const
const IN_CI = process.env.CI === 'true'

/**
 * Two Haven processes on one PostgreSQL database behave as one system: shared sessions, one
 * migration run, one audit chain, and one daily cap when distributions race through both.
 */
const suite = PG_URL ? describe : IN_CI ? describe : describe.skip
suite(`two servers, one PostgreSQL${PG_URL ? '' : ' (skipped: HAVEN_TEST_PG_URL is not set)'}`, () => {
  const name = `haven_two_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`
  let url = ''
  let a: RunningServer
  let b: RunningServer
  // Same database, same master key (from the environment), separate data folders: two machines.
  const masterKey = randomBytes(32)

  beforeAll(async () => {
    if (!PG_URL) throw new Error('CI=true but HAVEN_TEST_PG_URL is not set')
    const admin = new pg.Client({ connectionString: PG_URL })
    await admin.connect()
    await admin.query(`create database ${name}`)
    await admin.end()
    const target = new URL(PG_URL)
    target.pathname = `/${name}`
    url = target.toString()
    // Behind a (pretend) proxy: X-Forwarded-For gives each burst its own client address.
    const env = (dir: string) => ({
      DATA_DIR: dir,
      DATABASE_URL: url,
      HAVEN_MASTER_KEY: masterKey.toString('base64'),
      TRUST_PROXY: 'true',
    })
    ;[a, b] = await Promise.all([
      startServer(env(mkdtempSync(join(tmpdir(), 'haven-a-')))),
      startServer(env(mkdtempSync(join(tmpdir(), 'haven-b-')))),
    ])
  }, 120_000)

  afterAll(async () => {
    await a?.stop()
    await b?.stop()
    if (PG_URL) {
      const admin = new pg.Client({ connectionString: PG_URL })
      await admin.connect()
      await admin.query(`drop database if exists ${name} with (force)`)
      await admin.end()
    }
  })

  const base = (s: RunningServer) => `http://localhost:${s.ports.combined}`
  const post = (
    s: RunningServer,
    path: string,
    body: unknown,
    cookie?: string,
    client = '192.0.2.1',
  ) =>
    fetch(`${base(s)}/api/v1${path}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Origin: base(s),
        'Sec-Fetch-Site': 'same-origin',
        'X-Forwarded-For': client,
        ...(cookie ? { Cookie: cookie } : {}),
      },
      body: JSON.stringify(body),
    })
  const cookieFrom = (res: Response) => (res.headers.getSetCookie()[0] ?? '').split(';')[0] ?? ''
  /** Statuses of `n` requests sent at once, alternating between the two servers: { 401: 6, 429: 24 }. */
  const burst = async (
    n: number,
    send: (server: RunningServer, i: number) => Promise<Response>,
  ) => {
    const answers = await Promise.all(Array.from({ length: n }, (_, i) => send(i % 2 ? a : b, i)))
    const counts: Record<number, number> = {}
    for (const r of answers) counts[r.status] = (counts[r.status] ?? 0) + 1
    return counts
  }

  it('counts wrong setup links across both servers: 21 of each burst evaluated', async () => {
    for (const [k, n] of BURSTS.entries()) {
      const counts = await burst(n, (s) =>
        post(
          s,
          '/setup/check',
          { token: randomBytes(32).toString('base64url') },
          undefined,
          `198.51.100.${k}`,
        ),
      )
      expect(counts, `${n} at once`).toEqual({ 410: 21, 429: n - 21 })
    }
  })
  const session = (s: RunningServer, cookie: string) =>
    fetch(`${base(s)}/api/v1/auth/session`, { headers: { Cookie: cookie } })

  it('ran each migration exactly once although both started together', async () => {
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    const rows = await client.query<{ name: string }>(
      'select name from haven_migrations order by name',
    )
    await client.end()
    expect(rows.rows.map((r) => r.name)).toEqual(Object.keys(MIGRATIONS).sort())
  })

  it('shares sessions: signed in on one, valid on the other; signed out on the other, ended on both; the administrator enrols a second factor first', async () => {
    const link = /#token=([\w-]+)/.exec(a.stderr())?.[1] ?? ''
    const created = await post(a, '/setup', {
      token: link,
      loginName: 'admin',
      displayName: 'Admin',
      password: 'a long shared passphrase',
      locale: 'en',
    })
    expect(created.status).toBe(201)
    const login = await post(a, '/auth/login', {
      loginName: 'admin',
      password: 'a long shared passphrase',
    })
    expect(login.status).toBe(200)
    expect(await login.clone().json()).toEqual({ stage: 'enroll_required', methods: [] })
    const pending = cookieFrom(login)
    expect((await session(a, pending)).status).toBe(200)
    expect((await session(b, pending)).status).toBe(200)
    // An administrator must enrol a second factor before anything else: started on one server,
    // confirmed on the other.
    const setup = await (await post(a, '/account/totp/setup', undefined, pending)).json()
    const confirmed = await post(
      b,
      '/account/totp/confirm',
      { code: await generate({ secret: setup.secret }) },
      pending,
    )
    expect(confirmed.status).toBe(200)
    const cookie = cookieFrom(confirmed)
    expect((await session(a, cookie)).status).toBe(200)
    expect((await session(b, cookie)).status).toBe(200)
    expect((await post(b, '/auth/logout', {}, cookie)).status).toBe(200)
    expect((await session(a, cookie)).status).toBe(401)
    expect((await session(b, cookie)).status).toBe(401)
  })

  it('keeps one valid audit chain under concurrent writes from both', async () => {
    await Promise.all(
      // From 30 addresses: one address is held to 21 guesses, and every attempt must be written.
      Array.from({ length: 30 }, (_, i) =>
        post(
          i % 2 ? a : b,
          '/auth/login',
          { loginName: `nobody-${i}`, password: 'wrong password here' },
          undefined,
          `203.0.113.${i}`,
        ),
      ),
    )
    const database = await openDatabase({ kind: 'postgres', url, poolSize: 2 })
    try {
      const result = await verifyAuditLog(database.db)
      expect(result.ok).toBe(true)
      expect(result.count).toBeGreaterThanOrEqual(33)
    } finally {
      await database.close()
    }
  })

  it('limits bursts of guesses at every secret exactly as one server does, whichever server each guess reaches', async () => {
    const database = await openDatabase({ kind: 'postgres', url, poolSize: 2 })
    try {
      const app = testAppContext(database, { masterKey })
      for (const [k, n] of BURSTS.entries()) {
        const client = (secret: number) => `10.${k}.${secret}.1`
        const wrongCode = (i: number) => String((100_000 + i * 7919) % 1_000_000).padStart(6, '0')
        const expectSix = (counts: Record<number, number>, what: string) =>
          expect(counts, `${what}, ${n} at once`).toEqual({ 401: 6, 429: n - 6 })

        // Passwords at sign-in.
        const target = await buildUser(app)
        expectSix(
          await burst(n, (s, i) =>
            post(
              s,
              '/auth/login',
              { loginName: target.loginName, password: `wrong ${i} guess` },
              undefined,
              client(1),
            ),
          ),
          'sign-in',
        )

        // Authenticator and recovery codes, after a password sign-in that left the second step.
        for (const [path, code] of [
          ['/auth/login/totp', wrongCode],
          ['/auth/login/recovery', () => 'AAAA-BBBB-CCCC-DDDD'],
        ] as const) {
          const user = await buildUser(app)
          const login = await post(
            a,
            '/auth/login',
            { loginName: user.loginName, password: TEST_PASSWORD },
            undefined,
            client(2),
          )
          const enrolling = cookieFrom(login)
          const setup = await (
            await post(a, '/account/totp/setup', undefined, enrolling, client(2))
          ).json()
          const done = await post(
            b,
            '/account/totp/confirm',
            { code: await generate({ secret: setup.secret }) },
            enrolling,
            client(2),
          )
          expect(done.status).toBe(200)
          const second = await post(
            b,
            '/auth/login',
            { loginName: user.loginName, password: TEST_PASSWORD },
            undefined,
            client(3),
          )
          expect((await second.clone().json()).stage).toBe('mfa_pending')
          const halfway = cookieFrom(second)
          expectSix(
            await burst(n, (s, i) => post(s, path, { code: code(i) }, halfway, client(3))),
            path,
          )
        }

        // The password again, from a signed-in session: to re-authenticate, and to change it.
        for (const [path, body] of [
          ['/account/reauth', (i: number) => ({ password: `not mine ${i}!!` })],
          [
            '/account/password',
            (i: number) => ({
              currentPassword: `not mine ${i}!!`,
              newPassword: 'a brand new passphrase',
            }),
          ],
        ] as const) {
          const user = await buildUser(app)
          const cookie = `haven_session=${(await signIn(app, user)).token}`
          expectSix(await burst(n, (s, i) => post(s, path, body(i), cookie, client(4))), path)
        }

        // Password links: 256 random bits, so only the client is held (20 free).
        expect(
          await burst(n, (s) =>
            post(
              s,
              '/auth/password-link/check',
              { token: randomBytes(32).toString('base64url') },
              undefined,
              client(5),
            ),
          ),
          `password links, ${n} at once`,
        ).toEqual({ 410: 21, 429: n - 21 })
      }
    } finally {
      await database.close()
    }
  })

  it('accepts exactly 20 of 21 distributions against a cap of 20 when they race through both servers', async () => {
    // Staff and their sessions are written straight into the shared database (as the servers
    // would after a sign-in); the distributions themselves go through both servers' HTTP API.
    const database = await openDatabase({ kind: 'postgres', url, poolSize: 2 })
    try {
      const app = testAppContext(database, { masterKey })
      const shelter = await buildCompartment(app, 'TWO-01')
      const cookieOf = async (role: 'coordinator' | 'field_worker' | 'finance') => {
        const user = await buildUser(app, { grants: [{ role, compartmentId: shelter.id }] })
        return `haven_session=${(await signIn(app, user)).token}`
      }
      const [coordinator, worker, finance] = [
        await cookieOf('coordinator'),
        await cookieOf('field_worker'),
        await cookieOf('finance'),
      ]
      const rate = { date: '2026-01-01', base: 'CNY', quote: 'JPY', rate: '15' }
      expect((await post(a, '/exchange-rates', rate, finance)).status).toBe(201)
      const policy = await post(
        b,
        '/allowance-policies',
        {
          compartmentId: shelter.id,
          validFrom: '2026-01-01',
          amount: '20',
          currency: 'CNY',
          buysGrams: 10_000,
          dailyCap: 20,
          monthlyCap: '180000',
          monthlyCapCurrency: 'JPY',
          rationGrams: 500,
        },
        coordinator,
      )
      expect(policy.status).toBe(201)
      // Yesterday: a day that is never in the future, whenever this runs.
      const day = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10)
      const answers = await Promise.all(
        Array.from({ length: 21 }, (_, i) =>
          post(
            i % 2 ? a : b,
            '/distributions',
            { compartmentId: shelter.id, day, headcount: 1 },
            worker,
          ),
        ),
      )
      const statuses = answers.map((r) => r.status)
      expect(statuses.filter((s) => s === 201)).toHaveLength(20)
      expect(statuses.filter((s) => s === 409)).toHaveLength(1)
      const refused = answers.find((r) => r.status === 409)
      expect((await refused?.json())?.error?.code).toBe('daily_cap_reached')
    } finally {
      await database.close()
    }
  })
})
