import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { countOf } from '@haven/core/i18n/plural'
import { checkPassword } from '@haven/core/identity/password-policy'
import type { Command } from 'commander'
import type { AppContext } from '../../app-context.js'
import { audit } from '../../auth/auth-audit.js'
import { isCommonPassword } from '../../auth/common-passwords.js'
import { findCompartmentByCode, listCompartments } from '../../compartments/compartment-store.js'
import { ageDecryptBytes, ageEncryptBytes } from '../../crypto/age-file.js'
import { importKeyExport, parseKeyExport, prepareKeyExport } from '../../crypto/key-export.js'
import { listKeyExports } from '../../crypto/key-export-store.js'
import { latestKeyJobs } from '../../crypto/key-job-store.js'
import { resumeRotation, startRotation } from '../../crypto/key-rotation.js'
import { allKeys, listShredded, masterFingerprintsInUse } from '../../crypto/key-store.js'
import { SYSTEM_OWNER } from '../../crypto/keyring.js'
import { masterFingerprint, parseKey, writeKeyFile } from '../../crypto/master-key.js'
import { openMasterSeal, sealMaster } from '../../crypto/master-seal.js'
import { findMasterSeal, replaceMasterSeal } from '../../crypto/master-seal-store.js'
import { combineMasterKey, splitMasterKey } from '../../crypto/master-shares.js'
import { inTransaction } from '../../db/db-handle.js'
import {
  protectionFrom,
  protectionLabel,
  unlockFrom,
  withProtectOptions,
  withUnlockOptions,
} from '../age-options.js'
import { withCliApp } from '../cli-app.js'
import { CliError, cliConfig, EXIT } from '../cli-config.js'
import { planMasterRotation, rotateMasterKey } from '../master-rotation.js'
import { progressBar } from '../progress.js'
import { readLines, readSecret } from '../secret-input.js'

const UNSEAL_FLAG = '--unseal-passphrase-file <file>'
const UNSEAL_HELP = 'in sealed mode: the unseal passphrase, from this file (else typed)'

const positiveInt = (name: string) => (value: string) => {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0)
    throw new CliError(`${name}: "${value}" is not a whole number`, EXIT.usage)
  return n
}

