import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyAuditLog } from '../src/audit/audit-verify.js'
import { openDatabase } from '../src/db/database.js'
import { type RunningServer, startServer } from './support/cli.js'
import { buildCompartment, buildUser, signIn } from './support/factories.js'
import { MIGRATIONS } from './support/migrations.js'
import { testAppContext } from './support/test-app.js'

const PG_URL = process.env.HAVEN_TEST_PG_URL
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
    const env = (dir: string) => ({
      DATA_DIR: dir,
      DATABASE_URL: url,
      HAVEN_MASTER_KEY: masterKey.toString('base64'),
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
  const post = (s: RunningServer, path: string, body: unknown, cookie?: string) =>
    fetch(`${base(s)}/api/v1${path}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Origin: base(s),
        'Sec-Fetch-Site': 'same-origin',
        ...(cookie ? { Cookie: cookie } : {}),
      },
      body: JSON.stringify(body),
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

  it('shares sessions: signed in on one, valid on the other; signed out on the other, ended on both', async () => {
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
    const cookie = (login.headers.getSetCookie()[0] ?? '').split(';')[0] ?? ''
    expect((await session(a, cookie)).status).toBe(200)
    expect((await session(b, cookie)).status).toBe(200)
    expect((await post(b, '/auth/logout', {}, cookie)).status).toBe(200)
    expect((await session(a, cookie)).status).toBe(401)
    expect((await session(b, cookie)).status).toBe(401)
  })

  it('keeps one valid audit chain under concurrent writes from both', async () => {
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        post(i % 2 ? a : b, '/auth/login', {
          loginName: `nobody-${i}`,
          password: 'wrong password here',
        }),
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
