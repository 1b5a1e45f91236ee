import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Logger } from 'pino'
import type { AnyApiRoute } from '../../src/api/api-route.js'
import type { AppContext } from '../../src/app-context.js'
import { loadConfig, resolveUrls } from '../../src/config/load-config.js'
import { cryptoContext, ensureSystemKeys } from '../../src/crypto/crypto-context.js'
import { MasterKey } from '../../src/crypto/master-key.js'
import type { HavenDatabase } from '../../src/db/database.js'
import { MODULES } from '../../src/modules/index.js'
import { createApps, type HavenApps } from '../../src/server/create-apps.js'
import { createLogger } from '../../src/server/logger.js'

/** One master key for a test run, so contexts built in the same suite open each other's keys. */
export const TEST_MASTER_KEY = randomBytes(32)

/** An AppContext over a test database, with a silent logger and a pinnable clock. */
export function testAppContext(
  database: HavenDatabase,
  overrides: {
    env?: Record<string, string>
    now?: () => Date
    masterKey?: Buffer
    /** Start sealed (no master key until unsealed), as HAVEN_SEALED=true does. */
    sealed?: boolean
    logger?: Logger
  } = {},
): AppContext {
  const dataDir = mkdtempSync(join(tmpdir(), 'haven-app-'))
  const config = loadConfig({
    // One server per test: no other instance can hold cached keys, so rotations need not wait.
    env: {
      DATA_DIR: dataDir,
      ORG_NAME: 'Example Refugee Aid',
      ROTATION_SETTLE_SECONDS: '0',
      ...overrides.env,
    },
    cwd: dataDir,
  })
  const now = overrides.now ?? (() => new Date())
  return {
    config,
    urls: resolveUrls(config, { public: 3000, staff: 3000 }),
    database,
    logger: overrides.logger ?? createLogger('silent'),
    crypto: cryptoContext(
      overrides.sealed
        ? new MasterKey(null, 'sealed')
        : new MasterKey(overrides.masterKey ?? TEST_MASTER_KEY, 'test'),
      now,
    ),
    now,
    modules: MODULES,
  }
}

/** The real Haven apps over `app`, to call with `apps.staff.request(…)` (no ports, no mocks). */
export function testApps(app: AppContext, routes?: readonly AnyApiRoute[]): HavenApps {
  return createApps(app, { appAssets: null, ...(routes ? { routes } : {}) })
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

/** Creates Haven's system keys if the database has none (what boot does). */
export async function withSystemKeys(app: AppContext): Promise<AppContext> {
  await ensureSystemKeys(app.database.db, app.crypto)
  return app
}

/** What @hono/node-server passes as env: the socket a request came from (for local-only routes). */
export function fromAddress(remoteAddress: string) {
  return { incoming: { socket: { remoteAddress, remotePort: 50000, remoteFamily: 'IPv4' } } }
}
