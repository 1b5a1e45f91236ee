import type { Logger } from 'pino'
import type { AppContext } from '../app-context.js'
import { type Config, resolveUrls } from '../config/load-config.js'
import { openDatabase } from '../db/database.js'
import { migrateToLatest } from '../db/migrator.js'

/**
 * Opens the database and brings its schema up to date: what every command that touches data
 * does first. The caller owns the returned context and must close its database.
 */
export async function boot(
  config: Config,
  logger: Logger,
  options: { migrate?: boolean; ports?: { public: number; staff: number } } = {},
): Promise<AppContext> {
  const database = await openDatabase(config.database, {
    sqliteStartupCheck: config.sqliteStartupCheck,
  })
  try {
    if (options.migrate ?? true) {
      const applied = await migrateToLatest(database.db)
      if (applied.length > 0) logger.info({ applied }, 'migrations applied')
    }
  } catch (error) {
    await database.close()
    throw error
  }
  const port =
    config.listeners.kind === 'combined' ? config.listeners.port : config.listeners.staffPort
  const ports = options.ports ?? {
    public: config.listeners.kind === 'combined' ? port : config.listeners.publicPort,
    staff: port,
  }
  return { config, urls: resolveUrls(config, ports), database, logger, now: () => new Date() }
}
