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
