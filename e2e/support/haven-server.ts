import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type RunningServer, startServer } from '../../packages/server/test/support/cli.js'

export interface HavenUnderTest {
  server: RunningServer
  baseUrl: string
  dataDir: string
  /** The first-administrator link the server printed at start. */
  setupLink(): string
}

/** A real Haven server (the built bundle) on a free port with its own data folder. */
export async function startHaven(env: Record<string, string> = {}): Promise<HavenUnderTest> {
  const dataDir = mkdtempSync(join(tmpdir(), 'haven-e2e-'))
  const server = await startServer({ DATA_DIR: dataDir, ...env })
  const port = server.ports.combined
  return {
    server,
    baseUrl: `http://localhost:${port}`,
    dataDir,
    setupLink: () => {
      const match = /(http:\/\/localhost:\d+\/app\/setup#token=[\w-]+)/.exec(server.stderr())
      if (!match?.[1]) throw new Error(`no setup link in the server's output:\n${server.stderr()}`)
      return match[1]
    },
  }
}
