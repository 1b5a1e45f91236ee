import { countOf } from '@haven/core/i18n/plural'
import type { Command } from 'commander'
import { formatCheckpoint, parseCheckpoint } from '../../audit/audit-chain.js'
import { countAuditRows, lastAuditRow } from '../../audit/audit-store.js'
import { verifyAuditLog } from '../../audit/audit-verify.js'
import { openDatabase } from '../../db/database.js'
import { CliError, cliConfig, EXIT } from '../cli-config.js'
import { progressBar } from '../progress.js'

async function withDatabase<T>(
  work: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>,
): Promise<T> {
  const config = cliConfig()
  const database = await openDatabase(config.database, { sqliteStartupCheck: 'off' })
  try {
    return await work(database)
  } finally {
    await database.close()
  }
}

export function registerAudit(program: Command): void {
  const audit = program
    .command('audit')
    .description('check and witness the tamper-evident audit log')

  audit
    .command('verify')
    .description(
      'walk the hash chain; exit 1 naming the first entry that was edited, deleted, inserted or reordered',
    )
    .option(
      '--checkpoint <count:hash>',
      'also prove the log still extends this earlier checkpoint (from "haven audit checkpoint")',
    )
    .action(async (options: { checkpoint?: string }) => {
      const checkpoint =
        options.checkpoint === undefined ? undefined : parseCheckpoint(options.checkpoint)
      if (checkpoint === null)
        throw new CliError(
          `--checkpoint: "${options.checkpoint}" is not <count>:<64 hex digits> (example: 1520:9f2c…)`,
          EXIT.usage,
        )
      await withDatabase(async ({ db }) => {
        const total = await countAuditRows(db)
        const bar = progressBar('Verifying audit log', total, 'entries')
        const result = await verifyAuditLog(db, {
          ...(checkpoint ? { checkpoint } : {}),
          onProgress: (n) => bar.update(n),
        })
        bar.update(total)
        bar.stop()
        if (!result.ok) {
          throw new CliError(
            `Audit log verification FAILED at entry ${result.firstBadSeq}: ${result.problem}. ${countOf(result.count, 'entry', 'entries')} before it ${result.count === 1 ? 'is' : 'are'} intact.`,
          )
        }
        console.log(
          `Audit log intact: ${countOf(result.count, 'entry', 'entries')}, head ${result.head}.`,
        )
        if (checkpoint) console.log(`It extends the checkpoint ${formatCheckpoint(checkpoint)}.`)
      })
    })

  audit
    .command('checkpoint')
    .description(
      'print the current entry count and head hash, to hand to a witness (board, partner NGO)',
    )
    .action(async () => {
      await withDatabase(async ({ db }) => {
        const last = await lastAuditRow(db)
        const count = last ? await countAuditRows(db) : 0
        console.log(formatCheckpoint({ count, hash: last?.hash ?? '0'.repeat(64) }))
      })
    })
}
