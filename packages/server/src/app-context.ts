import type { Logger } from 'pino'
import type { Config, Urls } from './config/load-config.js'
import type { CryptoContext } from './crypto/crypto-context.js'
import type { HavenDatabase } from './db/database.js'

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
}

/** Today's date (YYYY-MM-DD, UTC) by the server's clock, which tests may pin. */
export function today(app: AppContext): string {
  return app.now().toISOString().slice(0, 10)
}
