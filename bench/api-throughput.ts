// API throughput and latency at scale: Haven on a generated database against two floors on the
// same machine, all loaded by autocannon — the list-people request as a minimal Hono handler over
// the raw driver (support/list-people-floor.ts; the goal's measure) and a bare Hono hello-world
// (for reference) — and the server's peak memory.
//   npm run build && node --import tsx bench/api-throughput.ts
//   HAVEN_BENCH_PEOPLE=1000000 HAVEN_BENCH_DATA_DIR=/srv/bench/sqlite node --import tsx bench/api-throughput.ts
//   HAVEN_BENCH_DB_URL=postgres://postgres@127.0.0.1:5432/haven_bench HAVEN_BENCH_DATA_DIR=/srv/bench/pg …
// HAVEN_BENCH_SECONDS (10 per request), HAVEN_BENCH_CONNECTIONS (10), HAVEN_BENCH_TIMEOUT (10 s). See bench/README.md.
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { seededRandom, syntheticName } from '@haven/core/synthetic/synthetic-names'
import autocannon from 'autocannon'
import { percentile, printHeader, table } from './support/bench-env.js'
import { freePort } from './support/demo-haven.js'
import {
  coordinatorSession,
  cpuSecondsOf,
  memoryOf,
  prepareDataset,
  serveDataset,
  workerMemory,
} from './support/scale-haven.js'

const SECONDS = Number(process.env.HAVEN_BENCH_SECONDS ?? 10)
const TIMEOUT = Number(process.env.HAVEN_BENCH_TIMEOUT ?? 10)
const CONNECTIONS = Number(process.env.HAVEN_BENCH_CONNECTIONS ?? 10)
const HELLO = fileURLToPath(new URL('./support/hello-hono.ts', import.meta.url))
const FLOOR = fileURLToPath(new URL('./support/list-people-floor.ts', import.meta.url))

interface Load {
  rps: number
  /** Server CPU per answered request (user + system, all its processes), in ms. */
  cpuMs: number
  p50: number
  p95: number
  p99: number
  requests: number
  failures: number
}

/** autocannon against one URL; latencies kept whole, so p95 is exact rather than interpolated. */
async function load(
  url: string,
  headers: Record<string, string>,
  seconds: number,
  serverPid: number,
): Promise<Load> {
  const latencies: number[] = []
  const cpuBefore = cpuSecondsOf(serverPid)
  let failures = 0
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url, headers, connections: CONNECTIONS, duration: seconds, timeout: TIMEOUT },
      (error, done) => (error ? reject(error) : resolve(done)),
    )
    instance.on('response', (_client, status, _bytes, ms) => {
      latencies.push(ms)
      if (status !== 200) failures += 1
    })
  })
  latencies.sort((a, b) => a - b)
  const cpu = cpuSecondsOf(serverPid) - cpuBefore
  return {
    rps: result.requests.total / (result.duration || seconds),
    cpuMs: (cpu * 1000) / Math.max(1, result.requests.total),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    requests: result.requests.total,
    failures: failures + result.errors + result.timeouts,
  }
}

const ms = (n: number) => n.toFixed(1)

/** A floor server in its own process, as Haven is; `probe` is a path that answers 200 when ready. */
async function startFloor(
  script: string,
  env: Record<string, string>,
  probe: string,
  headers: Record<string, string> = {},
): Promise<{ url: string; pid: number; stop: () => Promise<void> }> {
  const port = await freePort()
  // HAVEN_BENCH_FLOOR_FLAGS: Node flags for the floors (e.g. "--cpu-prof"), as for the server.
  const flags = (process.env.HAVEN_BENCH_FLOOR_FLAGS ?? '').split(' ').filter(Boolean)
  const child = spawn(process.execPath, [...flags, '--import', 'tsx', script], {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: 'ignore',
  })
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 20_000
  for (;;) {
    const ok = await fetch(`${url}${probe}`, { headers }).then(
      (r) => r.ok,
      () => false,
    )
    if (ok) break
    if (Date.now() > deadline || child.exitCode !== null)
      throw new Error(`${script} did not answer in time`)
    await new Promise((r) => setTimeout(r, 200))
  }
  return {
    url,
    pid: child.pid ?? 0,
    stop: async () => {
      const exited = new Promise((r) => child.once('exit', r))
      child.kill('SIGTERM')
      await exited
    },
  }
}

printHeader('API throughput: Haven at scale vs its floor and a bare Hono hello-world (autocannon)')
const dataset = prepareDataset()
if (dataset.generatorReport)
  console.log(`generator: ${dataset.generatorReport.replace(/\n/g, '\n           ')}`)
