import type { Logger } from 'pino'
import type { AppContext } from '../app-context.js'
import { type Config, resolveUrls } from '../config/load-config.js'
import { cryptoContext, ensureSystemKeys, openMasterKey } from '../crypto/crypto-context.js'
import { openDatabase } from '../db/database.js'
import { migrateToLatest } from '../db/migrator.js'

export interface BootOptions {
  migrate?: boolean
  ports?: { public: number; staff: number }
  /** Called with messages the operator must read (e.g. a master key created next to the data). */
  onWarning?: (message: string) => void
}

/**
 * Opens the database, brings its schema up to date and loads the master key: what every command
 * that touches data does first. The caller owns the returned context and must close its database.
 */
export async function boot(
  config: Config,
  logger: Logger,
  options: BootOptions = {},
): Promise<AppContext> {
  const database = await openDatabase(config.database, {
    sqliteStartupCheck: config.sqliteStartupCheck,
  })
  try {
    if (options.migrate ?? true) {
      const applied = await migrateToLatest(database)
      if (applied.length > 0) logger.info({ applied }, 'migrations applied')
    }
    const now = () => new Date()
    const loaded = await openMasterKey(database.db, {
      file: config.masterKeyFile,
      environmentValue: process.env.HAVEN_MASTER_KEY,
    })
    if (loaded.warning) {
      logger.warn({ source: loaded.key.source }, 'master key created next to the data')
      options.onWarning?.(loaded.warning)
    }
    const crypto = cryptoContext(loaded.key, now)
    await ensureSystemKeys(database.db, crypto)
    const port =
      config.listeners.kind === 'combined' ? config.listeners.port : config.listeners.staffPort
    const ports = options.ports ?? {
      public: config.listeners.kind === 'combined' ? port : config.listeners.publicPort,
      staff: port,
    }
    return { config, urls: resolveUrls(config, ports), database, logger, crypto, now }
  } catch (error) {
    await database.close()
    throw error
  }
}
