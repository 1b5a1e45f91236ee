// A built Haven over a generated database, for the benchmarks that need data at scale: fills the
// database with `haven generate` (idempotent: a complete database is only checked), starts
// `haven serve` on a free loopback port and signs in a coordinator the way a person would.
import { type ChildProcess, execFile, spawn, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { generate } from 'otplib'
import { freePort } from './demo-haven.js'

const execFileAsync = promisify(execFile)
const BIN = fileURLToPath(new URL('../../packages/server/bin/haven.js', import.meta.url))
const BUNDLE = fileURLToPath(new URL('../../packages/server/dist/haven.js', import.meta.url))

export interface Dataset {
  /** DATA_DIR: master key, and the SQLite database unless `databaseUrl` is set. */
  dataDir: string
  databaseUrl: string | undefined
  people: number
  /** Anonymous-headcount distributions over ten years (HAVEN_BENCH_DISTRIBUTIONS, default 0). */
  distributions: number
  /** What `haven generate` printed last (time, rows/s, peak memory), if it wrote anything. */
  generatorReport: string
  /** Removes a temporary data folder; keeps one that was given. */
  dispose(): void
}

/**
 * HAVEN_BENCH_DATA_DIR (default: a temporary folder), HAVEN_BENCH_DB_URL (default: SQLite in that
 * folder), HAVEN_BENCH_PEOPLE (default 20000), HAVEN_BENCH_DISTRIBUTIONS (default 0),
 * HAVEN_BENCH_GENERATE=off to use a database as it is, without running the generator. The same folder must be used with the same
 * database every time: the master key that sealed the data lives in it.
 */
export function prepareDataset(): Dataset {
  if (!existsSync(BUNDLE))
    throw new Error('Run "npm run build" first: packages/server/dist/haven.js is missing.')
  const given = process.env.HAVEN_BENCH_DATA_DIR
  const dataDir = given ?? mkdtempSync(join(tmpdir(), 'haven-scale-'))
  mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  const databaseUrl = process.env.HAVEN_BENCH_DB_URL || undefined
  const people = Number(process.env.HAVEN_BENCH_PEOPLE ?? 20_000)
  const distributions = Number(process.env.HAVEN_BENCH_DISTRIBUTIONS ?? 0)
  // A database shared read-only (HAVEN_BENCH_GENERATE=off) is used as it is: not even checked.
  let generatorReport = ''
  if (process.env.HAVEN_BENCH_GENERATE !== 'off') {
    const args = [BIN, 'generate', '--people', String(people)]
    if (distributions > 0) args.push('--distributions', String(distributions))
    if (databaseUrl) args.push('--db', databaseUrl)
    const run = spawnSync(process.execPath, args, {
      env: havenEnv(dataDir, databaseUrl),
      stdio: ['ignore', 'pipe', 'inherit'],
      encoding: 'utf8',
    })
    if (run.status !== 0) throw new Error(`haven generate failed:\n${run.stdout}`)
    generatorReport = run.stdout.trim()
  }
  return {
    dataDir,
    databaseUrl,
    people,
    distributions,
    generatorReport,
    dispose: () => {
      if (!given) rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

function havenEnv(dataDir: string, databaseUrl: string | undefined): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    // The integrity check of a multi-gigabyte SQLite file takes minutes at every start; the
    // benchmark's database was just written by the generator.
    SQLITE_STARTUP_CHECK: process.env.SQLITE_STARTUP_CHECK ?? 'off',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  }
}

export interface RunningHaven {
  baseUrl: string
  pid: number
  stop(): Promise<void>
}

/** `haven serve` on a free port of the loopback interface, ready once /readyz answers. */
export async function serveDataset(dataset: Dataset): Promise<RunningHaven> {
  const port = await freePort()
  // HAVEN_BENCH_SERVER_FLAGS: Node flags for the server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
  const flags = (process.env.HAVEN_BENCH_SERVER_FLAGS ?? '').split(' ').filter(Boolean)
  const child: ChildProcess = spawn(process.execPath, [...flags, BIN, 'serve'], {
    // HAVEN_BENCH_WORKERS: server processes (default 1, as the earlier runs; `haven serve`
    // itself defaults to one per core).
    env: {
      ...havenEnv(dataset.dataDir, dataset.databaseUrl),
      PORT: String(port),
      WORKERS: process.env.HAVEN_BENCH_WORKERS ?? '1',
    },
    stdio: 'ignore',
  })
  const baseUrl = `http://localhost:${port}`
  await waitUntilReady(`${baseUrl}/readyz`, child, 120_000)
  return {
    baseUrl,
    pid: child.pid ?? 0,
    stop: async () => {
      const exited = new Promise((r) => child.once('exit', r))
      child.kill('SIGTERM')
      await exited
    },
  }
}

export async function waitUntilReady(url: string, child: ChildProcess, ms: number): Promise<void> {
  const deadline = Date.now() + ms
  for (;;) {
    try {
      if ((await fetch(url)).ok) return
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || child.exitCode !== null)
      throw new Error(`${url} did not answer in time`)
    await new Promise((r) => setTimeout(r, 200))
  }
}

/** A tiny cookie jar for one session: follows the rotations the server asks for. */
class Client {
  cookie = ''
  constructor(readonly baseUrl: string) {}

  async call(method: string, path: string, body?: unknown): Promise<unknown> {
    const res = await fetch(`${this.baseUrl}/api/v1${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        Origin: this.baseUrl,
        'Sec-Fetch-Site': 'same-origin',
        ...(this.cookie ? { Cookie: this.cookie } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    })
    const set = res.headers.getSetCookie().find((c) => c.includes('haven_session='))
    if (set) this.cookie = set.split(';')[0] ?? ''
    const text = await res.text()
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`)
    return text ? JSON.parse(text) : null
  }
}

const token = (url: string) => /#token=([\w-]+)/.exec(url)?.[1] ?? ''

/**
 * A cookie header for a coordinator with an organisation-wide grant, signed in with password and
 * authenticator code, exactly as a person does it: the first administrator from a setup link
 * (kept in DATA_DIR/bench-admin.json, mode 600, for later runs on the same database), who creates
 * the coordinator, grants the role and issues the password link; the coordinator sets a password,
 * signs in and enrols an authenticator.
 */
export async function coordinatorSession(dataset: Dataset, baseUrl: string): Promise<string> {
  const credentialsFile = join(dataset.dataDir, 'bench-admin.json')
  const admin = new Client(baseUrl)
  if (!existsSync(credentialsFile)) {
    // Not spawnSync: blocked for longer than the server's keep-alive timeout, this process would
    // not see the idle connection close and would send the next request down it ("other side
    // closed"), as it did against a database of a million people.
    const link = await execFileAsync(process.execPath, [BIN, 'setup-link'], {
      env: havenEnv(dataset.dataDir, dataset.databaseUrl),
      encoding: 'utf8',
    }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }))
    if (!token(link.stdout))
      throw new Error(
        `This database has users but ${credentialsFile} is missing: use a fresh database for the benchmark.`,
      )
    const credentials = {
      loginName: 'bench-admin',
      password: randomBytes(24).toString('base64url'),
    }
    await admin.call('POST', '/setup', {
      token: token(link.stdout),
      displayName: 'Benchmark administrator',
      locale: 'en',
      ...credentials,
    })
    writeFileSync(credentialsFile, JSON.stringify(credentials), { mode: 0o600 })
  }
  const credentials = JSON.parse(readFileSync(credentialsFile, 'utf8')) as {
    loginName: string
    password: string
    totpSecret?: string
  }
  // An administrator must have a second factor: enrolled at the first sign-in (its secret kept
  // with the password), asked for at every later one.
  const { loginName: adminName, password: adminPassword } = credentials
  const signedIn = (await admin.call('POST', '/auth/login', {
    loginName: adminName,
    password: adminPassword,
  })) as { stage: string }
  if (signedIn.stage === 'enroll_required') {
    const { secret } = (await admin.call('POST', '/account/totp/setup', {})) as { secret: string }
    await admin.call('POST', '/account/totp/confirm', { code: await generate({ secret }) })
    writeFileSync(credentialsFile, JSON.stringify({ ...credentials, totpSecret: secret }), {
      mode: 0o600,
    })
  } else if (signedIn.stage === 'mfa_pending' && credentials.totpSecret) {
    const secret = credentials.totpSecret
    await admin
      .call('POST', '/auth/login/totp', { code: await generate({ secret }) })
      .catch(async () => {
        // A code is good once: the previous run may have used this one. Wait for the next.
        await new Promise((r) => setTimeout(r, 31_000))
        await admin.call('POST', '/auth/login/totp', { code: await generate({ secret }) })
      })
  }

  const loginName = `bench-${Date.now().toString(36)}`
  const password = randomBytes(24).toString('base64url')
  const created = (await admin.call('POST', '/users', {
    loginName,
    displayName: 'Benchmark coordinator',
    locale: 'en',
  })) as { user: { id: string }; link: { url: string } }
  await admin.call('POST', '/grants', {
    userId: created.user.id,
    role: 'coordinator',
    compartmentId: null,
  })
  await admin.call('POST', '/auth/logout', {})

  const person = new Client(baseUrl)
  await person.call('POST', '/auth/password-link', { token: token(created.link.url), password })
  const login = (await person.call('POST', '/auth/login', { loginName, password })) as {
    stage: string
  }
  if (login.stage !== 'enroll_required') throw new Error(`unexpected stage ${login.stage}`)
  const { secret } = (await person.call('POST', '/account/totp/setup', {})) as { secret: string }
  await person.call('POST', '/account/totp/confirm', { code: await generate({ secret }) })
  const session = (await person.call('GET', '/auth/session')) as { stage: string }
  if (session.stage !== 'active') throw new Error(`session not active: ${session.stage}`)
  return person.cookie
}

