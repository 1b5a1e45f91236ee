import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseConfig } from '../src/config/load-config.js'
import { type HavenDatabase, openDatabase } from '../src/db/database.js'
import { requestUnseal, unsealSocketPath } from '../src/unseal/unseal-socket.js'
import { type RunningServer, runHaven, startServer } from './support/cli.js'
import { buildCompartment, buildUser, signIn } from './support/factories.js'
import { testAppContext } from './support/test-app.js'

const PG_URL = process.env.HAVEN_TEST_PG_URL
const IN_CI = process.env.CI === 'true'
const WORKERS = 3

/** One answer over its own connection, so the primary hands each request to the next worker. */
interface Answer {
  status: number
  body: { id?: string; worker?: number; error?: { code?: string } }
}

function send(
  port: number,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  cookie?: string,
): Promise<Answer> {
  const origin = `http://localhost:${port}`
  return new Promise((resolve, reject) => {
    const req = request(
      `${origin}${path}`,
      {
        method,
        agent: false,
        headers: {
          'Content-Type': 'application/json',
          Origin: origin,
          'Sec-Fetch-Site': 'same-origin',
          ...(cookie ? { Cookie: cookie } : {}),
        },
      },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => {
          text += chunk
        })
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(text || '{}') }),
        )
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    // A connection the primary handed to a worker just as it was killed may never be answered:
    // to its client that is a failed request, never an acknowledged one.
    req.setTimeout(20_000, () => req.destroy(new Error(`no answer to ${method} ${path} in 20 s`)))
    req.end(body === undefined ? undefined : JSON.stringify(body))
  })
}

/** The server's JSON log lines (primary and workers write to the same standard output). */
function logLines(server: RunningServer): Record<string, unknown>[] {
  return server
    .stdout()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
}

