import type { Logger } from 'pino'
import type { Config, Urls } from './config/load-config.js'
import type { CryptoContext } from './crypto/crypto-context.js'
import type { HavenDatabase } from './db/database.js'
import type { HavenModule } from './haven-module.js'

/**
 * What every part of the server is given at start-up. Passed explicitly (no module-level
 * singletons), so tests build one per database and two servers never share state by accident.
 */
export interface AppContext {
  config: Config
  /** Effective public and staff addresses (known once the listeners are up). */
  urls: Urls
  database: HavenDatabase
  logger: Logger
  /** Master key, compartment keyring and field sealing. */
  crypto: CryptoContext
  /** The current time; tests may pin it. */
  now: () => Date
  /**
   * Every module, in the order of `modules/index.ts`: how the platform reaches their routes,
   * abilities, demo and scale steps and figures without importing any of them.
   */
  modules: readonly HavenModule[]
}

/** Today's date (YYYY-MM-DD, UTC) by the server's clock, which tests may pin. */
export function today(app: AppContext): string {
  return app.now().toISOString().slice(0, 10)
}