export function registerKeys(program: Command): void {
  const keys = program
    .command('keys')
    .description('master key and compartment keys: status, rotation, shares, export and import')

  keys
    .command('status')
    .description('list each compartment with its key versions, rotations, shreds and key exports')
    .action(async () => {
      await withCliApp({ needsKey: false }, async (app) => {
        const db = app.database.db
        const rows = await allKeys(db)
        const jobs = new Map((await latestKeyJobs(db)).map((j) => [j.owner_id, j]))
        const shredded = new Map((await listShredded(db)).map((s) => [s.owner_id, s]))
        const owners = [
          { id: SYSTEM_OWNER, code: '(system)' },
          ...(await listCompartments(db, 'all')).map((c) => ({ id: c.id, code: c.code })),
        ]
        console.log(
          `Master key: ${(await masterFingerprintsInUse(db)).join(', ') || '(no keys yet)'}`,
        )
        for (const owner of owners) {
          const current = (purpose: 'data' | 'index') =>
            Math.max(
              0,
              ...rows
                .filter((r) => r.owner_id === owner.id && r.purpose === purpose && !r.retired_at)
                .map((r) => r.version),
            )
          const gone = shredded.get(owner.id)
          const job = jobs.get(owner.id)
          const state = gone
            ? `SHREDDED ${gone.shredded_at}`
            : `data v${current('data')}, index v${current('index')}`
          const rotation = job
            ? `; rotation ${job.status}${job.status === 'running' ? ` ${job.done}/${job.total}` : ''}${job.error ? ` (${job.error})` : ''}`
            : ''
          console.log(`  ${owner.code.padEnd(12)} ${state}${rotation}`)
        }
        const exports = await listKeyExports(db)
        console.log(exports.length === 0 ? 'Key exports: none' : 'Key exports:')
        for (const e of exports)
          console.log(
            `  ${e.key_set_fingerprint}  ${e.created_at}  ${countOf(e.key_count, 'key', 'keys')}, ${e.protection}`,
          )
      })
    })

  keys
    .command('rotate')
    .description(
      'make new keys for a compartment and re-seal its fields under them, with progress (resumes an unfinished rotation)',
    )
    .option('--compartment <code>', 'the compartment to rotate')
    .option('--system', "rotate Haven's own key (authenticator seeds) instead")
    .option('--batch-size <n>', 'records per transaction', positiveInt('--batch-size'), 200)
    .option(
      '--settle-seconds <n>',
      'wait this long after the start before the final sweep, so every server drops cached old keys (default ROTATION_SETTLE_SECONDS, 31)',
      positiveInt('--settle-seconds'),
    )
    .option(UNSEAL_FLAG, UNSEAL_HELP)
    .action(
      async (options: {
        compartment?: string
        system?: boolean
        batchSize: number
        settleSeconds?: number
        unsealPassphraseFile?: string
      }) => {
        if (Boolean(options.compartment) === Boolean(options.system))
          throw new CliError('Give --compartment CODE or --system.', EXIT.usage)
        await withCliApp(
          { needsKey: true, passphraseFile: options.unsealPassphraseFile },
          async (app) => {
            const owner = options.system
              ? { id: SYSTEM_OWNER, code: 'system' }
              : await compartmentByCode(app, options.compartment ?? '')
            const { job, resumed } = await startRotation(app, owner.id, {
              actorId: null,
              requestId: null,
            })
            process.stderr.write(
              `${resumed ? 'Resuming' : 'Started'} the rotation of ${owner.code} to data key v${job.data_version}, index key v${job.index_version}.\n`,
            )
            const bar = progressBar(`Rotating ${owner.code}`, Math.max(job.total, 1), 'records')
            const done = await resumeRotation(app, job.id, {
              batchSize: options.batchSize,
              settleMs:
                options.settleSeconds === undefined
                  ? app.config.rotationSettleMs
                  : options.settleSeconds * 1000,
              onProgress: (j) => bar.update(Math.min(j.done, Math.max(job.total, 1))),
              onSettling: (until) => {
                bar.stop()
                const seconds = Math.ceil((until.getTime() - Date.now()) / 1000)
                process.stderr.write(
                  `Every record is re-sealed. Waiting ${seconds} s for every Haven server to drop the old keys from its cache (ROTATION_SETTLE_SECONDS; 0 is safe with a single server), then a final sweep re-seals anything sealed under them meanwhile.\n`,
                )
              },
            }).finally(() => bar.stop())
            console.log(
              `Rotated ${owner.code}: ${countOf(done.total, 'record', 'records')} re-sealed under data key v${done.data_version} and re-indexed under index key v${done.index_version}. Older versions are retired (kept, so older backups still open).`,
            )
          },
        )
      },
    )

  keys
    .command('rotate-master')
    .description(
      'make a new master key and re-wrap every compartment key under it (sealed values are not touched)',
    )
    .option(
      '--new-key-out <file>',
      'where to write the new key when the current one comes from HAVEN_MASTER_KEY',
    )
    .option(UNSEAL_FLAG, UNSEAL_HELP)
    .action(async (options: { newKeyOut?: string; unsealPassphraseFile?: string }) => {
      const config = cliConfig()
      const plan = planMasterRotation(config, options.newKeyOut)
      await withCliApp(
        { needsKey: true, passphraseFile: options.unsealPassphraseFile },
        (app, passphrase) => rotateMasterKey(app, config, plan, passphrase),
      )
    })

  keys
    .command('split')
    .description(
      'print Shamir shares of the master key for trustees (any --threshold of them rebuild it)',
    )
    .option('--shares <n>', 'how many shares', positiveInt('--shares'), 5)
    .option(
      '--threshold <n>',
      'how many are needed to rebuild the key',
      positiveInt('--threshold'),
      3,
    )
    .option(UNSEAL_FLAG, UNSEAL_HELP)
    .action(
      async (options: { shares: number; threshold: number; unsealPassphraseFile?: string }) => {
        await withCliApp(
          { needsKey: true, passphraseFile: options.unsealPassphraseFile },
          async (app) => {
            const shares = await splitMasterKey(
              app.crypto.master.bytes(),
              options.shares,
              options.threshold,
            )
            await audit(app, app.database.db, {
              actorId: null,
              action: 'keys.master_split',
              details: {
                shares: options.shares,
                threshold: options.threshold,
                fingerprint: app.crypto.master.fingerprint(),
              },
            })
            process.stderr.write(
              `Master key ${app.crypto.master.fingerprint()}: ${options.shares} shares, any ${options.threshold} rebuild it (haven keys combine).\nGive one share to each trustee, on paper or offline media; never two to one person. Fewer than ${options.threshold} reveal nothing.\n\n`,
            )
            for (const share of shares) console.log(share)
          },
        )
      },
    )

  keys
    .command('combine')
    .description(
      "rebuild the master key from trustees' shares (one per line on standard input) into a key file",
    )
    .requiredOption('--out <file>', 'the key file to write (mode 600; it must not exist)')
    .action(async (options: { out: string }) => {
      if (existsSync(options.out))
        throw new CliError(`${options.out} already exists; choose a new file.`, EXIT.usage)
      const lines = await readLines((n) => `Share ${n} (empty line when done): `)
      const key = await combineMasterKey(lines).catch((error: Error) => {
        throw new CliError(`Cannot rebuild the master key: ${error.message}`)
      })
      writeKeyFile(options.out, key)
      console.log(
        `Rebuilt master key ${masterFingerprint(key)} into ${options.out}. Point HAVEN_MASTER_KEY_FILE at it, or seal it under a passphrase (haven keys seal --master-key-file ${options.out}) and delete the file.`,
      )
    })

  withProtectOptions(
    keys
      .command('export')
      .description(
        'write the key store (keys still wrapped by the master key) to an age file, kept apart from data backups',
      )
      .requiredOption('--out <file>', 'the file to write (it must not exist)'),
  ).action(async (options: { out: string; passphraseFile?: string; recipient: string[] }) => {
    if (existsSync(options.out))
      throw new CliError(`${options.out} already exists; choose a new file.`, EXIT.usage)
    const protection = await protectionFrom(options)
    await withCliApp({ needsKey: false }, async (app) => {
      // Recorded before it is written: an export on disk that Haven does not know of could not be
      // named after a shred.
      const { payload, record } = await prepareKeyExport(app, {
        actorId: null,
        requestId: null,
        protection: protectionLabel(protection),
      })
      const sealed = await ageEncryptBytes(protection, Buffer.from(JSON.stringify(payload)))
      writeFileSync(options.out, sealed, { mode: 0o600, flag: 'wx' })
      console.log(
        `Wrote key export ${record.key_set_fingerprint} (${countOf(record.key_count, 'key', 'keys')} of ${countOf(payload.compartments.length, 'compartment', 'compartments')}, wrapped by master key ${record.master_fingerprint}) to ${options.out}.`,
      )
      console.log(
        'Keep it apart from data backups. A shred cannot reach this file: after one, Haven will name it for you to destroy.',
      )
    })
  })

  withUnlockOptions(
    keys
      .command('import')
      .description('bring a key export back into the key store (e.g. after restoring a backup)')
      .argument('<file>', 'the key export'),
  )
    .option(UNSEAL_FLAG, UNSEAL_HELP)
    .action(
      async (
        file: string,
        options: { passphraseFile?: string; identity?: string; unsealPassphraseFile?: string },
      ) => {
        const unlock = await unlockFrom(options)
        let bytes: Buffer
        try {
          bytes = readFileSync(file)
        } catch {
          throw new CliError(`Cannot read ${file}.`, EXIT.usage)
        }
        await withCliApp(
          { needsKey: true, passphraseFile: options.unsealPassphraseFile },
          async (app) => {
            const parsed = parseKeyExport(await ageDecryptBytes(unlock, bytes))
            const result = await importKeyExport(app, parsed, { actorId: null })
            console.log(
              `Imported ${countOf(result.imported, 'key', 'keys')} from export ${parsed.keySetFingerprint} (${result.alreadyPresent} ${result.alreadyPresent === 1 ? 'was' : 'were'} already here).`,
            )
            if (result.refusedShredded.length > 0) {
              const codes = parsed.compartments
                .filter((c) => result.refusedShredded.includes(c.id))
                .map((c) => c.code)
              console.log(
                `Refused the keys of shredded compartments: ${codes.join(', ') || result.refusedShredded.join(', ')}. This file still holds them: destroy every copy of it.`,
              )
            }
          },
        )
      },
    )

  keys
    .command('seal')
    .description(
      'protect the master key with a passphrase for sealed mode (HAVEN_SEALED=true), or change that passphrase',
    )
    .option('--master-key-file <file>', 'the master key to seal (else the current one)')
    .option('--passphrase-file <file>', 'the new passphrase, from this file (else typed twice)')
    .option('--current-passphrase-file <file>', 'the current passphrase, when changing it')
    .action(
      async (options: {
        masterKeyFile?: string
        passphraseFile?: string
        currentPassphraseFile?: string
      }) => {
        const config = cliConfig()
        await withCliApp({ needsKey: false }, async (app) => {
          const db = app.database.db
          const master = await masterToSeal(app, config.masterKeyFile, options)
          const fingerprint = masterFingerprint(master)
          const inUse = await masterFingerprintsInUse(db)
          if (inUse.some((fp) => fp !== fingerprint))
            throw new CliError(
              `Master key ${fingerprint} did not wrap this key store (${inUse.join(', ')}): seal the right key.`,
            )
          const passphrase = await readSecret({
            file: options.passphraseFile,
            prompt: 'New sealed-mode passphrase: ',
            confirm: true,
          })
          const problem = checkPassword(passphrase, {
            orgNames: [config.orgName],
            isCommon: isCommonPassword,
          })
          if (problem)
            throw new CliError(
              'That passphrase is too weak: use at least 12 characters that are not a common password or the organisation’s name.',
              EXIT.usage,
            )
          await inTransaction(db, async (trx) => {
            await replaceMasterSeal(
              trx,
              await sealMaster(master, passphrase, app.now().toISOString()),
            )
            await audit(app, trx, {
              actorId: null,
              action: 'keys.sealed',
              details: { fingerprint },
            })
          })
          console.log(`Master key ${fingerprint} is sealed under the new passphrase.`)
          if (!config.sealed)
            console.log(
              `Set HAVEN_SEALED=true and restart; then delete ${options.masterKeyFile ?? config.masterKeyFile} (keep the trustees' shares: haven keys split).`,
            )
        })
      },
    )
}

