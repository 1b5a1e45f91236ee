import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export const HAVEN_BIN = fileURLToPath(new URL('../../bin/haven.js', import.meta.url))
const BUNDLE = fileURLToPath(new URL('../../dist/haven.js', import.meta.url))

export function assertBuilt(): void {
  if (!existsSync(BUNDLE))
    throw new Error(
      'packages/server/dist/haven.js is missing: run "npm run build" (npm test does it first).',
    )
}

/** Runs `haven …` to completion with the given environment (merged over a clean minimal one). */
export function runHaven(
  args: string[],
  env: Record<string, string>,
  cwd?: string,
  options: { input?: string; timeoutMs?: number } = {},
) {
  assertBuilt()
  const result = spawnSync(process.execPath, [HAVEN_BIN, ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    cwd,
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 60_000,
    ...(options.input !== undefined ? { input: options.input } : {}),
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

export interface RunningServer {
  child: ChildProcess
  /** Port of each listener, by name (combined, public, staff). */
  ports: Record<string, number>
  stderr: () => string
  stdout: () => string
  stop(signal?: NodeJS.Signals): Promise<number | null>
}

/** Starts `haven serve` and resolves once every expected listener has logged its port. */
export function startServer(
  env: Record<string, string>,
  listeners: string[] = ['combined'],
): Promise<RunningServer> {
  assertBuilt()
  const child = spawn(process.execPath, [HAVEN_BIN, 'serve'], {
    // One server process unless a test asks for workers (the default, one per core, is for people).
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      PORT: '0',
      WORKERS: '1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  let err = ''
  const ports: Record<string, number> = {}
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`server did not start in time\nstdout:\n${out}\nstderr:\n${err}`))
    }, 30_000)
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)))
    const server: RunningServer = {
      child,
      ports,
      stderr: () => err,
      stdout: () => out,
      stop: async (signal = 'SIGTERM') => {
        if (child.exitCode === null) child.kill(signal)
        return exited
      },
    }
    child.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString()
    })
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      for (const line of out.split('\n')) {
        if (!line.startsWith('{')) continue
        try {
          const entry = JSON.parse(line) as { msg?: string; listener?: string; port?: number }
          if (entry.msg === 'listening' && entry.listener && entry.port)
            ports[entry.listener] = entry.port
        } catch {
          // a partial line; the rest arrives with the next chunk
        }
      }
      // The banner (with the setup link) is written after the listeners log; wait for it too.
      if (listeners.every((name) => ports[name]) && err.includes('Staff app:')) {
        clearTimeout(timer)
        resolve(server)
      }
    })
    child.stderr?.on('data', () => {
      if (listeners.every((name) => ports[name]) && err.includes('Staff app:')) {
        clearTimeout(timer)
        resolve(server)
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`server exited with ${code}\nstdout:\n${out}\nstderr:\n${err}`))
    })
  })
}