const haven = await serveDataset(dataset)
const hello = await startFloor(HELLO, {}, '/')
let floor: Awaited<ReturnType<typeof startFloor>> | undefined
let missed = 0
try {
  const cookie = await coordinatorSession(dataset, haven.baseUrl)
  const headers = { Cookie: cookie, Accept: 'application/json' }
  floor = await startFloor(
    FLOOR,
    dataset.databaseUrl
      ? { DATABASE_URL: dataset.databaseUrl }
      : { DATA_DIR: dataset.dataDir, DATABASE_URL: '' },
    '/api/v1/people?limit=25',
    headers,
  )
  // A name the generator gave someone in the first compartment (same seed, same derivation):
  // its surname matches a large share of everyone, the full name a handful.
  const fullName = syntheticName(seededRandom(2006 * 1_000_003 + 1)).latin
  const surname = fullName.split(' ')[0] ?? fullName
  const requests = [
    { name: 'list people', path: '/api/v1/people?limit=25', goal: 'ratio' },
    { name: 'case search', path: '/api/v1/cases?status=open&type=medical&limit=25', goal: 'p95' },
    {
      name: 'full-name search',
      path: `/api/v1/people?q=${encodeURIComponent(fullName)}&limit=25`,
      goal: '',
    },
    {
      name: 'surname search',
      path: `/api/v1/people?q=${encodeURIComponent(surname)}&limit=25`,
      goal: '',
    },
    {
      name: 'case filter on people',
      path: '/api/v1/people?caseType=legal&caseStatus=open&limit=25',
      goal: '',
    },
  ] as const
  // HAVEN_BENCH_ONLY: a part of one request's name, to measure (or profile) that one alone.
  const chosen = requests.filter((r) => r.name.includes(process.env.HAVEN_BENCH_ONLY ?? ''))
  // Each request alone first, one at a time: it must answer rows, and its time without load is
  // the floor for the latencies under load.
  const alone = new Map<string, number>()
  for (const r of chosen) {
    const times: number[] = []
    for (let i = 0; i < 5; i++) {
      const started = performance.now()
      const res = await fetch(`${haven.baseUrl}${r.path}`, { headers })
      const body = (await res.json()) as { people?: unknown[]; cases?: unknown[] }
      times.push(performance.now() - started)
      const n = (body.people ?? body.cases ?? []).length
      if (res.status !== 200 || n === 0) throw new Error(`${r.name}: ${res.status}, ${n} rows`)
    }
    alone.set(
      r.name,
      percentile(
        times.sort((a, b) => a - b),
        50,
      ),
    )
  }
  const idle = memoryOf(haven.pid)
  const idleWorkers = new Map(workerMemory(haven.pid).map((w) => [w.pid, w.nowMiB]))
  const warm = Math.min(3, SECONDS)
  await load(`${hello.url}/`, {}, warm, hello.pid)
  const base = await load(`${hello.url}/`, {}, SECONDS, hello.pid)
  const floorUrl = `${floor.url}/api/v1/people?limit=25`
  await load(floorUrl, headers, warm, floor.pid)
  const floored = await load(floorUrl, headers, SECONDS, floor.pid)
  const row = (name: string, alone: string, m: Load) => [
    name,
    alone,
    m.rps.toFixed(0),
    (m.rps / floored.rps).toFixed(2),
    (m.rps / base.rps).toFixed(2),
    m.cpuMs.toFixed(2),
    (floored.cpuMs / m.cpuMs).toFixed(2),
    ...[m.p50, m.p95, m.p99].map(ms),
    String(m.requests),
    String(m.failures),
  ]
  const rows: string[][] = [
    [
      'request',
      'alone ms',
      'req/s',
      '× floor',
      '× hello',
      'CPU ms/req',
      'floor CPU ÷ CPU',
      'p50 ms',
      'p95 ms',
      'p99 ms',
      'requests',
      'failed',
    ],
    row('Hono hello-world', '', base),
    row('list-people floor (Hono, raw driver)', '', floored),
  ]
  const verdicts: string[] = []
  for (const r of chosen) {
    await load(`${haven.baseUrl}${r.path}`, headers, warm, haven.pid)
    const m = await load(`${haven.baseUrl}${r.path}`, headers, SECONDS, haven.pid)
    const ratio = m.rps / floored.rps
    rows.push(row(r.name, ms(alone.get(r.name) ?? Number.NaN), m))
    if (m.failures > 0) {
      missed += 1
      verdicts.push(`✗ ${r.name}: ${m.failures} requests failed`)
    }
    if (r.goal === 'ratio') {
      const ok = ratio >= 0.5
      if (!ok) missed += 1
      verdicts.push(
        `${ok ? '✓' : '✗ MISSED'} ${r.name}: ${ratio.toFixed(2)} × the floor's requests/s (goal ≥ 0.5; the floor is one process)`,
        `  by CPU: ${m.cpuMs.toFixed(2)} ms per request against the floor's ${floored.cpuMs.toFixed(2)} ms = ${(floored.cpuMs / m.cpuMs).toFixed(2)} × (what the requests/s ratio would be on an otherwise idle machine, where both are CPU-bound)`,
      )
    }
    if (r.goal === 'p95') {
      const ok = m.p95 <= 20
      if (!ok) missed += 1
      verdicts.push(`${ok ? '✓' : '✗ MISSED'} ${r.name}: p95 ${ms(m.p95)} ms (goal ≤ 20 ms)`)
    }
  }
  const loaded = memoryOf(haven.pid)
  const workers = workerMemory(haven.pid)
  console.log(
    `\n${dataset.people} people on ${dataset.databaseUrl ? 'PostgreSQL' : 'SQLite'}; ${workers.length || 1} server process(es); ${CONNECTIONS} connections, ${SECONDS} s per request after ${warm} s of warm-up\n`,
  )
  console.log(table(rows))
  console.log('')
  for (const v of verdicts) console.log(v)
  console.log(
    `\nserver memory: ${idle.nowMiB} MiB RSS signed in and idle, ${loaded.nowMiB} MiB after the load, peak ${loaded.peakMiB} MiB${workers.length > 0 ? ' (the primary, which answers no request)' : ''}`,
  )
  for (const w of workers)
    console.log(
      `worker ${w.pid}: ${idleWorkers.get(w.pid) ?? '?'} MiB RSS signed in and idle, ${w.nowMiB} MiB after the load, peak ${w.peakMiB} MiB`,
    )
} finally {
  await hello.stop()
  await floor?.stop()
  await haven.stop()
  dataset.dispose()
}
process.exit(missed === 0 ? 0 : 1)