const until = async (check: () => boolean, what: string, ms = 30_000) => {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

interface Target {
  dialect: 'sqlite' | 'postgres'
  setUp(): Promise<{ env: Record<string, string>; database: DatabaseConfig }>
  tearDown(): Promise<void>
}

const sqlite: Target = {
  dialect: 'sqlite',
  async setUp() {
    const file = join(mkdtempSync(join(tmpdir(), 'haven-workers-db-')), 'haven.db')
    return { env: { DATABASE_URL: file }, database: { kind: 'sqlite', file } }
  },
  async tearDown() {},
}

// A schema of its own in the test database (dropping a whole database waits for a checkpoint).
const schema = `haven_workers_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`
const postgres: Target = {
  dialect: 'postgres',
  async setUp() {
    if (!PG_URL) throw new Error('CI=true but HAVEN_TEST_PG_URL is not set')
    const admin = new pg.Client({ connectionString: PG_URL })
    await admin.connect()
    await admin.query(`create schema ${schema}`)
    await admin.end()
    const target = new URL(PG_URL)
    target.searchParams.set('options', `-c search_path=${schema}`)
    const url = target.toString()
    return { env: { DATABASE_URL: url }, database: { kind: 'postgres', url, poolSize: 2 } }
  },
  async tearDown() {
    if (!PG_URL) return
    const admin = new pg.Client({ connectionString: PG_URL })
    await admin.connect()
    await admin.query(`drop schema if exists ${schema} cascade`)
    await admin.end()
  },
}

const targets = [sqlite, ...(PG_URL || IN_CI ? [postgres] : [])]

/**
 * `haven serve --workers 3` on one database behaves as one server: every worker answers, a race
 * of distributions across them still stops at the cap, and a worker killed with SIGKILL loses no
 * write it acknowledged while the others go on serving (and the primary starts a replacement).
 */
describe.each(targets)('haven serve --workers $dialect', (target) => {
  let server: RunningServer
  let database: HavenDatabase
  let port = 0
  const masterKey = randomBytes(32)

  beforeAll(async () => {
    const { env, database: config } = await target.setUp()
    server = await startServer({
      ...env,
      DATA_DIR: mkdtempSync(join(tmpdir(), 'haven-workers-')),
      HAVEN_MASTER_KEY: masterKey.toString('base64'),
      WORKERS: String(WORKERS),
    })
    port = server.ports.combined ?? 0
    database = await openDatabase(config)
  }, 120_000)

  afterAll(async () => {
    await database?.close()
    const code = await server?.stop()
    expect(code).toBe(0)
    await target.tearDown()
  }, 60_000)

  const workersListening = () =>
    logLines(server).filter(
      (l) => l.msg === 'worker listening' || l.msg === 'replacement worker listening',
    )

  it('starts the asked number of workers, each answering /readyz for itself', async () => {
    expect(new Set(workersListening().map((l) => l.worker)).size).toBe(WORKERS)
    const answers = await Promise.all(
      Array.from({ length: WORKERS * 4 }, () => send(port, 'GET', '/readyz')),
    )
    expect(answers.every((a) => a.status === 200)).toBe(true)
    expect(new Set(answers.map((a) => a.body.worker))).toEqual(new Set([1, 2, 3]))
  })

  /** A shelter with an allowance policy, and a field worker's session cookie for it. */
  const shelterWithPolicy = async (code: string, dailyCap: number) => {
    const app = testAppContext(database, { masterKey })
    const shelter = await buildCompartment(app, code)
    const cookieOf = async (role: 'coordinator' | 'field_worker' | 'finance') => {
      const user = await buildUser(app, { grants: [{ role, compartmentId: shelter.id }] })
      return `haven_session=${(await signIn(app, user)).token}`
    }
    const finance = await cookieOf('finance')
    const rate = { date: '2026-01-01', base: 'CNY', quote: 'JPY', rate: '15' }
    const rated = await send(port, 'POST', '/api/v1/exchange-rates', rate, finance)
    expect([201, 409]).toContain(rated.status) // the second shelter finds the rate there already
    const policy = await send(
      port,
      'POST',
      '/api/v1/allowance-policies',
      {
        compartmentId: shelter.id,
        validFrom: '2026-01-01',
        amount: '20',
        currency: 'CNY',
        buysGrams: 10_000,
        dailyCap,
        monthlyCap: '100000000',
        monthlyCapCurrency: 'JPY',
        rationGrams: 500,
      },
      await cookieOf('coordinator'),
    )
    expect(policy.status).toBe(201)
    return { shelter, worker: await cookieOf('field_worker') }
  }
  // Yesterday: a day that is never in the future, whenever this runs.
  const day = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10)

  it('accepts exactly 20 of 21 distributions against a cap of 20 when they race through every worker', async () => {
    const { shelter, worker } = await shelterWithPolicy('WRK-01', 20)
    const before = logLines(server).length
    const answers = await Promise.all(
      Array.from({ length: 21 }, () =>
        send(
          port,
          'POST',
          '/api/v1/distributions',
          { compartmentId: shelter.id, day: day(), headcount: 1 },
          worker,
        ),
      ),
    )
    const statuses = answers.map((a) => a.status)
    expect(statuses.filter((s) => s === 201)).toHaveLength(20)
    expect(statuses.filter((s) => s === 409)).toHaveLength(1)
    expect(answers.find((a) => a.status === 409)?.body.error?.code).toBe('daily_cap_reached')
    // They really went through several processes (each worker logs the requests it answers).
    const servedBy = logLines(server)
      .slice(before)
      .filter((l) => l.msg === 'request' && l.path === '/api/v1/distributions')
      .map((l) => l.worker)
    expect(new Set(servedBy).size).toBe(WORKERS)
  })

  it('loses no acknowledged write when a worker is killed with SIGKILL, and the others keep serving', async () => {
    const { shelter, worker } = await shelterWithPolicy('WRK-02', 10_000)
    const record = () =>
      send(
        port,
        'POST',
        '/api/v1/distributions',
        { compartmentId: shelter.id, day: day(), headcount: 1 },
        worker,
      )
    const acknowledged: string[] = []
    let failed = 0
    const refused: Record<number, number> = {}
    let running = true
    // Four writers, each sending one distribution after another until told to stop.
    const writers = Array.from({ length: 4 }, async () => {
      while (running) {
        try {
          const answer = await record()
          if (answer.status === 201 && answer.body.id) acknowledged.push(answer.body.id)
          else refused[answer.status] = (refused[answer.status] ?? 0) + 1
        } catch {
          failed += 1 // the connection died with the worker: never acknowledged
        }
      }
    })
    const victim = workersListening()[0]
    try {
      await until(() => acknowledged.length >= 20, 'writes before the kill')
      expect(typeof victim?.pid).toBe('number')
      process.kill(victim?.pid as number, 'SIGKILL')
      const ackedAtKill = acknowledged.length
      await until(
        () =>
          logLines(server).some((l) => l.msg === 'worker exited unexpectedly; starting another'),
        'the primary to see the worker die',
      )
      await until(() => acknowledged.length >= ackedAtKill + 30, 'writes after the kill')
    } finally {
      running = false
      await Promise.all(writers)
    }
    expect(refused).toEqual({})

    // Every write the server acknowledged is in the database.
    const stored = await database.db
      .selectFrom('distributions')
      .select('id')
      .where('compartment_id', '=', shelter.id)
      .execute()
    const ids = new Set(stored.map((r) => r.id))
    expect(acknowledged.filter((id) => !ids.has(id))).toEqual([])
    expect(failed).toBeLessThan(10) // only what was in flight on the killed worker

    // The others serve every request now, and the primary has started a replacement.
    const after = await Promise.all(Array.from({ length: 12 }, () => record()))
    expect(after.map((a) => a.status)).toEqual(Array(12).fill(201))
    await until(
      () => logLines(server).some((l) => l.msg === 'replacement worker listening'),
      'the replacement worker',
    )
    const ready = await Promise.all(
      Array.from({ length: WORKERS * 4 }, () => send(port, 'GET', '/readyz')),
    )
    expect(ready.every((a) => a.status === 200)).toBe(true)
    expect(ready.map((a) => a.body.worker)).not.toContain(victim?.worker)
    expect(new Set(ready.map((a) => a.body.worker)).size).toBe(WORKERS)
  }, 120_000)
})

