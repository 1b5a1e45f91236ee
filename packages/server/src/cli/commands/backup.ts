import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { countOf } from '@haven/core/i18n/plural'
import type { Command } from 'commander'
import { BackupFormatError } from '../../backup/backup-format.js'
import {
  type BackupProgress,
  type BackupSummary,
  createBackup,
  restoreBackup,
  verifyBackup,
} from '../../backup/backup-service.js'
import { isPostgresUrl } from '../../config/config-schema.js'
import type { DatabaseConfig } from '../../config/load-config.js'
import { AgeFileError } from '../../crypto/age-file.js'
import { openDatabase } from '../../db/database.js'
import { allMigrations } from '../../db/migrations/index.js'
import { MODULES } from '../../modules/index.js'
import {
  protectionFrom,
  unlockFrom,
  withProtectOptions,
  withUnlockOptions,
} from '../age-options.js'
import { asCliError } from '../cli-app.js'
import { CliError, cliConfig, EXIT } from '../cli-config.js'
import { type Progress, progressBar } from '../progress.js'

/** "1 row in 1 table", "52 rows in 40 tables". */
function rowsInTables(summary: BackupSummary): string {
  return `${countOf(summary.rows, 'row', 'rows')} in ${countOf(summary.header.tables.length, 'table', 'tables')}`
}

/** A progress bar that appears once the total is known. */
function barProgress(label: string): BackupProgress & { stop(): void } {
  let bar: Progress | null = null
  return {
    onTotal: (rows) => {
      bar = progressBar(label, Math.max(rows, 1), 'rows')
    },
    onProgress: (done) => bar?.update(done),
    stop: () => bar?.stop(),
  }
}

async function run<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if (error instanceof AgeFileError || error instanceof BackupFormatError)
      throw new CliError(`Backup: ${error.message}`)
    throw asCliError(error)
  }
}

export function registerBackup(program: Command): void {
  const backup = program
    .command('backup')
    .description('encrypted data backups (age files) without keys: create, verify, restore')

  withProtectOptions(
    backup
      .command('create')
      .description(
        'write a consistent snapshot of every table except the key store to one encrypted file',
      )
      .requiredOption('--out <file>', 'the file to write (it must not exist)'),
  ).action(async (options: { out: string; passphraseFile?: string; recipient: string[] }) => {
    const out = resolve(options.out)
    if (existsSync(out))
      throw new CliError(`${options.out} already exists; choose a new file.`, EXIT.usage)
    const protection = await protectionFrom(options)
    const config = cliConfig()
    const database = await openDatabase(config.database, { sqliteStartupCheck: 'off' })
    const progress = barProgress('Backing up')
    try {
      const summary = await run(() =>
        createBackup(database, out, protection, { ...progress, now: () => new Date() }),
      )
      progress.stop()
      console.log(
        `Wrote ${out} (${countOf(statSync(out).size, 'byte', 'bytes')}): ${rowsInTables(summary)} from ${database.describe}.`,
      )
      console.log(
        'It holds no keys: sealed fields open only with a key export (haven keys export), which you keep elsewhere.',
      )
    } finally {
      progress.stop()
      await database.close()
    }
  })

  withUnlockOptions(
    backup
      .command('verify')
      .description('decrypt and check every table against its hash, without restoring anything')
      .argument('<file>', 'the backup'),
  ).action(async (file: string, options: { passphraseFile?: string; identity?: string }) => {
    if (!existsSync(file)) throw new CliError(`${file} does not exist.`, EXIT.usage)
    const unlock = await unlockFrom(options)
    const progress = barProgress('Verifying')
    try {
      const summary = await run(() => verifyBackup(file, unlock, progress))
      progress.stop()
      console.log(
        `Backup intact: ${rowsInTables(summary)}, made ${summary.header.createdAt} from ${summary.header.dialect} (migrations up to ${summary.header.migrations.at(-1) ?? 'none'}).`,
      )
    } finally {
      progress.stop()
    }
  })

  withUnlockOptions(
    backup
      .command('restore')
      .description(
        'restore a backup into an empty data folder or database, checking every table against the manifest',
      )
      .argument('<file>', 'the backup')
      .option('--data-dir <dir>', 'restore into a new SQLite database in this (empty) folder')
      .option('--database-url <url>', 'restore into this empty database (postgres://… or a file)'),
  ).action(
    async (
      file: string,
      options: {
        passphraseFile?: string
        identity?: string
        dataDir?: string
        databaseUrl?: string
      },
    ) => {
      if (!existsSync(file)) throw new CliError(`${file} does not exist.`, EXIT.usage)
      if (options.dataDir && options.databaseUrl)
        throw new CliError('Give --data-dir or --database-url, not both.', EXIT.usage)
      const target = restoreTarget(options)
      const unlock = await unlockFrom(options)
      const database = await openDatabase(target.config, { sqliteStartupCheck: 'off' })
      const progress = barProgress('Restoring')
      let ok = false
      try {
        const summary = await run(() =>
          restoreBackup(file, unlock, database, allMigrations(MODULES), progress),
        )
        progress.stop()
        ok = true
        console.log(
          `Restored ${rowsInTables(summary)} into ${database.describe}; every table matches the backup's manifest.`,
        )
        console.log(
          'Sealed fields open once the keys are back: run "haven keys import KEY-EXPORT" with the master key the export was made with, before starting Haven.',
        )
      } finally {
        progress.stop()
        await database.close()
        if (!ok) target.cleanup()
      }
    },
  )
}

/** Where to restore to; a new SQLite file that a failed restore leaves behind is removed. */
function restoreTarget(options: { dataDir?: string; databaseUrl?: string }): {
  config: DatabaseConfig
  cleanup: () => void
} {
  const sqliteAt = (path: string) => {
    const existed = existsSync(path)
    return {
      config: { kind: 'sqlite', file: path } as const,
      cleanup: () => {
        if (!existed)
          for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true })
      },
    }
  }
  if (options.dataDir) {
    const dir = resolve(options.dataDir)
    if (existsSync(dir) && readdirSync(dir).some((f) => f.startsWith('haven.db')))
      throw new CliError(
        `${dir} already holds a database: restore into a new, empty folder.`,
        EXIT.usage,
      )
    mkdirSync(dir, { recursive: true, mode: 0o700 })
    return sqliteAt(join(dir, 'haven.db'))
  }
  if (options.databaseUrl)
    return isPostgresUrl(options.databaseUrl)
      ? { config: { kind: 'postgres', url: options.databaseUrl, poolSize: 4 }, cleanup: () => {} }
      : sqliteAt(resolve(options.databaseUrl))
  const configured = cliConfig().database
  return configured.kind === 'sqlite'
    ? sqliteAt(configured.file)
    : { config: configured, cleanup: () => {} }
}
