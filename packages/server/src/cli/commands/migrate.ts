import { countOf } from '@haven/core/i18n/plural'
import type { Command } from 'commander'
import { openDatabase } from '../../db/database.js'
import { allMigrations } from '../../db/migrations/index.js'
import { migrateToLatest, migrationStatus } from '../../db/migrator.js'
import { MODULES } from '../../modules/index.js'
import { cliConfig } from '../cli-config.js'

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('apply pending database migrations (the server also does this at start)')
    .option('--status', 'list migrations and whether each is applied, without changing anything')
    .action(async (options: { status?: boolean }) => {
      const config = cliConfig()
      const database = await openDatabase(config.database, {
        sqliteStartupCheck: config.sqliteStartupCheck,
      })
      try {
        if (options.status) {
          const states = await migrationStatus(database, allMigrations(MODULES))
          console.log(`Database: ${database.describe}`)
          for (const m of states)
            console.log(
              `  ${m.appliedAt ? 'applied' : 'pending'}  ${m.name}${m.appliedAt ? `  (${m.appliedAt})` : ''}`,
            )
          const pending = states.filter((m) => !m.appliedAt).length
          console.log(
            pending === 0
              ? 'Up to date.'
              : `${countOf(pending, 'migration', 'migrations')} pending: run "haven migrate" to apply.`,
          )
        } else {
          const applied = await migrateToLatest(database, allMigrations(MODULES))
          console.log(
            applied.length === 0
              ? 'Nothing to apply: the database is up to date.'
              : `Applied: ${applied.join(', ')}`,
          )
        }
      } finally {
        await database.close()
      }
    })
}
