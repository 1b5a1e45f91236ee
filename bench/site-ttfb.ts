// Time to first byte of the home page: Haven against nginx serving the very same bytes, both on
// loopback, same client, interleaved rounds.
//   npm run build && node --import tsx bench/site-ttfb.ts [requests]
// Needs Debian's nginx (apt-get install -y nginx-light); it is started here with a temporary
// configuration on a free loopback port and stopped at the end. Neither server writes access
// logs (Haven runs with LOG_LEVEL=warn, nginx with access_log off). A bare node:http server
// answering the same bytes is measured too, as the floor any Node server starts from.
import { type ChildProcess, spawn } from 'node:child_process'
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { Agent, request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import autocannon from 'autocannon'
import { percentile, printHeader, table } from './support/bench-env.js'
import { freePort, startDemoHaven } from './support/demo-haven.js'

const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p))
const REQUESTS = Number(process.argv[2] ?? 3000)
const WARMUP = 300
/** Seconds of load per server for the throughput comparison (10 connections). */
const LOAD_SECONDS = Number(process.env.HAVEN_BENCH_SECONDS ?? 5)

/** Requests per second that `url` answers with `status`, under 10 connections for `seconds`. */
async function throughput(
  url: URL,
  headers: Record<string, string>,
  status: number,
  seconds: number,
): Promise<{ rps: number; wrong: number }> {
  let wrong = 0
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url: url.toString(), headers, connections: 10, duration: seconds },
      (error, done) => (error ? reject(error) : resolve(done)),
    )
    instance.on('response', (_client, code) => {
      if (code !== status) wrong += 1
    })
  })
  return { rps: result.requests.total / (result.duration || seconds), wrong }
}

/** Milliseconds from sending a request to receiving the response headers, on a kept-alive socket. */
function ttfb(agent: Agent, url: URL): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint()
    const req = request(url, { agent, method: 'GET', headers: { Accept: 'text/html' } }, (res) => {
      const first = process.hrtime.bigint()
      res.resume()
      res.on('end', () => resolve(Number(first - started) / 1e6))
    })
    req.on('error', reject)
    req.end()
  })
}

/**
 * The floor for any Node server: node:http answering the same bytes with no framework, in its
 * own process. It shows how much of the gap to nginx is Node itself rather than Haven.
 */
