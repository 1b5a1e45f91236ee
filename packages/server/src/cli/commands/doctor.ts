import { existsSync, readFileSync, statSync } from 'node:fs'
import { isAbsolute, relative } from 'node:path'
import { countOf } from '@haven/core/i18n/plural'
import type { Command } from 'commander'
import { type Config, ConfigError, loadConfig } from '../../config/load-config.js'
import {
  awaitingKeyImport,
  isFreshInstall,
  masterFingerprintsInUse,
} from '../../crypto/key-store.js'
import { masterFingerprint, parseKey, pendingKeyFile } from '../../crypto/master-key.js'
import { type HavenDatabase, openDatabase } from '../../db/database.js'
import { allMigrations } from '../../db/migrations/index.js'
import { pendingMigrations } from '../../db/migrator.js'
import { MODULES } from '../../modules/index.js'
import { findAppDist } from '../../staff/app-assets.js'

export interface Finding {
  status: 'ok' | 'problem' | 'warning'
  check: string
  detail: string
  fix?: string
}

/** Runs every check and returns findings; it changes nothing. */
export async function diagnose(env: NodeJS.ProcessEnv, cwd: string): Promise<Finding[]> {
  const findings: Finding[] = []
  let config: Config
  try {
    config = loadConfig({ env, cwd })
    findings.push({ status: 'ok', check: 'configuration', detail: 'every setting is valid' })
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    return [
      {
        status: 'problem',
        check: 'configuration',
        detail: error.message,
        fix: 'correct the setting named above',
      },
    ]
  }

  findings.push(...permissionFindings(config))
  findings.push(...(await databaseFindings(config, env)))
  findings.push(
    findAppDist(env)
      ? { status: 'ok', check: 'staff app', detail: 'the build is present' }
      : {
          status: 'problem',
          check: 'staff app',
          detail: 'packages/app/dist is missing',
          fix: 'run "npm run build"',
        },
  )
  return findings
}

/** The database, its migrations and its keys; a SQLite file that does not exist is not made. */
async function databaseFindings(config: Config, env: NodeJS.ProcessEnv): Promise<Finding[]> {
  const findings: Finding[] = []
  if (config.database.kind === 'sqlite' && !existsSync(config.database.file))
    return [
      {
        status: 'warning',
        check: 'database',
        detail: `${config.database.file} does not exist yet`,
        fix: 'the first start creates it (or restore a backup: haven backup restore)',
      },
    ]
  let database: HavenDatabase | undefined
  try {
    database = await openDatabase(config.database, {
      sqliteStartupCheck: config.sqliteStartupCheck,
    })
    findings.push({
      status: 'ok',
      check: 'database',
      detail: `${database.describe} answers${config.database.kind === 'sqlite' && config.sqliteStartupCheck !== 'off' ? ' and passed its integrity check' : ''}`,
    })
    const pending = await pendingMigrations(database, allMigrations(MODULES))
    findings.push(
      pending.length === 0
        ? { status: 'ok', check: 'migrations', detail: 'the schema is current' }
        : {
            status: 'warning',
            check: 'migrations',
            detail: `${countOf(pending.length, 'migration', 'migrations')} pending (${pending.join(', ')})`,
            fix: '"haven serve" applies them at start, or run "haven migrate"',
          },
    )
    // Key checks read the key tables, which exist only once migrated.
    if (pending.length === 0) findings.push(...(await keyFindings(config, env, database)))
  } catch (error) {
    findings.push({
      status: 'problem',
      check: 'database',
      detail: (error as Error).message,
      fix:
        config.database.kind === 'postgres'
          ? 'check DATABASE_URL and that PostgreSQL is running'
          : 'check DATA_DIR / DATABASE_URL and restore from a backup if the file is damaged',
    })
  } finally {
    await database?.close()
  }
  return findings
}

/**
 * The master key and the key store, read-only: what `haven serve` would refuse (no master key
 * for a database that holds data; a restored database whose key export is not imported yet; a
 * key that did not wrap this database's keys), found before the server is started.
 */
