import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyAuditLog } from '../src/audit/audit-verify.js'
import { openDatabase } from '../src/db/database.js'
import { MIGRATIONS } from '../src/db/migrations/index.js'
import { type RunningServer, startServer } from './support/cli.js'

const PG_URL = process.env.HAVEN_TEST_PG_URL
const IN_CI = process.env.CI === 'true'

/**
 * Two Haven processes on one PostgreSQL database behave as one system: shared sessions, one
 * migration run, one audit chain. (The daily-cap race across both lives with the distribution tests.)
 */
const suite = PG_URL ? describe : IN_CI ? describe : describe.skip
suite(`two servers, one PostgreSQL${PG_URL ? '' : ' (skipped: HAVEN_TEST_PG_URL is not set)'}`, () => {
  const name = `haven_two_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`
  let url = ''
  let a: RunningServer
  let b: RunningServer

  beforeAll(async () => {
    if (!PG_URL) throw new Error('CI=true but HAVEN_TEST_PG_URL is not set')
    const admin = new pg.Client({ connectionString: PG_URL })
    await admin.connect()
    await admin.query(`create database ${name}`)
    await admin.end()
    const target = new URL(PG_URL)
    target.pathname = `/${name}`
    url = target.toString()
    // Same database, same master key (from the environment), separate data folders: two machines.
    const masterKey = randomBytes(32).toString('base64')
    const env = (dir: string) => ({ DATA_DIR: dir, DATABASE_URL: url, HAVEN_MASTER_KEY: masterKey })
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
})
