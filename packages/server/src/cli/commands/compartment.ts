import { countOf } from '@haven/core/i18n/plural'
import type { Command } from 'commander'
import { findCompartmentByCode } from '../../compartments/compartment-store.js'
import { CACHE_MS } from '../../crypto/keyring.js'
import { shredCompartment } from '../../crypto/shred.js'
import { withCliApp } from '../cli-app.js'
import { CliError, cliConfig, EXIT } from '../cli-config.js'
import { type MasterRotationPlan, planMasterRotation, rotateMasterKey } from '../master-rotation.js'

export function registerCompartment(program: Command): void {
  const compartment = program.command('compartment').description('compartment operations')

  compartment
    .command('shred')
    .description(
      "destroy a compartment's keys: its records stay, every sealed field is gone for good, here and in every data backup",
    )
    .argument('<code>', 'the compartment code, e.g. JRL-01')
    .option('--confirm <code>', 'the code again, to confirm without a prompt (scripts)')
    .option(
      '--rotate-master',
      'then make a new master key and re-wrap every remaining key (haven keys rotate-master), so copies of the old wrapped keys left in database logs become useless',
    )
    .option(
      '--new-key-out <file>',
      'with --rotate-master: where to write the new master key when it comes from HAVEN_MASTER_KEY',
    )
    .option(
      '--unseal-passphrase-file <file>',
      'with --rotate-master in sealed mode: the unseal passphrase, from this file',
    )
    .action(async (code: string, options: ShredOptions) => {
      const config = cliConfig()
      // Checked before anything is destroyed: the new master key must have somewhere to go.
      const plan = options.rotateMaster ? planMasterRotation(config, options.newKeyOut) : null
      // At a terminal the rotation is offered afterwards; the key is loaded now (silently, unless
      // sealed) so that saying yes needs nothing more.
      const mayOffer = !plan && process.stdin.isTTY === true && !config.sealed
      const offer = mayOffer ? tryPlan(config) : null
      const needsKey = plan !== null || offer !== null
      await withCliApp(
        { needsKey, passphraseFile: options.unsealPassphraseFile },
        async (app, passphrase) => {
          const row = await findCompartmentByCode(app.database.db, code)
          if (!row) throw new CliError(`No compartment has the code ${code}.`, EXIT.usage)
          const typed = options.confirm ?? (await askCode(code))
          if (typed !== row.code)
            throw new CliError(
              'The confirmation does not match the code. Nothing was destroyed.',
              EXIT.usage,
            )
          const result = await shredCompartment(app, row, {
            actorId: null,
            requestId: null,
            via: 'cli',
          })
          console.log(
            `Destroyed ${countOf(result.destroyedKeys, 'key', 'keys')} of ${row.code} at ${result.shreddedAt}. Its records stay (codes, dates, counts); every sealed field is unreadable for good, in this database and in every data backup, past or future.`,
          )
          if (result.exportsToDestroy.length === 0) {
            console.log('No key export made before now holds these keys.')
          } else {
            console.log(
              `These key exports were made before the shred and STILL HOLD THE DESTROYED KEYS. Find and destroy every copy of them now:`,
            )
            for (const e of result.exportsToDestroy)
              console.log(
                `  key export ${e.key_set_fingerprint}, made ${e.created_at} (${e.protection})`,
              )
          }
          console.log(
            `Running Haven servers forget cached keys within ${CACHE_MS / 1000} s; restart them to make it immediate.`,
          )
          const rotation = plan ?? (offer && (await askYes(ROTATE_QUESTION)) ? offer : null)
          if (rotation) await rotateMasterKey(app, config, rotation, passphrase)
          else console.log(LEFTOVER_COPIES)
        },
      )
    })
}

interface ShredOptions {
  confirm?: string
  rotateMaster?: boolean
  newKeyOut?: string
  unsealPassphraseFile?: string
}

/** Said after every shred that did not rotate the master key. */
export const LEFTOVER_COPIES = [
  'Copies of the destroyed keys, wrapped by the current master key, can outlive them outside Haven’s',
  'tables: in PostgreSQL’s write-ahead log and its archives, in file-system snapshots, in free pages.',
  'Whoever holds such a copy and the current master key could open this compartment again. Run',
  '  haven keys rotate-master',
  'now: every remaining key is re-wrapped under a new master key and those copies become useless.',
].join('\n')

const ROTATE_QUESTION =
  'Rotate the master key now, so copies of the old wrapped keys in database logs become useless? [y/N] '

/** The rotation plan if the master key can be rotated without more flags, else null. */
function tryPlan(config: ReturnType<typeof cliConfig>): MasterRotationPlan | null {
  try {
    return planMasterRotation(config)
  } catch {
    return null
  }
}

async function askYes(question: string): Promise<boolean> {
  const { createInterface } = await import('node:readline/promises')
  const rl = createInterface({ input: process.stdin, output: process.stderr })
  try {
    return /^y(es)?$/i.test((await rl.question(question)).trim())
  } finally {
    rl.close()
  }
}

async function askCode(code: string): Promise<string> {
  if (!process.stdin.isTTY)
    throw new CliError(`Confirm with --confirm ${code} (no terminal to ask on).`, EXIT.usage)
  const { createInterface } = await import('node:readline/promises')
  const rl = createInterface({ input: process.stdin, output: process.stderr })
  try {
    return (
      await rl.question(
        `This destroys the keys of ${code} for good (afterwards, rotate the master key so copies of the old wrapped keys left in database logs become useless). Type ${code} to confirm: `,
      )
    ).trim()
  } finally {
    rl.close()
  }
}
