import pino from 'pino'
import type { AppContext } from '../app-context.js'
import { BackupFormatError } from '../backup/backup-format.js'
import type { Config } from '../config/load-config.js'
import { AgeFileError } from '../crypto/age-file.js'
import {
  FieldDestroyedError,
  FieldIntegrityError,
  KeyOperationError,
} from '../crypto/crypto-errors.js'
import { ShareError } from '../crypto/master-shares.js'
import { unseal } from '../crypto/unseal-service.js'
import { boot } from '../server/boot.js'
import { createLogger } from '../server/logger.js'
import { CliError, cliConfig } from './cli-config.js'
import { readSecret } from './secret-input.js'

export interface CliAppOptions {
  /** The command reads or writes sealed values (or re-wraps keys): load the master key. */
  needsKey: boolean
  /** In sealed mode, where the passphrase comes from. */
  passphraseFile?: string | undefined
  /** The command writes in bulk (an import): SQLite's larger page cache. */
  bulkWrites?: boolean
}

/**
 * Boots Haven for a command and closes it afterwards. With `needsKey`, loads the master key the
 * way the server does — in sealed mode by asking for the passphrase (checked, throttled and
 * audited exactly like an unseal). Known key and backup errors become one-line CliErrors.
 * Returns the passphrase too, in sealed mode, for commands that re-seal the master key.
 */
export async function withCliApp<T>(
  options: CliAppOptions,
  work: (app: AppContext, sealedPassphrase: string | null) => Promise<T>,
): Promise<T> {
  const config = cliConfig()
  // Warnings go to standard error as JSON lines; standard output is the command's own.
  const logger = createLogger('warn', pino.destination({ fd: 2, sync: true }))
  let app: AppContext
  try {
    app = await boot(config, logger, {
      mayCreateMasterKey: false,
      withoutMasterKey: !options.needsKey,
      ...(options.bulkWrites ? { sqliteCache: 'bulk' as const } : {}),
    })
  } catch (error) {
    throw new CliError(error instanceof Error ? error.message : String(error))
  }
  try {
    let passphrase: string | null = null
    if (options.needsKey && app.crypto.master.sealed) {
      passphrase = await readSecret({
        file: options.passphraseFile,
        prompt: 'Haven is in sealed mode. Passphrase: ',
      })
      const outcome = await unseal(app, passphrase, 'cli')
      if (!outcome.ok) throw new CliError(outcome.message)
    }
    return await work(app, passphrase)
  } catch (error) {
    throw asCliError(error)
  } finally {
    await app.database.close()
  }
}

/**
 * Boots Haven for a command that may be a fresh install's first start (demo, setup-link,
 * generate): what the operator must know (a master key created next to the data, a key rotation
 * settled) is said in words on standard error, as `haven serve` says it, rather than as a JSON
 * log line; only errors are logged (to standard error too). They fill databases (the demo, the
 * generator's millions of rows), so SQLite gets the bulk writer's page cache.
 */
export function bootForCommand(config: Config): Promise<AppContext> {
  return boot(config, createLogger('error', pino.destination({ fd: 2, sync: true })), {
    onWarning: (message) => process.stderr.write(`\nWARNING: ${message}\n\n`),
    sqliteCache: 'bulk',
  })
}

/** Errors an operator can act on, as their one-line message; anything else stays as it is. */
export function asCliError(error: unknown): unknown {
  if (
    error instanceof KeyOperationError ||
    error instanceof AgeFileError ||
    error instanceof BackupFormatError ||
    error instanceof ShareError ||
    error instanceof FieldIntegrityError ||
    error instanceof FieldDestroyedError
  )
    return new CliError(error.message)
  return error
}