async function compartmentByCode(app: AppContext, code: string) {
  const row = await findCompartmentByCode(app.database.db, code)
  if (!row) throw new CliError(`No compartment has the code ${code}.`, EXIT.usage)
  return row
}

/** The master key `keys seal` protects: a given file, the current seal, or the configured key. */
async function masterToSeal(
  app: AppContext,
  configuredFile: string,
  options: { masterKeyFile?: string; currentPassphraseFile?: string },
): Promise<Buffer> {
  const fromFile = (file: string) => {
    try {
      return parseKey(readFileSync(file, 'utf8'), file)
    } catch (error) {
      throw new CliError(error instanceof Error ? error.message : String(error), EXIT.usage)
    }
  }
  if (options.masterKeyFile) return fromFile(options.masterKeyFile)
  const seal = await findMasterSeal(app.database.db)
  if (seal) {
    const current = await readSecret({
      file: options.currentPassphraseFile,
      flag: '--current-passphrase-file',
      prompt: 'Current sealed-mode passphrase: ',
    })
    const key = await openMasterSeal(seal, current)
    if (!key) {
      await audit(app, app.database.db, {
        actorId: null,
        action: 'keys.unseal',
        outcome: 'failure',
        details: { via: 'cli', reason: 'wrong_passphrase' },
      })
      throw new CliError('That is not the current passphrase. Nothing was changed.')
    }
    return key
  }
  if (existsSync(configuredFile)) return fromFile(configuredFile)
  if (process.env.HAVEN_MASTER_KEY)
    return parseKey(process.env.HAVEN_MASTER_KEY, 'HAVEN_MASTER_KEY')
  throw new CliError('No master key to seal: give --master-key-file FILE.', EXIT.usage)
}