/**
 * Sealed mode with workers: the operator unseals once (`haven unseal` reaches the primary, the
 * /unseal page reaches one worker) and every worker — a replacement started later too — serves.
 */
describe.each(targets)('haven serve --workers, sealed, $dialect', (target) => {
  const PASSPHRASE = 'quiet harbour lantern morning'
  let env: Record<string, string>
  let server: RunningServer | undefined

  beforeAll(async () => {
    env = {
      ...(await target.setUp()).env,
      DATA_DIR: mkdtempSync(join(tmpdir(), 'haven-workers-sealed-')),
      HAVEN_SEALED: 'true',
      WORKERS: '2',
    }
  }, 60_000)
  afterEach(async () => {
    // Stopped even when a test fails: a server left running would outlive the run.
    await server?.stop()
    server = undefined
  }, 60_000)
  afterAll(() => target.tearDown(), 60_000)

  /** The staff API's answer on `n` fresh connections, and which workers gave them. */
  const sessionAnswers = async (port: number, n: number) => {
    const before = logLines(server as RunningServer).length
    const answers = await Promise.all(
      Array.from({ length: n }, () => send(port, 'GET', '/api/v1/auth/session')),
    )
    const workers = logLines(server as RunningServer)
      .slice(before)
      .filter((l) => l.msg === 'request' && l.path === '/api/v1/auth/session')
      .map((l) => l.worker)
    return { statuses: answers.map((a) => a.status), workers: new Set(workers) }
  }
  const allUnsealed = async (port: number) => {
    const end = Date.now() + 30_000
    for (;;) {
      const { statuses, workers } = await sessionAnswers(port, 8)
      // 401: the API answers (no session), it is not 503 sealed.
      if (statuses.every((s) => s === 401)) return workers
      if (Date.now() > end) throw new Error(`still sealed somewhere: ${statuses.join(', ')}`)
      await new Promise((r) => setTimeout(r, 200))
    }
  }

  it('unsealed once through haven unseal, every worker serves, and so does a replacement for a killed one', async () => {
    server = await startServer(env)
    const port = server.ports.combined ?? 0
    const sealed = await sessionAnswers(port, 6)
    expect(sealed.statuses).toEqual(Array(6).fill(503))

    const unsealed = await requestUnseal(unsealSocketPath(env.DATA_DIR ?? ''), PASSPHRASE)
    expect(unsealed).toMatchObject({ ok: true, initialised: true })
    expect((await allUnsealed(port)).size).toBe(2)

    const victim = logLines(server).find((l) => l.msg === 'worker listening')
    process.kill(victim?.pid as number, 'SIGKILL')
    await until(
      () => logLines(server as RunningServer).some((l) => l.msg === 'replacement worker listening'),
      'the replacement worker',
    )
    const after = await allUnsealed(port)
    expect(after.size).toBe(2)
    expect(after.has(victim?.worker)).toBe(false)
    expect(await server.stop()).toBe(0)
  }, 120_000)

  it('unsealed through the /unseal page, which reaches one worker, every worker serves', async () => {
    server = await startServer(env)
    const port = server.ports.combined ?? 0
    expect((await sessionAnswers(port, 4)).statuses).toEqual(Array(4).fill(503))
    const origin = `http://localhost:${port}`
    const form = await fetch(`${origin}/unseal`)
    const csrf = /name="csrf" value="([\w-]+)"/.exec(await form.text())?.[1] ?? ''
    const cookie = form.headers.getSetCookie().find((c) => c.startsWith('haven_unseal_csrf='))
    const posted = await fetch(`${origin}/unseal`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Origin: origin,
        'Sec-Fetch-Site': 'same-origin',
        Cookie: cookie?.split(';')[0] ?? '',
      },
      body: new URLSearchParams({ csrf, passphrase: PASSPHRASE }).toString(),
      redirect: 'manual',
    })
    expect(posted.status).toBeLessThan(400)
    expect((await allUnsealed(port)).size).toBe(2)
    // The primary took the key too: its socket for haven unseal is gone.
    await until(() => !existsSync(unsealSocketPath(env.DATA_DIR ?? '')), 'the socket to close')
  }, 120_000)
})

describe('haven serve --workers, refused', () => {
  it('refuses a number of workers out of range, naming what to do', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'haven-workers-refused-'))
    const zero = runHaven(['serve', '--workers', '0'], { DATA_DIR: dataDir, PORT: '0' })
    expect(zero.status).toBe(2)
    expect(zero.stderr).toContain('--workers: "0" is not a number of server processes from 1 to 64')
  })
})
