import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AppContext } from '../../src/app-context.js'
import { loadConfig, resolveUrls } from '../../src/config/load-config.js'
import type { HavenDatabase } from '../../src/db/database.js'
import { createApps, type HavenApps } from '../../src/server/create-apps.js'
import { createLogger } from '../../src/server/logger.js'

/** An AppContext over a test database, with a silent logger and a pinnable clock. */
export function testAppContext(
  database: HavenDatabase,
  overrides: { env?: Record<string, string>; now?: () => Date } = {},
): AppContext {
  const dataDir = mkdtempSync(join(tmpdir(), 'haven-app-'))
  const config = loadConfig({
    env: { DATA_DIR: dataDir, ORG_NAME: 'Example Refugee Aid', ...overrides.env },
    cwd: dataDir,
  })
  return {
    config,
    urls: resolveUrls(config, { public: 3000, staff: 3000 }),
    database,
    logger: createLogger('silent'),
    now: overrides.now ?? (() => new Date()),
  }
}

/** The real Haven apps over `app`, to call with `apps.staff.request(…)` (no ports, no mocks). */
export function testApps(app: AppContext): HavenApps {
  return createApps(app, { appAssets: null })
}

/** JSON request options for `app.request`. */
export function jsonRequest(
  method: string,
  body: unknown,
  headers: Record<string, string> = {},
): RequestInit {
  return {
    method,
    headers: { 'Content-Type': 'application/json', Origin: 'http://localhost:3000', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  }
}