async function keyFindings(
  config: Config,
  env: NodeJS.ProcessEnv,
  database: HavenDatabase,
): Promise<Finding[]> {
  const db = database.db
  const out: Finding[] = []
  const fresh = await isFreshInstall(db)
  const inUse = await masterFingerprintsInUse(db)
  const check = 'master key'
  if (config.sealed) {
    out.push({
      status: 'ok',
      check,
      detail: 'sealed mode: the key is unsealed with the passphrase at each start',
    })
    if (existsSync(config.masterKeyFile))
      out.push({
        status: 'problem',
        check,
        detail: `${config.masterKeyFile} exists although HAVEN_SEALED=true: anyone who copies this disk gets the key`,
        fix: `delete it (after "haven keys seal" if it is the live key)`,
      })
  } else {
    let key: { source: string; fingerprint: string } | null = null
    try {
      if (existsSync(config.masterKeyFile)) {
        const bytes = parseKey(readFileSync(config.masterKeyFile, 'utf8'), config.masterKeyFile)
        key = { source: config.masterKeyFile, fingerprint: masterFingerprint(bytes) }
        const mode = statSync(config.masterKeyFile).mode & 0o777
        if ((mode & 0o077) !== 0)
          out.push({
            status: 'problem',
            check: 'master key file',
            detail: `${config.masterKeyFile} can be read by other users (mode ${mode.toString(8)})`,
            fix: `chmod 600 ${config.masterKeyFile}`,
          })
      } else if (env.HAVEN_MASTER_KEY) {
        const bytes = parseKey(env.HAVEN_MASTER_KEY, 'HAVEN_MASTER_KEY')
        key = { source: 'HAVEN_MASTER_KEY', fingerprint: masterFingerprint(bytes) }
      }
    } catch (error) {
      out.push({
        status: 'problem',
        check,
        detail: (error as Error).message,
        fix: 'restore the key file from its copy, or rebuild it with "haven keys combine --out FILE"',
      })
      return out
    }
    if (!key && fresh)
      out.push({
        status: 'warning',
        check,
        detail: `none yet: the first start creates ${config.masterKeyFile}`,
        fix: 'after the first start keep a copy (haven keys split) and move it off this disk (HAVEN_MASTER_KEY_FILE, HAVEN_MASTER_KEY or sealed mode)',
      })
    else if (!key)
      out.push({
        status: 'problem',
        check,
        detail: `${config.masterKeyFile} does not exist and HAVEN_MASTER_KEY is not set, but this database is not new: "haven serve" refuses to start`,
        fix: "put the master key in place (restore the file, set HAVEN_MASTER_KEY or HAVEN_MASTER_KEY_FILE), or rebuild it from the trustees' shares: haven keys combine --out FILE",
      })
    else if (inUse.length > 0 && !inUse.includes(key.fingerprint))
      out.push({
        status: 'problem',
        check,
        detail: `the key in ${key.source} (fingerprint ${key.fingerprint}) is not the one that wrapped this database's keys (${inUse.join(', ')}): it would open nothing`,
        fix: 'use the master key of this database (its file, HAVEN_MASTER_KEY, or haven keys combine from its shares)',
      })
    else
      out.push({
        status: 'ok',
        check,
        detail: `from ${key.source} (fingerprint ${key.fingerprint})${inUse.length > 0 ? ", the one that wrapped this database's keys" : ''}`,
      })
    if (key?.source === config.masterKeyFile && isInside(config.dataDir, config.masterKeyFile))
      out.push({
        status: 'warning',
        check,
        detail: `${config.masterKeyFile} lies in the data folder: whoever copies the folder holds both the data and its key`,
        fix: 'keep a copy somewhere safe (haven keys split), then move it off this disk (HAVEN_MASTER_KEY_FILE, HAVEN_MASTER_KEY or sealed mode)',
      })
    if (existsSync(pendingKeyFile(config.masterKeyFile)))
      out.push({
        status: 'warning',
        check,
        detail: `${pendingKeyFile(config.masterKeyFile)} exists: a master key rotation stopped half-way`,
        fix: 'start Haven once: it finishes or undoes the rotation, whichever the database says',
      })
  }
  out.push(
    (await awaitingKeyImport(db))
      ? {
          status: 'problem',
          check: 'keys',
          detail:
            'this database holds data but no compartment keys (restored from a backup?): "haven serve" refuses to start',
          fix: 'import its key export: haven keys import KEY-EXPORT',
        }
      : {
          status: 'ok',
          check: 'keys',
          detail: fresh ? 'none yet (made at first start)' : 'the key store holds keys',
        },
  )
  return out
}

function isInside(folder: string, file: string): boolean {
  const path = relative(folder, file)
  return path !== '' && !path.startsWith('..') && !isAbsolute(path)
}

function permissionFindings(config: Config): Finding[] {
  const out: Finding[] = []
  if (!existsSync(config.dataDir)) {
    out.push({
      status: 'warning',
      check: 'data folder',
      detail: `${config.dataDir} does not exist yet`,
      fix: 'it is created with mode 700 at first start',
    })
    return out
  }
  const mode = statSync(config.dataDir).mode & 0o777
  out.push(
    (mode & 0o077) === 0
      ? {
          status: 'ok',
          check: 'data folder',
          detail: `${config.dataDir} is private to its owner (${mode.toString(8)})`,
        }
      : {
          status: 'problem',
          check: 'data folder',
          detail: `${config.dataDir} can be read by other users (mode ${mode.toString(8)})`,
          fix: `chmod 700 ${config.dataDir}`,
        },
  )
  if (config.database.kind === 'sqlite' && existsSync(config.database.file)) {
    const fileMode = statSync(config.database.file).mode & 0o777
    out.push(
      (fileMode & 0o077) === 0
        ? {
            status: 'ok',
            check: 'database file',
            detail: `${config.database.file} is private (${fileMode.toString(8)})`,
          }
        : {
            status: 'problem',
            check: 'database file',
            detail: `${config.database.file} can be read by other users (mode ${fileMode.toString(8)})`,
            fix: `chmod 600 ${config.database.file}*`,
          },
    )
  }
  return out
}

export function registerDoctor(program: Command): void {
  program
    .command('doctor')
    .description(
      'check configuration, file permissions, database, migrations, master key and key store, and the staff app build; say how to fix each problem (changes nothing)',
    )
    .action(async () => {
      const findings = await diagnose(process.env, process.cwd())
      for (const f of findings) {
        console.log(
          `${f.status.padEnd(8)} ${f.check}: ${f.detail}${f.fix ? `\n         ${f.status === 'problem' ? 'how to fix' : 'note'}: ${f.fix}` : ''}`,
        )
      }
      const problems = findings.filter((f) => f.status === 'problem').length
      console.log(
        problems === 0
          ? '\nNo problems found.'
          : `\n${countOf(problems, 'problem', 'problems')} found.`,
      )
      if (problems > 0) process.exitCode = 1
    })
}
