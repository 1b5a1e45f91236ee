import { existsSync } from 'node:fs'
import type { Logger } from 'pino'
import type { AppContext } from '../app-context.js'
import { type Config, configuredPorts, resolveUrls } from '../config/load-config.js'
import { cryptoContext, ensureSystemKeys, openMasterKey } from '../crypto/crypto-context.js'
import { MasterKey } from '../crypto/master-key.js'
import { type HavenDatabase, openDatabase, type SqliteCache } from '../db/database.js'
import { allMigrations } from '../db/migrations/index.js'
import { migrateToLatest } from '../db/migrator.js'
import { MODULES } from '../modules/index.js'

export interface BootOptions {
  migrate?: boolean
  ports?: { public: number; staff: number }
  /** Called with messages the operator must read (e.g. a master key created next to the data). */
  onWarning?: (message: string) => void
  /** Key commands never create a master key: a missing one is an error, whatever the database. */
  mayCreateMasterKey?: boolean
  /**
   * Commands that need no key (backups, key exports, shredding) do not load one: they work the
   * same in sealed mode and when the key lives elsewhere.
   */
  withoutMasterKey?: boolean
  /** SQLite's page cache: `serving` (the default) for the server, `bulk` for commands that write in bulk. */
  sqliteCache?: SqliteCache
}

/**
 * Sealed mode starts without a key (an operator unseals later); otherwise the key file or
 * HAVEN_MASTER_KEY, created at a fresh install's first start.
 */
async function bootMasterKey(
  config: Config,
  database: HavenDatabase,
  logger: Logger,
  options: BootOptions,
): Promise<MasterKey> {
  if (options.withoutMasterKey) return new MasterKey(null, 'sealed')
  if (config.sealed) {
    if (existsSync(config.masterKeyFile)) {
      const warning = `HAVEN_SEALED=true, so the master key file ${config.masterKeyFile} is not used. Anyone who copies this disk gets it: delete it (after "haven keys seal" if it is the live key).`
      logger.warn({ file: config.masterKeyFile }, 'master key file present in sealed mode')
      options.onWarning?.(warning)
    }
    return new MasterKey(null, 'sealed')
  }
  const loaded = await openMasterKey(database.db, {
    file: config.masterKeyFile,
    environmentValue: process.env.HAVEN_MASTER_KEY,
    mayCreate: options.mayCreateMasterKey ?? true,
  })
  for (const note of loaded.notes) {
    logger.warn(note)
    options.onWarning?.(note)
  }
  if (loaded.warning) {
    logger.warn({ source: loaded.key.source }, 'master key created next to the data')
    options.onWarning?.(loaded.warning)
  }
  return loaded.key
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
    ...(options.sqliteCache ? { sqliteCache: options.sqliteCache } : {}),
  })
  try {
    if (options.migrate ?? true) {
      const applied = await migrateToLatest(database, allMigrations(MODULES))
      if (applied.length > 0) logger.info({ applied }, 'migrations applied')
    }
    const now = () => new Date()
    const master = await bootMasterKey(config, database, logger, options)
    const crypto = cryptoContext(master, now)
    await ensureSystemKeys(database.db, crypto)
    const ports = options.ports ?? configuredPorts(config)
    return {
      config,
      urls: resolveUrls(config, ports),
      database,
      logger,
      crypto,
      now,
      modules: MODULES,
    }
  } catch (error) {
    await database.close()
    throw error
  }
}
