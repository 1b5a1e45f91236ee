import { countOf } from '@haven/core/i18n/plural'
import type { Command } from 'commander'
import { cliConfig } from '../../cli/cli-config.js'
import { allCompartmentCodes, allCompartmentIds } from '../../compartments/compartment-store.js'
import { openDatabase } from '../../db/database.js'
import { casesDueForPurge } from './retention.js'

export function registerRetention(program: Command): void {
  const retention = program
    .command('retention')
    .description('review what is kept past its retention period')
  retention
    .command('review')
    .description(
      'list closed cases past their compartment’s retention period (purging is done by a coordinator in the app)',
    )
    .action(async () => {
      const config = cliConfig()
      const database = await openDatabase(config.database, { sqliteStartupCheck: 'off' })
      try {
        const db = database.db
        const due = await casesDueForPurge(
          db,
          await allCompartmentIds(db),
          new Date().toISOString().slice(0, 10),
        )
        const codes = await allCompartmentCodes(db)
        if (due.length === 0) {
          console.log('Nothing is past its retention period.')
          return
        }
        const byCompartment = new Map<string, typeof due>()
        for (const c of due) {
          const code = codes.get(c.compartmentId) ?? c.compartmentId
          byCompartment.set(code, [...(byCompartment.get(code) ?? []), c])
        }
        for (const [code, cases] of byCompartment) {
          console.log(
            `${code}: ${countOf(cases.length, 'closed case', 'closed cases')} due for purging`,
          )
          for (const c of cases)
            console.log(`  ${c.code}  closed ${c.closedOn}, due since ${c.dueSince}`)
        }
        console.log(
          `\n${due.length} in all. A coordinator of each compartment reviews and purges them in the staff app (Retention review).`,
        )
      } finally {
        await database.close()
      }
    })
}