async function startBareNode(html: Buffer): Promise<{ port: number; stop: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'haven-bare-'))
  writeFileSync(join(dir, 'index.html'), html)
  const port = await freePort()
  const script = `const http=require('node:http');const fs=require('node:fs');
const body=fs.readFileSync(${JSON.stringify(join(dir, 'index.html'))});
http.createServer((q,r)=>{r.writeHead(200,{'Content-Type':'text/html; charset=utf-8','Content-Length':body.length});r.end(body)}).listen(${port},'127.0.0.1')`
  const child = spawn(process.execPath, ['-e', script], { stdio: 'ignore' })
  const deadline = Date.now() + 10_000
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/en/`)).ok) break
    } catch {
      // starting
    }
    if (Date.now() > deadline || child.exitCode !== null) throw new Error('bare node did not start')
    await new Promise((r) => setTimeout(r, 100))
  }
  return {
    port,
    stop: async () => {
      const exited = new Promise((r) => child.once('exit', r))
      child.kill('SIGTERM')
      await exited
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

async function startNginx(html: Buffer): Promise<{ port: number; stop: () => Promise<void> }> {
  if (!NGINX) throw new Error('nginx is not installed: apt-get install -y nginx-light')
  const dir = mkdtempSync(join(tmpdir(), 'haven-nginx-'))
  // Started as root, nginx's workers run as an unprivileged user: they must be able to read this.
  chmodSync(dir, 0o755)
  const port = await freePort()
  writeFileSync(join(dir, 'index.html'), html, { mode: 0o644 })
  writeFileSync(
    join(dir, 'nginx.conf'),
    `daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:${port};
    root ${dir};
    location = /en/ { default_type "text/html; charset=utf-8"; try_files /index.html =404; }
  }
}
`,
  )
  const child: ChildProcess = spawn(NGINX, ['-c', join(dir, 'nginx.conf'), '-p', dir], {
    stdio: 'ignore',
  })
  const deadline = Date.now() + 10_000
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/en/`)).ok) break
    } catch {
      // starting
    }
    if (Date.now() > deadline || child.exitCode !== null) throw new Error('nginx did not start')
    await new Promise((r) => setTimeout(r, 100))
  }
  return {
    port,
    stop: async () => {
      const exited = new Promise((r) => child.once('exit', r))
      child.kill('SIGQUIT')
      await exited
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

printHeader(`Public site: time to first byte of /en/, Haven vs nginx (${REQUESTS} requests each)`)
if (!NGINX) {
  console.log('SKIPPED: nginx is not installed (apt-get install -y nginx-light); nothing measured.')
  process.exit(0)
}
const haven = await startDemoHaven()
let nginx: Awaited<ReturnType<typeof startNginx>> | undefined
let bare: Awaited<ReturnType<typeof startBareNode>> | undefined
try {
  const body = Buffer.from(await (await fetch(`${haven.baseUrl}/en/`)).arrayBuffer())
  nginx = await startNginx(body)
  bare = await startBareNode(body)
  const targets = {
    haven: new URL(`${haven.baseUrl}/en/`),
    nginx: new URL(`http://127.0.0.1:${nginx.port}/en/`),
    'node:http': new URL(`http://127.0.0.1:${bare.port}/en/`),
  }
  console.log(
    `same body: ${body.length} bytes of HTML (uncompressed: the client asks for no encoding)\n`,
  )
  const names = ['haven', 'nginx', 'node:http'] as const
  const agents = Object.fromEntries(
    names.map((n) => [n, new Agent({ keepAlive: true, maxSockets: 1 })]),
  ) as Record<(typeof names)[number], Agent>
  const samples = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<
    (typeof names)[number],
    number[]
  >
  for (let i = 0; i < WARMUP; i++) for (const name of names) await ttfb(agents[name], targets[name])
  // Interleaved in rounds of 100, in a rotating order, so a noisy moment on the machine hits all alike.
  for (let round = 0; round < REQUESTS / 100; round++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(round + k) % names.length] ?? 'haven'
      for (let i = 0; i < 100; i++) samples[name].push(await ttfb(agents[name], targets[name]))
    }
  }
  const stats = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b)
    return {
      p50: percentile(s, 50),
      p95: percentile(s, 95),
      mean: s.reduce((a, b) => a + b, 0) / s.length,
    }
  }
  const h = stats(samples.haven)
  const n = stats(samples.nginx)
  const b = stats(samples['node:http'])
  const ms = (x: number) => `${x.toFixed(3)} ms`
  console.log(
    table([
      ['server', 'p50', 'p95', 'mean'],
      ['haven', ms(h.p50), ms(h.p95), ms(h.mean)],
      ['nginx', ms(n.p50), ms(n.p95), ms(n.mean)],
      ['node:http (floor)', ms(b.p50), ms(b.p95), ms(b.mean)],
    ]),
  )
  const ratio = h.p50 / n.p50
  console.log(
    `\nratio haven/nginx: p50 ${ratio.toFixed(2)}, p95 ${(h.p95 / n.p95).toFixed(2)} (goal: p50 ≤ 2)`,
  )
  console.log(`for scale, bare node:http/nginx: p50 ${(b.p50 / n.p50).toFixed(2)}`)
  if (ratio > 2)
    console.log('!!! GOAL MISSED: Haven’s time to first byte is more than twice nginx’s.')
  for (const agent of Object.values(agents)) agent.destroy()

  // Throughput in the same run, one process each, 10 connections: the full page, gzip as a
  // browser asks (nginx answers the plain bytes: it has no .gz file here, and gzip off), and the
  // revalidation a browser sends once its minute of caching is over (Haven answers 304).
  const etag = (await fetch(targets.haven)).headers.get('etag') ?? ''
  const loads: [string, URL, Record<string, string>, number][] = [
    ['haven, full page', targets.haven, {}, 200],
    ['haven, gzip', targets.haven, { 'Accept-Encoding': 'gzip' }, 200],
    ['haven, If-None-Match → 304', targets.haven, { 'If-None-Match': etag }, 304],
    ['nginx, full page', targets.nginx, {}, 200],
    ['node:http, full page', targets['node:http'], {}, 200],
  ]
  const rps = new Map<string, number>()
  const rows = [['server and request', 'req/s', 'not the expected status']]
  for (const [name, url, headers, status] of loads) {
    await throughput(url, headers, status, 1)
    const m = await throughput(url, headers, status, LOAD_SECONDS)
    rps.set(name, m.rps)
    rows.push([name, m.rps.toFixed(0), String(m.wrong)])
  }
  console.log(`\nthroughput, 10 connections, ${LOAD_SECONDS} s each after 1 s of warm-up:\n`)
  console.log(table(rows))
  const full = (rps.get('haven, full page') ?? 0) / (rps.get('nginx, full page') ?? 1)
  console.log(
    `\nratio haven/nginx, full page: ${full.toFixed(2)} × (goal ≥ 0.67); time to first byte p50 ${ratio.toFixed(2)} × (goal ≤ 1.5)`,
  )
} finally {
  await bare?.stop()
  await nginx?.stop()
  await haven.stop()
}
