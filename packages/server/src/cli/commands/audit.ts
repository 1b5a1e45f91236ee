import { countOf } from '@haven/core/i18n/plural'
import type { Command } from 'commander'
import { formatCheckpoint, parseCheckpoint } from '../../audit/audit-chain.js'
import {
  checkpointIfDue,
  checkpointLine,
  databaseWitness,
  judgeWitnesses,
  readCheckpointFile,
  type Witness,
} from '../../audit/audit-checkpoints.js'
import { countAuditRows, lastAuditRow } from '../../audit/audit-store.js'
import { verifyAuditLog } from '../../audit/audit-verify.js'
import { CheckpointSigner } from '../../audit/checkpoint-signer.js'
import { listCheckpoints } from '../../audit/checkpoint-store.js'
import type { Config } from '../../config/load-config.js'
import { loadMasterKey } from '../../crypto/master-key.js'
import { openDatabase } from '../../db/database.js'
import { withCliApp } from '../cli-app.js'
import { CliError, cliConfig, EXIT } from '../cli-config.js'
import { progressBar } from '../progress.js'

async function withDatabase<T>(
  config: Config,
  work: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>,
): Promise<T> {
  const database = await openDatabase(config.database, { sqliteStartupCheck: 'off' })
  try {
    return await work(database)
  } finally {
    await database.close()
  }
}

/**
 * The key that checks checkpoint signatures: derived from the master key, if it is at hand
 * without asking (key file or HAVEN_MASTER_KEY). Verifying needs no key otherwise.
 */
function checkpointSigner(config: Config): CheckpointSigner | null {
  if (config.sealed) return null
  try {
    const { key } = loadMasterKey({
      file: config.masterKeyFile,
      environmentValue: process.env.HAVEN_MASTER_KEY,
      firstStart: false,
    })
    return new CheckpointSigner(key.bytes())
  } catch {
    return null
  }
}

/** "3 h 12 min", "2 days 4 h": how old a checkpoint is, for a person. */
export function describeAge(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000))
  if (minutes < 60) return `${minutes} min`
  const hours = Math.floor(minutes / 60)
  if (hours < 48) return `${hours} h ${minutes % 60} min`
  return `${Math.floor(hours / 24)} days ${hours % 24} h`
}

export function registerAudit(program: Command): void {
  const audit = program
    .command('audit')
    .description('check and witness the tamper-evident audit log')

  audit
    .command('verify')
    .description(
      'walk the hash chain and check it against every checkpoint (signed ones in the database, the checkpoint file, --checkpoint); exit 1 naming the first entry that was edited, deleted, inserted or reordered',
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
      const config = cliConfig()
      const signer = checkpointSigner(config)
      const file = config.auditCheckpointFile
      const fromFile = file ? readCheckpointFile(file) : { witnesses: [], unreadable: 0 }
      await withDatabase(config, async ({ db }) => {
        const stored = (await listCheckpoints(db)).map(databaseWitness)
        const judged = judgeWitnesses([...stored, ...fromFile.witnesses], signer)
        if (judged.forged.length > 0) {
          const f = judged.forged[0] as Witness
          throw new CliError(
            `Audit checkpoint FORGED: ${f.count}:${f.hash} of ${f.at} (${f.source}) claims this master key's signature and fails it. Whoever wrote it could also rewrite the log; ${judged.forged.length} such checkpoint(s).`,
          )
        }
        const total = await countAuditRows(db)
        const bar = progressBar('Verifying audit log', total, 'entries')
        const result = await verifyAuditLog(db, {
          ...(checkpoint ? { checkpoint } : {}),
          checkpoints: judged.binding,
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
        const inDb = judged.binding.filter((w) => w.source === 'database').length
        const inFile = judged.binding.length - inDb
        console.log(
          `Checkpoints: the log extends all ${judged.binding.length} (${inDb} signed in the database${file ? `, ${inFile} in ${file}` : ''}).`,
        )
        if (judged.unchecked.length > 0)
          console.log(
            `  ${judged.unchecked.length} in the database were not checked: ${signer ? 'signed under an earlier master key' : 'no master key at hand (key file or HAVEN_MASTER_KEY) to check their signatures'}.`,
          )
        if (fromFile.unreadable > 0)
          console.warn(`WARNING: ${fromFile.unreadable} line(s) of ${file} are not checkpoints.`)
        reportAge(config, [...judged.binding, ...judged.unchecked])
      })
    })

  audit
    .command('checkpoint')
    .description(
      'print the current entry count and head hash, to hand to a witness (board, partner NGO); also records a signed checkpoint when the master key is at hand',
    )
    .action(async () => {
      const config = cliConfig()
      if (config.sealed || !checkpointSigner(config)) {
        await withDatabase(config, async ({ db }) => {
          const last = await lastAuditRow(db)
          console.log(
            formatCheckpoint({ count: last?.seq ?? 0, hash: last?.hash ?? '0'.repeat(64) }),
          )
        })
        return
      }
      await withCliApp({ needsKey: true }, async (app) => {
        const row = await checkpointIfDue(app, { force: true })
        if (!row) throw new CliError('No checkpoint was written.')
        console.log(formatCheckpoint({ count: row.seq, hash: row.hash }))
        console.error(
          `Signed and recorded: ${checkpointLine(row)}${config.auditCheckpointFile ? ` (also in ${config.auditCheckpointFile})` : ''}`,
        )
      })
    })
}

/** The latest checkpoint's age, with a warning when it is older than the routine allows. */
function reportAge(config: Config, witnesses: readonly Witness[]): void {
  const latest = [...witnesses].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))[0]
  const expectedMs = config.auditCheckpointHours * 3_600_000
  if (!latest) {
    console.warn(
      'WARNING: no checkpoint yet. Without one, entries cut from the end or a rewritten log are not detected. A running server writes one every ' +
        `${config.auditCheckpointHours} h or ${config.auditCheckpointEntries} entries; "haven audit checkpoint" writes one now.`,
    )
    return
  }
  const age = Date.now() - Date.parse(latest.at)
  console.log(
    `Latest checkpoint: ${countOf(latest.count, 'entry', 'entries')}, ${latest.at} (${describeAge(age)} ago, ${latest.source}).`,
  )
  // An hour of slack: the server looks once a minute, and clocks differ.
  if (age > expectedMs + 3_600_000)
    console.warn(
      `WARNING: the latest checkpoint is ${describeAge(age)} old; a running server writes one at least every ${config.auditCheckpointHours} h. Either no server ran since, or newer checkpoints were removed together with the entries after them: compare with a copy of the checkpoint file kept elsewhere.`,
    )
}
