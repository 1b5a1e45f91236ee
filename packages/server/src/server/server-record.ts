import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { type Config, configuredPorts, resolveUrls, type Urls } from '../config/load-config.js'

/**
 * A running `haven serve` writes the addresses it answers on to DATA_DIR/run/server.json, so the
 * commands run beside it (`haven setup-link`, `haven demo`) print links that work even when the
 * server was started with settings the command does not have (PORT=3731 in the server's
 * environment only). It holds no secret: a process id and two URLs.
 */
export interface ServerRecord {
  pid: number
  public: string
  staff: string
  startedAt: string
}

export function serverRecordPath(dataDir: string): string {
  return join(dataDir, 'run', 'server.json')
}

export function writeServerRecord(dataDir: string, urls: Urls, now: Date): void {
  const folder = join(dataDir, 'run')
  mkdirSync(folder, { recursive: true, mode: 0o700 })
  chmodSync(folder, 0o700)
  const record: ServerRecord = {
    pid: process.pid,
    public: urls.public,
    staff: urls.staff,
    startedAt: now.toISOString(),
  }
  writeFileSync(serverRecordPath(dataDir), `${JSON.stringify(record)}\n`, { mode: 0o600 })
}

/** Removes the record at shutdown, unless another server has written its own since. */
export function removeServerRecord(dataDir: string): void {
  if (readServerRecord(dataDir, { alive: () => true })?.pid === process.pid)
    rmSync(serverRecordPath(dataDir), { force: true })
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it exists but belongs to another user; ESRCH: gone.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** The record of a server that is still running, or null (none, unreadable, or left by a crash). */
export function readServerRecord(
  dataDir: string,
  options: { alive?: (pid: number) => boolean } = {},
): ServerRecord | null {
  let parsed: unknown
  try {
    parsed = JSON.parse(readFileSync(serverRecordPath(dataDir), 'utf8'))
  } catch {
    return null
  }
  const r = parsed as Partial<ServerRecord>
  if (
    typeof r.pid !== 'number' ||
    typeof r.public !== 'string' ||
    typeof r.staff !== 'string' ||
    typeof r.startedAt !== 'string' ||
    !URL.canParse(r.public) ||
    !URL.canParse(r.staff)
  )
    return null
  return (options.alive ?? processAlive)(r.pid) ? (r as ServerRecord) : null
}

/**
 * The addresses a command should print, and a sentence saying where they came from (printed with
 * the link, so a person can tell a guess from a fact): the command's own STAFF_URL/PUBLIC_URL if
 * set; else those of the server running on this DATA_DIR; else http://localhost:PORT from the
 * command's settings.
 */
export function addressesForCommand(config: Config): { urls: Urls; note: string } {
  const ports = configuredPorts(config)
  if (config.staffUrl || config.publicUrl)
    return {
      urls: resolveUrls(config, ports),
      note: `Address from ${config.staffUrl ? 'STAFF_URL' : 'PUBLIC_URL'}.`,
    }
  const running = readServerRecord(config.dataDir)
  if (running)
    return {
      urls: resolveUrls({ ...config, publicUrl: running.public, staffUrl: running.staff }, ports),
      note: `Address from the Haven server running on this data folder (process ${running.pid}).`,
    }
  const port =
    config.listeners.kind === 'combined' ? `PORT=${ports.staff}` : `STAFF_PORT=${ports.staff}`
  return {
    urls: resolveUrls(config, ports),
    note: `No Haven server is running on ${config.dataDir}, so the address assumes ${port}; set STAFF_URL if people reach Haven at another address.`,
  }
}
