import { existsSync, statSync } from 'node:fs'
import { countOf } from '@haven/core/i18n/plural'
import type { Command } from 'commander'
import { type Config, ConfigError, loadConfig } from '../../config/load-config.js'
import { type HavenDatabase, openDatabase } from '../../db/database.js'
import { pendingMigrations } from '../../db/migrator.js'
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
    const pending = await pendingMigrations(database)
    findings.push(
      pending.length === 0
        ? { status: 'ok', check: 'migrations', detail: 'the schema is current' }
        : {
            status: 'problem',
            check: 'migrations',
            detail: `${pending.length} pending (${pending.join(', ')})`,
            fix: 'run "haven migrate" (the server also applies them at start)',
          },
    )
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
      'check configuration, database, migrations and file permissions; say how to fix each problem',
    )
    .action(async () => {
      const findings = await diagnose(process.env, process.cwd())
      for (const f of findings) {
        console.log(
          `${f.status.padEnd(8)} ${f.check}: ${f.detail}${f.fix ? `\n         how to fix: ${f.fix}` : ''}`,
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
