import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const BIN = fileURLToPath(new URL('../../packages/server/bin/haven.js', import.meta.url))
const BUNDLE = fileURLToPath(new URL('../../packages/server/dist/haven.js', import.meta.url))

export interface DemoHaven {
  baseUrl: string
  port: number
  stop(): Promise<void>
}

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

/**
 * The built Haven on a free loopback port, with the demonstration content, in a temporary
 * data folder removed at stop. Logs go nowhere (LOG_LEVEL as given: `warn` leaves out the
 * per-request lines, as nginx's access_log off does in the comparison).
 */
export async function startDemoHaven(logLevel = 'warn'): Promise<DemoHaven> {
  if (!existsSync(BUNDLE))
    throw new Error('Run "npm run build" first: packages/server/dist/haven.js is missing.')
  const dataDir = mkdtempSync(join(tmpdir(), 'haven-bench-'))
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    DATA_DIR: dataDir,
    LOG_LEVEL: logLevel,
  }
  const demo = spawnSync(process.execPath, [BIN, 'demo'], { env, encoding: 'utf8' })
  if (demo.status !== 0) throw new Error(`haven demo failed: ${demo.stderr}`)
  const port = await freePort()
  const child: ChildProcess = spawn(process.execPath, [BIN, 'serve'], {
    // One server process, as nginx runs one worker in the comparisons (HAVEN_BENCH_WORKERS).
    env: { ...env, PORT: String(port), WORKERS: process.env.HAVEN_BENCH_WORKERS ?? '1' },
    stdio: 'ignore',
  })
  const baseUrl = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 30_000
  for (;;) {
    try {
      if ((await fetch(`${baseUrl}/readyz`)).ok) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || child.exitCode !== null)
      throw new Error('Haven did not start for the benchmark')
    await new Promise((r) => setTimeout(r, 200))
  }
  return {
    baseUrl,
    port,
    stop: async () => {
      const exited = new Promise((r) => child.once('exit', r))
      child.kill('SIGTERM')
      await exited
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