/** Peak and current resident memory of a process (Linux /proc), in MiB. */
export function memoryOf(pid: number): { peakMiB: number; nowMiB: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kib = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0)
  return { peakMiB: Math.round(kib('VmHWM') / 1024), nowMiB: Math.round(kib('VmRSS') / 1024) }
}

/** Memory of each worker process of a `haven serve --workers N` (none when it serves alone). */
export function workerMemory(pid: number): { pid: number; peakMiB: number; nowMiB: number }[] {
  let children: number[] = []
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number)
  } catch {
    return []
  }
  return children.map((child) => ({ pid: child, ...memoryOf(child) }))
}

/**
 * CPU seconds (user + system) a process and its workers have used so far (Linux /proc). Read
 * before and after a load, it gives CPU per request: a measure that other work on the machine
 * does not distort the way it distorts requests per second.
 */
export function cpuSecondsOf(pid: number): number {
  const ticks = (p: number) => {
    // Fields after the command name, which sits in parentheses and may hold spaces.
    const stat = readFileSync(`/proc/${p}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the name.
    return Number(fields[11]) + Number(fields[12])
  }
  const pids = [pid, ...workerMemory(pid).map((w) => w.pid)]
  // The kernel counts in clock ticks, 100 per second on Linux.
  return pids.reduce((sum, p) => sum + ticks(p), 0) / 100
}
